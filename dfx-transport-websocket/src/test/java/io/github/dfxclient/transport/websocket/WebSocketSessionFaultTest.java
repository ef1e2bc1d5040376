package io.github.dfxclient.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.ScriptedFailure;
import io.github.dfxclient.testkit.SessionFaultContract;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session over real faults through {@link WebSocketTransport}: the suite's TLS row ({@code wss://}
 * to a plain port: not sent), and the WebSocket equivalents of its pooled-connection row: a socket
 * the server drops as a renew arrives (before acting), and sockets the server drops while idle.
 * None may lock the application out.
 */
class WebSocketSessionFaultTest extends SessionFaultContract {
  private final List<DfxTransport> transports = new ArrayList<>();

  @AfterEach
  void closeTransports() {
    transports.forEach(DfxTransport::close);
  }

  @Override
  protected AuthsPort port(URI baseUri, DfxRetryPolicy retryPolicy) {
    DfxTransport transport = WebSocketTransport.builder().reconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(20))
        .build();
    transports.add(transport);
    return Ws.auths(transport, baseUri, () -> null, Duration.ofSeconds(15), retryPolicy);
  }

  @Override
  protected boolean poolsHttpConnections() {
    return false;
  }

  private static DfxRetryPolicy fast() {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(2)).jitter(0).build();
  }

  /**
   * 100 renews, each first sent on a socket the server drops as the frame arrives, before acting:
   * each is re-sent on a new socket and succeeds; the server saw each refresh token at most twice.
   */
  @Test
  void aSocketDroppedAsTheRenewArrivesNeverLocksOut() {
    FakeAuthsBackend backend = server().backend();
    TokenSession session = TokenSession.builder().auths(port(server().baseUri(), fast())).build();
    session.set(TokenKind.USER, backend.issuePair("user-7"));

    for (int i = 0; i < 100; i++) {
      backend.failNext(AuthsOperations.RENEW, ScriptedFailure.connectionReset());
      TokenPair held = session.current(TokenKind.USER).orElseThrow();
      TokenPair next = session.renewIfStill(TokenKind.USER, held.token());
      assertThat(next).isNotEqualTo(held);
      assertThat(backend.renewAttemptsWith(held.refreshToken())).isEqualTo(2);
    }

    assertThat(backend.isCurrent(session.current(TokenKind.USER).orElseThrow())).isTrue();
    assertThat(backend.requestsReceived(AuthsOperations.RENEW)).isEqualTo(200);
    assertThat(server().webSocketsOpened()).as("a new socket after each drop").isGreaterThanOrEqualTo(101);
  }

  /**
   * The server drops every socket while it is idle (a restart between calls), 50 times: the next
   * renew opens a new socket (or is re-sent on one when it met the dying socket) and succeeds.
   */
  @Test
  void socketsDroppedWhileIdleNeverLockOut() {
    FakeAuthsBackend backend = server().backend();
    TokenSession session = TokenSession.builder().auths(port(server().baseUri(), fast())).build();
    session.set(TokenKind.USER, backend.issuePair("user-7"));

    for (int i = 0; i < 50; i++) {
      TokenPair held = session.current(TokenKind.USER).orElseThrow();
      assertThat(session.renewIfStill(TokenKind.USER, held.token())).isNotEqualTo(held);
      assertThat(backend.renewAttemptsWith(held.refreshToken())).isBetween(1, 2);
      server().dropWebSockets();
    }

    assertThat(backend.isCurrent(session.current(TokenKind.USER).orElseThrow())).isTrue();
    assertThat(server().webSocketsOpened()).isGreaterThanOrEqualTo(50);
  }
}
