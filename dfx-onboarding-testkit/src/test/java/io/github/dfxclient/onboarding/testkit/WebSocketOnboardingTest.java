package io.github.dfxclient.onboarding.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.onboarding.LoginRequest;
import io.github.dfxclient.onboarding.OnboardingClient;
import io.github.dfxclient.onboarding.RegisterLicenseRequest;
import io.github.dfxclient.onboarding.RegisteredLicense;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.transport.websocket.WebSocketTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both onboarding operations over the WebSocket transport, against the fake server's WebSocket face
 * (same backend, routed by action ID 705 and 201): the whole contract, and the frames byte for byte.
 */
class WebSocketOnboardingTest extends OnboardingContract {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Override
  protected FakeAuthsBackend backend() {
    return DFX.backend();
  }

  @Override
  protected DfxClient newClient(DfxCredentials credentials, Duration requestTimeout, int refusedConnects) {
    WebSocketTransport.Builder b = WebSocketTransport.builder().reconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(10));
    if (refusedConnects > 0) {
      b.httpClient(new RefusingHttpClient(refusedConnects));
    }
    return DfxClient.create(b.build(), new ClientSettings().baseUri(DFX.baseUri()).credentials(credentials)
        .requestTimeout(requestTimeout).retryPolicy(policy()));
  }

  /** 705 goes on a socket opened without a token; its frame is the action ID, a request ID, the JSON. */
  @Test
  void registrationFrame() {
    new OnboardingClient(client(bearer("eyJ.never.sent"))).registerLicense(new RegisterLicenseRequest("LINUX", KEY,
        "Kiosk 7", "com.example.kiosk", "1.4.2", Duration.ofHours(12), "kiosk.example.com"));

    byte[] frame = DFX.server().webSocketFrames().get(0);
    assertThat(new String(frame, 0, 14, StandardCharsets.US_ASCII)).matches("07050705[A-Za-z]{6}");
    assertThat(new String(Arrays.copyOfRange(frame, 14, frame.length), StandardCharsets.UTF_8))
        .isEqualTo("{\"DeviceTypeID\":\"LINUX\",\"Key\":\"" + KEY
            + "\",\"Name\":\"Kiosk 7\",\"Identifier\":\"com.example.kiosk\",\"Version\":\"1.4.2\","
            + "\"TokenExpiresIn\":43200,\"TokenSubject\":\"kiosk.example.com\"}");
    assertThat(DFX.server().webSocketUpgradeAuthorizations()).containsExactly((String) null);
  }

  /** 201 goes on the socket of the device token; its JSON is UTF-8, byte for byte. */
  @Test
  void loginFrame() {
    fake.addUser("bob@example.com", "pä ss \"wörd\"", MFA);
    RegisteredLicense device = registerKiosk();

    new OnboardingClient(client(bearer(device.pair().token())))
        .login(new LoginRequest("bob@example.com", "pä ss \"wörd\"", MFA, Duration.ofMinutes(30)));

    List<byte[]> frames = DFX.server().webSocketFrames();
    byte[] frame = frames.get(1);
    assertThat(new String(frame, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("0201");
    assertThat(Arrays.copyOfRange(frame, 14, frame.length)).isEqualTo(("{\"Email\":\"bob@example.com\","
        + "\"Password\":\"pä ss \\\"wörd\\\"\",\"MFAToken\":\"" + MFA + "\",\"TokenExpiresIn\":1800}")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(DFX.server().webSocketUpgradeAuthorizations())
        .containsExactly(null, "Bearer " + device.pair().token());
  }
}
