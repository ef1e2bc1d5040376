package com.example.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.testkit.FakeAuths;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.ScriptedFailure;
import io.github.dfxclient.testkit.SentMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example's tests under Surefire's default settings (module path), with the testkit's fakes:
 * in memory and over HTTP.
 */
class SignInTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void sendsTheCodeAndReadsTheOrganizationWithTheUsersToken() {
    TokenPair device = DFX.backend().issuePair("device");
    DFX.backend().addOrganization("acme-health", new OrgClientCredentials("Acme Health", null, null, true, null,
        List.of()));
    try (SignIn signIn = new SignIn(DFX.baseUri(), new InMemoryTokenStore(), device, "acme-health")) {
      assertThat(signIn.sendLoginCode("+15555550123")).isTrue();
      signIn.loggedIn("alice", DFX.backend().issuePair("alice"));

      assertThat(signIn.organizationFor("alice").orgName()).isEqualTo("Acme Health");
      assertThat(DFX.backend().outbox()).singleElement().extracting(SentMessage::recipient).isEqualTo("+15555550123");
    }
  }

  @Test
  void copesWithARefusalAndRenewsTheDeviceAfterA401() {
    TokenPair device = DFX.backend().issuePair("device");
    DFX.backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.error(401, "INVALID_TOKEN", "expired"));
    DFX.backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.error(404, "ORG_NOT_FOUND", "no such org"));
    try (SignIn signIn = new SignIn(DFX.baseUri(), new InMemoryTokenStore(), device, "acme-health")) {
      assertThat(signIn.sendLoginCode("+15555550123")).isFalse();

      assertThat(DFX.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
      assertThat(signIn.session().current(TokenKind.DEVICE)).isNotEqualTo(java.util.Optional.of(device));
      assertThat(DFX.backend().outbox()).isEmpty();
    }
  }

  @Test
  void theInMemoryFakeWorksOnTheModulePathToo() {
    assertThat(SignIn.class.getModule().getName()).as("runs as a named module").isEqualTo("com.example.signin");
    assertThat(io.github.dfxclient.auths.AuthsPort.class.getModule().getName()).isEqualTo("io.github.dfxclient.core");
    FakeAuths fake = new FakeAuths();

    assertThat(fake.renew(fake.devicePair())).isNotNull();
    assertThat(fake.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
  }
}
