package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.ClientSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@link AuthsPort} over {@link java.net.http.HttpClient}, with no dependency beyond dfx-core.
 *
 * <pre>{@code
 * AuthsPort auths = JdkAuthsAdapter.builder()
 *     .bearerToken(() -> deviceToken)
 *     .build();
 * TokenPair next = auths.renew(current);
 * }</pre>
 *
 * <p>Defaults are meant for production: {@code https://api.deepaffex.ai}, HTTP/1.1, redirects never
 * followed, connect timeout 5 s, a request timeout of 15 s that bounds the whole answer (headers
 * and body), answers bounded to 64 KiB, and {@link DfxRetryPolicy#defaults()}. Every call runs in
 * dfx-core's engine; this module only carries bytes. Instances are immutable and thread-safe; share
 * one per base URI. {@link #close()} closes the HttpClient the builder created (on Java 21+), never
 * one you passed in.
 */
public final class JdkAuthsAdapter extends AuthsClient {

  private JdkAuthsAdapter(DfxClient client) {
    super(client);
  }

  /** @return a builder with production defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link JdkAuthsAdapter}. Each setting checks its value at once and throws an {@link
   * IllegalArgumentException} naming it.
   */
  public static final class Builder {
    private final ClientSettings settings = new ClientSettings();
    private HttpClient httpClient;

    private Builder() {}

    /**
     * @param baseUri the API's base URI; default {@code https://api.deepaffex.ai}
     * @return this
     */
    public Builder baseUri(URI baseUri) {
      settings.baseUri(baseUri);
      return this;
    }

    /**
     * @param bearerToken asked once per attempt for the {@code Authorization: Bearer} value of every
     *     operation that sends one; a null or blank answer omits the header. {@code null} means no
     *     header at all.
     * @return this
     */
    public Builder bearerToken(Supplier<String> bearerToken) {
      settings.bearerToken(bearerToken);
      return this;
    }

    /**
     * @param credentials the source of device and user tokens, asked per attempt (e.g. {@code
     *     TokenSession.credentials()}); replaces {@link #bearerToken}
     * @return this
     */
    public Builder credentials(DfxCredentials credentials) {
      settings.credentials(ClientSettings.required("credentials", credentials));
      return this;
    }

    /**
     * @param requestTimeout bound on one attempt, from sending to the last byte of the answer; 1 ms
     *     to 1 h, default 15 s
     * @return this
     */
    public Builder requestTimeout(Duration requestTimeout) {
      settings.requestTimeout(requestTimeout);
      return this;
    }

    /**
     * @param connectTimeout bound on opening a connection; default 5 s. Not with {@link #httpClient}.
     * @return this
     */
    public Builder connectTimeout(Duration connectTimeout) {
      settings.connectTimeout(connectTimeout);
      return this;
    }

    /**
     * @param httpClient your own client (proxy, TLS, executor, HTTP/2). Its redirects must be {@code
     *     NEVER} ({@link #build()} refuses others): a followed redirect could carry the token to
     *     another host. It is never closed by the adapter.
     * @return this
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = ClientSettings.required("httpClient", httpClient);
      return this;
    }

    /**
     * @param retryPolicy the retry policy; default {@link DfxRetryPolicy#defaults()}
     * @return this
     */
    public Builder retryPolicy(DfxRetryPolicy retryPolicy) {
      settings.retryPolicy(retryPolicy);
      return this;
    }

    /**
     * @param allow accept a plain {@code http://} base URI to a non-loopback host; default false
     * @return this
     */
    public Builder allowPlainHttp(boolean allow) {
      settings.allowPlainHttp(allow);
      return this;
    }

    /**
     * @param maxAnswerBytes bound on an answer body, 1 KiB to 16 MiB; default 64 KiB
     * @return this
     */
    public Builder maxAnswerBytes(int maxAnswerBytes) {
      settings.maxAnswerBytes(maxAnswerBytes);
      return this;
    }

    /** @return the adapter */
    public JdkAuthsAdapter build() {
      return new JdkAuthsAdapter(client());
    }

    /**
     * @return the non-blocking port with the same settings (its own client and transport; close it
     *     when done)
     */
    public AsyncAuthsClient buildAsync() {
      return new AsyncAuthsClient(client());
    }

    private DfxClient client() {
      if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("httpClient must not follow redirects (Redirect.NEVER):"
            + " a followed redirect could carry the bearer token and the body to another host");
      }
      if (httpClient != null && settings.connectTimeoutSet()) {
        throw new IllegalArgumentException(
            "connectTimeout cannot be combined with httpClient: set it on your HttpClient");
      }
      settings.check();
      HttpClient client = httpClient != null ? httpClient
          : HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(settings.connectTimeout())
              .build();
      return DfxClient.create(new JdkTransport(client, httpClient == null), settings);
    }
  }
}
