package io.github.dfxclient.transport.feign;

import feign.Capability;
import feign.Client;
import feign.Feign;
import feign.RequestInterceptor;
import feign.http2client.Http2Client;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.spi.DfxTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The public entry point of this module: a {@link DfxTransport} over any {@link feign.Client}, for
 * any operation of any resource. The client an application calls is made over it with {@link
 * io.github.dfxclient.core.DfxClient#builder()}:
 *
 * <pre>{@code
 * try (DfxTransport transport = FeignHttpTransport.builder().client(new OkHttpClient()).build()) {
 *   DfxClient client = DfxClient.builder().transport(transport).credentials(session.credentials()).build();
 *   AuthsClient auths = new AuthsClient(client);
 *   ...
 * }
 * }</pre>
 *
 * <p>By default the client is feign-java11's {@link Http2Client} over a new {@link HttpClient} with
 * HTTP/1.1, redirects off and a connect timeout of 5 s (Feign's default client sits on {@code
 * HttpURLConnection}, which cannot send PATCH and silently re-sends POSTs, and is refused). The
 * {@link RequestInterceptor}s and {@link Capability capabilities} (metrics, tracing) set by {@link
 * Builder#customize} apply to every request and to the client; Feign's contract, codecs, logger and
 * retryer are not used (the engine does that work once for every transport, so no header or body is
 * logged and nothing is re-sent behind the retry policy's back). Each request's read timeout is the
 * time left until its deadline. Thread-safe. {@link DfxTransport#close()} closes the {@code
 * HttpClient} the builder created (on Java 21+), never a client passed to {@link Builder#client};
 * the clients over a transport never close it: whoever built it closes it.
 */
public final class FeignHttpTransport {

  private FeignHttpTransport() {}

  /** @return a builder with production defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects what a customizer set on a {@link Feign.Builder} that this transport applies. */
  private static final class Harvest extends Feign.Builder {
    List<RequestInterceptor> interceptors() {
      return new ArrayList<>(requestInterceptors);
    }

    List<Capability> capabilities() {
      return new ArrayList<>(capabilities);
    }
  }

  /**
   * Builds the Feign transport. Each setting checks its value at once and throws an {@link
   * IllegalArgumentException} naming it.
   */
  public static final class Builder {
    private Client client;
    private Consumer<Feign.Builder> customizer = f -> { };
    private Duration connectTimeout;

    private Builder() {}

    /**
     * @param client your own Feign client (OkHttp, Apache HC5, a load-balancing client); never
     *     closed by the transport. Not {@code feign.Client.Default}: {@code HttpURLConnection}
     *     cannot send PATCH and re-sends POSTs. Keep its redirects off.
     * @return this
     */
    public Builder client(Client client) {
      if (ClientSettings.required("client", client) instanceof Client.Default) {
        throw new IllegalArgumentException("client must not be feign.Client.Default: HttpURLConnection"
            + " cannot send PATCH and silently re-sends POSTs");
      }
      this.client = client;
      return this;
    }

    /**
     * @param customizer applied to a {@link Feign.Builder}; its request interceptors and
     *     capabilities are used by this transport (other settings, such as a contract, codec, logger
     *     or retryer, have no effect: the engine does that work)
     * @return this
     */
    public Builder customize(Consumer<Feign.Builder> customizer) {
      this.customizer = ClientSettings.required("customizer", customizer);
      return this;
    }

    /**
     * @param connectTimeout bound on opening a connection, 1 ms to 1 h; default 5 s. Passed to the
     *     Feign client with every request (and given to the {@code HttpClient} this builder creates)
     * @return this
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = new ClientSettings().connectTimeout(connectTimeout).connectTimeout();
      return this;
    }

    /** @return the transport; it owns the {@code HttpClient} it created (none when a client was given) */
    public DfxTransport build() {
      Harvest feign = new Harvest();
      customizer.accept(feign);
      Duration connect = connectTimeout != null ? connectTimeout : new ClientSettings().connectTimeout();
      HttpClient created = null;
      Client base = client;
      if (base == null) {
        created = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connect)
            .build();
        base = new Http2Client(created);
      }
      Client enriched = (Client) Capability.enrich(base, Client.class, feign.capabilities());
      AutoCloseable owned = created instanceof AutoCloseable c ? c : null;
      return new FeignTransport(enriched, feign.interceptors(), connect, owned);
    }
  }
}
