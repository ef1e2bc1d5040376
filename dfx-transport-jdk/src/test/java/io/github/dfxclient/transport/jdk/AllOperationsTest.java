package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.GeneratedToken;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.ResetMobileRequest;
import io.github.dfxclient.auths.ResetMobileSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.SsoTokenRequest;
import io.github.dfxclient.auths.SsoTokens;
import io.github.dfxclient.auths.TokenClaims;
import io.github.dfxclient.auths.TokenPair;
import java.time.Duration;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tour of all nine operations (docs/operations.md), blocking and asynchronous, compiled and run. */
class AllOperationsTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void allOperationsRun() {
    URI baseUri = DFX.baseUri();
    TokenPair devicePair = DFX.backend().issuePair("device");
    TokenPair userPair = DFX.backend().issuePair("user-7");
    DFX.backend().addOrganization("acme-health", new OrgClientCredentials("Acme Health", null, null, true, null,
        List.of()));
    String code = DFX.backend().mintSsoCode("acme-health", "https://app.acme.example/sso/callback");
    String code2 = DFX.backend().mintSsoCode("acme-health", "https://app.acme.example/sso/callback");

    // readme:all-operations:start
    JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(baseUri).build();
    TokenSession session = TokenSession.builder().auths(http).build();   // pairs in an InMemoryTokenStore
    session.set(TokenKind.DEVICE, devicePair);
    session.set(TokenKey.user("user-7"), userPair);
    AuthsClient auths = http.withCredentials(session.credentials("user-7"));  // device token; user-7's for 2306

    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));         // 2303, SMS
    auths.requestResetPasswordLink(new ResetPasswordLinkRequest("ada@example.org", "acme-health"));  // 2300
    ResetMobileSent sent = auths.sendResetMobile(new ResetMobileRequest("ada@example.org", null));  // 2302
    GeneratedToken general = auths.generateToken(userPair);                               // 2305, a secret
    OrgClientCredentials org = auths.orgClientCredentials("acme-health");                 // 2306, user token
    TokenPair next = session.renewIfStill(TokenKey.user("user-7"), userPair.token());     // 2304, saved first
    TokenClaims claims = auths.authenticate();                                            // /auth/v1/authenticate
    TokenClaims same = auths.validate();                                                  // /auth/v1/validate
    SsoTokens sso = auths.ssoToken(new SsoTokenRequest(                                   // /auth/v1/sso/token, a secret
        "https://app.acme.example/sso/callback", "acme-health", code));

    // the same nine, without blocking: no thread waits for an answer or a backoff
    AsyncAuthsClient asyncHttp = JdkAuthsAdapter.builder().baseUri(baseUri).buildAsync();
    AsyncAuthsClient async = asyncHttp.withCredentials(session.credentials("user-7"));
    CompletableFuture<ResetMobileSent> sms = async.sendResetMobile(new ResetMobileRequest(null, "+15555550123"));
    CompletableFuture<OrgClientCredentials> settings = async.orgClientCredentials("acme-health");
    CompletableFuture<TokenClaims> validated = async.validate();
    CompletableFuture<SsoTokens> asyncSso = async.ssoToken(new SsoTokenRequest(
        "https://app.acme.example/sso/callback", "acme-health", code2));
    CompletableFuture.allOf(sms, settings, validated, asyncSso).join();
    // readme:all-operations:end

    assertThat(sent.success()).isTrue();
    assertThat(DFX.backend().generatedTokenSubject(general.token())).contains("user-7");
    assertThat(org.orgName()).isEqualTo("Acme Health");
    assertThat(DFX.backend().isCurrent(next)).isTrue();
    assertThat(session.current(TokenKey.user("user-7"))).contains(next);
    assertThat(sms.join().success()).isTrue();
    assertThat(settings.join()).isEqualTo(org);
    assertThat(DFX.backend().outbox()).hasSize(4);
    assertThat(claims.id()).isEqualTo("device");
    assertThat(same).isEqualTo(claims);
    assertThat(validated.join()).isEqualTo(claims);
    assertThat(sso.expiresIn()).isEqualTo(Duration.ofHours(1));
    assertThat(asyncSso.join().accessToken()).isNotEqualTo(sso.accessToken());
    asyncHttp.close();
    http.close();
  }
}
