package io.github.dfxclient.transport.jdk.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.testkit.FakeAuths;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.ScriptedFailure;
import io.github.dfxclient.testkit.SentMessage;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How an application tests its own code with dfx-testkit (shown in the README and docs/testing.md). */
class SignInServiceTest {
  // readme:testkit-example:start
  @Test
  void sendsTheCodeInMemory() {
    FakeAuths auths = new FakeAuths();                       // no HTTP at all
    SignInService service = new SignInService(auths, "acme-health");

    assertThat(service.sendLoginCode("+15555550123")).isTrue();
    assertThat(auths.backend().outbox()).singleElement()
        .extracting(SentMessage::recipient).isEqualTo("+15555550123");
  }
  // readme:testkit-example:end

  // readme:testkit-http:start
  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void copesWithARefusalOverHttp() {
    String device = DFX.backend().issuePair("device").token();
    DFX.backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.error(404, "ORG_NOT_FOUND", "no such org"));
    SignInService service = new SignInService(
        JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(() -> device).build(), "acme-health");

    assertThat(service.sendLoginCode("+15555550123")).isFalse();
    assertThat(DFX.backend().outbox()).isEmpty();
    assertThat(DFX.requestsReceived()).isEqualTo(1);
  }
  // readme:testkit-http:end
}
