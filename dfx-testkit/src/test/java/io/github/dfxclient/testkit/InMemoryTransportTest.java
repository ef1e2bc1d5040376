package io.github.dfxclient.testkit;

import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.ClientSettings;
import java.net.URI;

/** The transport contract on the in-memory transport behind {@link FakeAuths}. */
class InMemoryTransportTest extends TransportContract {
  private final FakeAuthsBackend backend = new FakeAuthsBackend();

  @Override
  protected FakeAuthsBackend backend() {
    return backend;
  }

  @Override
  protected DfxClient client(ClientSettings settings) {
    return DfxClient.create(new FakeTransport(backend), settings);
  }

  @Override
  protected URI baseUri() {
    return URI.create("http://fake-dfx.localhost");
  }
}
