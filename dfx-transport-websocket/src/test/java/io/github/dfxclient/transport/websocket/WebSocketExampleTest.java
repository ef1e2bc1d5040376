package io.github.dfxclient.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The code of {@code docs/websocket.md}, run against the fake server's WebSocket face. */
class WebSocketExampleTest {

  // readme:websocket-fake:start
  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();   // HTTP and WebSocket, one port

  @Test
  void sendsALoginCodeOverTheSocket() {
    TokenPair device = DFX.backend().issuePair("device");

    assertThat(sendLoginCode(DFX.baseUri(), device, "+15555550123").success()).isTrue();
    assertThat(DFX.server().webSocketsOpened()).isEqualTo(1);                  // one socket, the device's
    assertThat(DFX.backend().outbox()).hasSize(1);
  }
  // readme:websocket-fake:end

  static LoginCodeSent sendLoginCode(URI baseUri, TokenPair devicePair, String phoneNumber) {
    // readme:websocket:start
    try (DfxTransport transport = WebSocketTransport.builder().build()) {       // closes its sockets at the end
      DfxClient client = DfxClient.builder().transport(transport).baseUri(baseUri).build();
      AuthsClient auths = new AuthsClient(client);                              // renews go over the socket too
      TokenSession session = TokenSession.builder().auths(auths).store(new InMemoryTokenStore()).build();
      session.set(TokenKind.DEVICE, devicePair);

      return auths.withCredentials(session.credentials())                       // a socket per token in use
          .requestLoginCode(new LoginCodeRequest(phoneNumber, "acme-health"));  // one frame: action 2303
    }
    // readme:websocket:end
  }
}
