package io.github.dfxclient.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder's defaults and refusals, and who closes what. */
class BuilderTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void defaultsAreTheProductionOnes() {
    try (DfxTransport t = WebSocketTransport.builder().build()) {
      WsSettings s = ((WsTransport) t).settings();
      assertThat(t.name()).isEqualTo("jdk-websocket");
      assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
      assertThat(s.pingInterval()).isEqualTo(Duration.ofSeconds(30));
      assertThat(s.pongTimeout()).isEqualTo(Duration.ofSeconds(120));
      assertThat(s.maxIdleSockets()).isEqualTo(16);
      assertThat(s.ownsClient()).isTrue();
      assertThat(s.client().followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(((WsTransport) t).housekeeping()).as("no timer before the first socket").isFalse();
    }
  }

  @Test
  void badSettingsAreRefusedNamingThem() {
    WebSocketTransport.Builder b = WebSocketTransport.builder();
    assertThatThrownBy(() -> b.httpClient(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("httpClient");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).hasMessageStartingWith("connectTimeout ");
    assertThatThrownBy(() -> b.idleTimeout(Duration.ofHours(2))).hasMessageStartingWith("idleTimeout ");
    assertThatThrownBy(() -> b.pingInterval(null)).hasMessageStartingWith("pingInterval ");
    assertThatThrownBy(() -> b.pongTimeout(Duration.ofNanos(10))).hasMessageStartingWith("pongTimeout ");
    assertThatThrownBy(() -> b.maxIdleSockets(-1)).hasMessageStartingWith("maxIdleSockets ");
    assertThatThrownBy(() -> b.reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageStartingWith("reconnectBackoff ");
  }

  @Test
  void aGivenHttpClientIsUsedAndNeverClosed() {
    HttpClient mine = HttpClient.newHttpClient();
    DfxTransport t = WebSocketTransport.builder().httpClient(mine).build();
    String device = DFX.backend().issuePair("device").token();
    AuthsClient auths = new AuthsClient(DfxClient.builder().transport(t).baseUri(DFX.baseUri())
        .bearerToken(() -> device).build());

    assertThat(auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")).success()).isTrue();
    auths.close();
    assertThat(((WsTransport) t).sockets()).as("closing a client never closes the transport").isEqualTo(1);
    t.close();
    t.close();

    assertThat(((WsTransport) t).settings().client()).isSameAs(mine);
    assertThat(((WsTransport) t).settings().ownsClient()).isFalse();
    assertThat(((WsTransport) t).sockets()).isZero();
    DfxTransportException e = org.assertj.core.api.Assertions.catchThrowableOfType(DfxTransportException.class,
        () -> auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")));
    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains("transport is closed");
  }

  @Test
  void aBasePathIsKeptInTheSocketUri() throws Exception {
    try (ScriptedWsServer server = new ScriptedWsServer(); DfxTransport t = WebSocketTransport.builder().build()) {
      java.net.URI base = java.net.URI.create(server.baseUri() + "/dfx/v2");
      new AuthsClient(DfxClient.builder().transport(t).baseUri(base).build())
          .renew(new io.github.dfxclient.auths.TokenPair("t", "r"));

      assertThat(server.paths).containsExactly("/dfx/v2");
    }
    try (ScriptedWsServer server = new ScriptedWsServer(); DfxTransport t = WebSocketTransport.builder().build()) {
      new AuthsClient(DfxClient.builder().transport(t).baseUri(server.baseUri() + "/").build())
          .renew(new io.github.dfxclient.auths.TokenPair("t", "r"));
      assertThat(server.paths).containsExactly("/");
    }
  }
}
