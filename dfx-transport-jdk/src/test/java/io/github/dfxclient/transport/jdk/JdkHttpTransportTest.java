package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The module's public entry point: {@link JdkHttpTransport#builder()} makes a {@link DfxTransport}
 * with the adapter's defaults, any client runs over it, and whoever built it closes it.
 */
class JdkHttpTransportTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private static final LoginCodeRequest CODE = new LoginCodeRequest("+15555550123", "acme");

  @Test
  void appliesTheAdaptersDefaults() {
    JdkTransport t = (JdkTransport) JdkHttpTransport.builder().build();

    assertThat(t.httpClient().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(t.httpClient().followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    assertThat(t.httpClient().connectTimeout()).contains(Duration.ofSeconds(5));
    assertThat(t.ownsHttpClient()).isTrue();
    assertThat(((JdkTransport) JdkHttpTransport.builder().connectTimeout(Duration.ofMillis(750)).build())
        .httpClient().connectTimeout()).contains(Duration.ofMillis(750));
    HttpClient mine = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    JdkTransport given = (JdkTransport) JdkHttpTransport.builder().httpClient(mine).build();
    assertThat(given.httpClient()).isSameAs(mine);
    assertThat(given.ownsHttpClient()).isFalse();
  }

  @Test
  void refusesWhatCouldLeakATokenOrBeIgnored() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpClient mine = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    assertThatThrownBy(() -> JdkHttpTransport.builder().httpClient(following).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("httpClient must not follow redirects");
    assertThatThrownBy(() -> JdkHttpTransport.builder().httpClient(mine).connectTimeout(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connectTimeout cannot be combined");
    assertThatThrownBy(() -> JdkHttpTransport.builder().httpClient(null)).hasMessage("httpClient must not be null");
    assertThatThrownBy(() -> JdkHttpTransport.builder().connectTimeout(Duration.ZERO))
        .hasMessageContaining("connectTimeout");
  }

  /**
   * One transport, built by the application; a blocking and a non-blocking port over one client,
   * and a second client over the same transport; closing the clients (and a view) never closes the
   * transport: it still carries calls until the application closes it.
   */
  @Test
  void anyClientRunsOverTheTransportAndNeverClosesIt() {
    TokenPair device = DFX.backend().issuePair("device");
    try (DfxTransport transport = JdkHttpTransport.builder().build()) {
      DfxClient client = DfxClient.builder().transport(transport).baseUri(DFX.baseUri())
          .bearerToken(device::token).build();
      AuthsClient auths = new AuthsClient(client);
      AsyncAuthsClient async = new AsyncAuthsClient(client);

      assertThat(auths.requestLoginCode(CODE).success()).isTrue();
      assertThat(async.requestLoginCode(CODE).join().success()).isTrue();
      auths.withCredentials(kind -> device.token()).close();
      auths.close();
      async.close();

      DfxClient again = DfxClient.builder().transport(transport).baseUri(DFX.baseUri())
          .bearerToken(device::token).build();
      assertThat(new AuthsClient(again).requestLoginCode(CODE).success()).isTrue();
      assertThat(DFX.backend().outbox()).hasSize(3);
    }
  }
}
