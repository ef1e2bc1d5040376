package io.github.dfxclient.transport.feign;

import feign.Request;
import feign.http2client.Http2Client;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.TransportContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transport contract on {@link FeignTransport}, against the fake DFX server over loopback. */
class FeignTransportTest extends TransportContract {

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
    Request.Options options = new Request.Options(5, TimeUnit.SECONDS,
        settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
    return DfxClient.create(new FeignTransport(new Http2Client(http), List.of(), options, null), settings);
  }

  @Override
  protected URI baseUri() {
    return DFX.baseUri();
  }
}
