package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.TransportContract;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transport contract on {@link JdkTransport}, against the fake DFX server over loopback. */
class JdkTransportTest extends TransportContract {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Override
  protected FakeAuthsBackend backend() {
    return DFX.backend();
  }

  @Override
  protected DfxClient client(ClientSettings settings) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    return DfxClient.create(new JdkTransport(http, true), settings);
  }

  @Override
  protected URI baseUri() {
    return DFX.baseUri();
  }
}
