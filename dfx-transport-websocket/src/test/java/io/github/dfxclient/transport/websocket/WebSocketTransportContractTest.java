package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.TransportContract;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transport contract on {@link WebSocketTransport}, against the fake DFX server's WebSocket face
 * (the base URI's {@code ws://} twin, same port); the operation without an action ID is refused.
 */
class WebSocketTransportContractTest extends TransportContract {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Override
  protected FakeAuthsBackend backend() {
    return DFX.backend();
  }

  /** The module's public entry point, with its defaults; the client owns (and closes) the transport. */
  @Override
  protected DfxClient client(ClientSettings settings) {
    return DfxClient.create(WebSocketTransport.builder().build(), settings);
  }

  @Override
  protected URI baseUri() {
    return DFX.baseUri();
  }

  @Override
  protected boolean carriesOperationsWithoutActionId() {
    return false;
  }
}
