package io.github.dfxclient.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Client;
import feign.http2client.Http2Client;
import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The module's public entry point: {@link FeignHttpTransport#builder()} makes a {@link DfxTransport}
 * over any {@code feign.Client}, any client runs over it, and whoever built it closes it.
 */
class FeignHttpTransportTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private static final LoginCodeRequest CODE = new LoginCodeRequest("+15555550123", "acme");

  @Test
  void ownsOnlyWhatItCreated() {
    FeignTransport created = (FeignTransport) FeignHttpTransport.builder().build();
    Client mine = new Http2Client(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    FeignTransport given = (FeignTransport) FeignHttpTransport.builder().client(mine).build();

    assertThat(created.ownsItsClient()).isEqualTo(Runtime.version().feature() >= 21);
    assertThat(created.client()).isInstanceOf(Http2Client.class);
    assertThat(given.ownsItsClient()).isFalse();
    assertThat(given.client()).isSameAs(mine);
  }

  @Test
  void refusesWhatCannotWork() {
    assertThatThrownBy(() -> FeignHttpTransport.builder().client(new Client.Default(null, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("client must not be feign.Client.Default");
    assertThatThrownBy(() -> FeignHttpTransport.builder().client(null)).hasMessage("client must not be null");
    assertThatThrownBy(() -> FeignHttpTransport.builder().customize(null)).hasMessage("customizer must not be null");
    assertThatThrownBy(() -> FeignHttpTransport.builder().connectTimeout(Duration.ofHours(2)))
        .hasMessageContaining("connectTimeout");
  }

  /**
   * One transport, built by the application with a customizer; a blocking and a non-blocking port
   * over one client; the interceptors apply to every request; closing the clients never closes the
   * transport.
   */
  @Test
  void anyClientRunsOverTheTransportAndNeverClosesIt() {
    TokenPair device = DFX.backend().issuePair("device");
    AtomicInteger intercepted = new AtomicInteger();
    try (DfxTransport transport = FeignHttpTransport.builder().connectTimeout(Duration.ofSeconds(2))
        .customize(f -> f.requestInterceptor(t -> {
          intercepted.incrementAndGet();
          t.header("X-Trace", "t-1");
        })).build()) {
      DfxClient client = DfxClient.builder().transport(transport).baseUri(DFX.baseUri())
          .bearerToken(device::token).build();
      AuthsClient auths = new AuthsClient(client);
      AsyncAuthsClient async = new AsyncAuthsClient(client);

      assertThat(auths.requestLoginCode(CODE).success()).isTrue();
      assertThat(async.requestLoginCode(CODE).join().success()).isTrue();
      auths.close();
      async.close();
      assertThat(new AuthsClient(DfxClient.builder().transport(transport).baseUri(DFX.baseUri())
          .bearerToken(device::token).build()).requestLoginCode(CODE).success()).isTrue();

      assertThat(intercepted).hasValue(3);
      assertThat(DFX.server().journal()).hasSize(3).allSatisfy(r -> assertThat(r.header("X-Trace")).isEqualTo("t-1"));
    }
  }
}
