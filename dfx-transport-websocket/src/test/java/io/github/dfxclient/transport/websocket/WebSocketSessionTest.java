package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.TokenSessionContract;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session rules over {@link WebSocketTransport} against the fake's WebSocket face. */
class WebSocketSessionTest extends TokenSessionContract {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private static final DfxTransport TRANSPORT = WebSocketTransport.builder().build();

  private final FakeAuthsBackend backend = new FakeAuthsBackend(clock, LIFETIME);

  @AfterAll
  static void closeTransport() {
    TRANSPORT.close();
  }

  @Override
  protected FakeAuthsBackend backend() {
    DFX.server().serve(backend);
    return backend;
  }

  @Override
  protected AuthsPort port(Supplier<String> bearerToken) {
    return Ws.auths(TRANSPORT, DFX.baseUri(), bearerToken, Duration.ofSeconds(15), Ws.fast());
  }

  @Override
  protected AuthsPort port(DfxCredentials credentials) {
    return Ws.auths(TRANSPORT, DFX.baseUri(), credentials, Duration.ofSeconds(15), Ws.fast());
  }

  @Override
  protected AsyncAuthsPort asyncPort(DfxCredentials credentials) {
    return Ws.asyncAuths(TRANSPORT, DFX.baseUri(), credentials, Duration.ofSeconds(15), Ws.fast());
  }
}
