package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.SentMessage;
import io.github.dfxclient.transport.jdk.example.QuickStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's quick start, compiled and run against the fake DFX server as it is printed there. */
class QuickStartTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void quickStartSendsTheCodeWithTheDeviceToken() {
    TokenPair device = DFX.backend().issuePair("device");

    assertThat(QuickStart.sendLoginCode(DFX.baseUri().toString(), device, "+15555550123")).isTrue();

    assertThat(DFX.backend().outbox()).singleElement().extracting(SentMessage::kind)
        .isEqualTo(SentMessage.Kind.LOGIN_CODE);
    assertThat(DFX.server().journal()).singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + device.token()));
  }
}
