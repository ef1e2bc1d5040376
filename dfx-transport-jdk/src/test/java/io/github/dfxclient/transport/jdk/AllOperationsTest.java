package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.GeneratedToken;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.ResetMobileRequest;
import io.github.dfxclient.auths.ResetMobileSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's tour of all six operations, blocking and asynchronous, compiled and run. */
class AllOperationsTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void allOperationsRun() {
    URI baseUri = DFX.baseUri();
    String deviceToken = DFX.backend().issuePair("device").token();
    TokenPair current = DFX.backend().issuePair("user-7");
    String userToken = current.token();
    DFX.backend().addOrganization("acme-health", new OrgClientCredentials("Acme Health", null, null, true, null,
        List.of()));

    // readme:all-operations:start
    AuthsPort auths = JdkAuthsAdapter.builder().baseUri(baseUri).bearerToken(() -> deviceToken).build();

    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));         // 2303, SMS
    auths.requestResetPasswordLink(new ResetPasswordLinkRequest("ada@example.org", "acme-health"));  // 2300
    ResetMobileSent sent = auths.sendResetMobile(new ResetMobileRequest("ada@example.org", null));  // 2302
    GeneratedToken general = auths.generateToken(current);                                // 2305, a secret

    // 2306 wants the user's token: give the adapter credentials (a TokenSession's) or a user bearer
    AuthsPort asUser = JdkAuthsAdapter.builder().baseUri(baseUri).bearerToken(() -> userToken).build();
    OrgClientCredentials org = asUser.orgClientCredentials("acme-health");                // path-encoded

    TokenPair next = auths.renew(current);                                                // 2304

    // the same six, without blocking: no thread waits for an answer or a backoff
    AsyncAuthsPort async = JdkAuthsAdapter.builder().baseUri(baseUri).bearerToken(() -> deviceToken).buildAsync();
    CompletableFuture<TokenPair> renewed = async.renew(next);
    CompletableFuture<ResetMobileSent> sms = async.sendResetMobile(new ResetMobileRequest(null, "+15555550123"));
    CompletableFuture.allOf(renewed, sms).join();
    // readme:all-operations:end

    assertThat(sent.success()).isTrue();
    assertThat(DFX.backend().generatedTokenSubject(general.token())).contains("user-7");
    assertThat(org.orgName()).isEqualTo("Acme Health");
    assertThat(DFX.backend().isCurrent(renewed.join())).isTrue();
    assertThat(sms.join().success()).isTrue();
    assertThat(DFX.backend().outbox()).hasSize(4);
  }
}
