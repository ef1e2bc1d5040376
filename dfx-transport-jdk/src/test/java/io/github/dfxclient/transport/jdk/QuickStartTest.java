package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.SentMessage;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's quick start, compiled and run against the fake DFX server so it cannot rot. */
class QuickStartTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private final Map<String, TokenPair> store = new HashMap<>();

  @Test
  void quickStartRuns() {
    URI baseUri = DFX.baseUri();
    String deviceToken = DFX.backend().issuePair("device").token();
    TokenPair current = DFX.backend().issuePair("user-7");

    // readme:jdk-quickstart:start
    AuthsPort auths = JdkAuthsAdapter.builder()
        .baseUri(baseUri)                        // default: https://api.deepaffex.ai
        .bearerToken(() -> deviceToken)          // sent as Authorization: Bearer ...
        .requestTimeout(Duration.ofSeconds(10))  // bounds the whole answer
        .build();

    TokenPair next = auths.renew(current);       // the old pair is invalid from now on
    store.put("user-7", next);                   // persist at once: the refresh token is one-time

    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));
    auths.requestResetPasswordLink(new ResetPasswordLinkRequest("ada@example.org", "acme-health"));
    // readme:jdk-quickstart:end

    assertThat(DFX.backend().isCurrent(store.get("user-7"))).isTrue();
    assertThat(DFX.backend().isCurrent(current)).isFalse();
    assertThat(DFX.backend().outbox()).extracting(SentMessage::kind)
        .containsExactly(SentMessage.Kind.LOGIN_CODE, SentMessage.Kind.RESET_PASSWORD_LINK);
  }
}
