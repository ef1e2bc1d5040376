package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.spi.DfxTransport;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The public entry point of this module: a {@link DfxTransport} over {@link HttpClient}, for any
 * operation of any resource. The transport is the hexagonal adapter that carries bytes; the client
 * an application calls is made over it with {@link io.github.dfxclient.core.DfxClient#builder()}:
 *
 * <pre>{@code
 * try (DfxTransport transport = JdkHttpTransport.builder().build()) {
 *   DfxClient client = DfxClient.builder().transport(transport).credentials(session.credentials()).build();
 *   AuthsClient auths = new AuthsClient(client);
 *   ...
 * }
 * }</pre>
 *
 * <p>Defaults: a new {@code HttpClient} with HTTP/1.1, redirects never followed, and a connect
 * timeout of 5 s. The transport sends each request with exactly the engine's headers and body,
 * collects the answer bounded in size and by the request's deadline, never retries and never follows
 * a redirect. Thread-safe; share one per application. {@link DfxTransport#close()} closes the {@code
 * HttpClient} the builder created (on Java 21+), never one passed to {@link Builder#httpClient}; the
 * clients over a transport never close it: whoever built it closes it.
 */
public final class JdkHttpTransport {

  private JdkHttpTransport() {}

  /** @return a builder with production defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the {@code java.net.http} transport. Each setting checks its value at once and throws an
   * {@link IllegalArgumentException} naming it.
   */
  public static final class Builder {
    private HttpClient httpClient;
    private Duration connectTimeout;

    private Builder() {}

    /**
     * @param httpClient your own client (proxy, TLS, executor, HTTP/2). Its redirects must be {@code
     *     NEVER} ({@link #build()} refuses others): a followed redirect could carry the token to
     *     another host. It is never closed by the transport.
     * @return this
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = ClientSettings.required("httpClient", httpClient);
      return this;
    }

    /**
     * @param connectTimeout bound on opening a connection, 1 ms to 1 h; default 5 s. Not with {@link
     *     #httpClient} (set it on that client)
     * @return this
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = new ClientSettings().connectTimeout(connectTimeout).connectTimeout();
      return this;
    }

    /**
     * @return the transport; it owns the {@code HttpClient} it created (none when one was given)
     * @throws IllegalArgumentException when the given {@code HttpClient} follows redirects, or a
     *     connect timeout was set together with it
     */
    public DfxTransport build() {
      check();
      if (httpClient != null) {
        return new JdkTransport(httpClient, false);
      }
      HttpClient created = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(connectTimeout != null ? connectTimeout : new ClientSettings().connectTimeout())
          .build();
      return new JdkTransport(created, true);
    }

    /** The checks of {@link #build()}, made before anything is created. */
    void check() {
      if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("httpClient must not follow redirects (Redirect.NEVER):"
            + " a followed redirect could carry the bearer token and the body to another host");
      }
      if (httpClient != null && connectTimeout != null) {
        throw new IllegalArgumentException(
            "connectTimeout cannot be combined with httpClient: set it on your HttpClient");
      }
    }
  }
}
