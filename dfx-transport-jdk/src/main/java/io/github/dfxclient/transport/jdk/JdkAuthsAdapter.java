package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCallListener;
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
 *
 * <p>This builder is a shortcut, kept source-compatible: a {@link JdkHttpTransport} (the module's
 * entry point, not tied to a resource) under an {@link AuthsClient} that owns it. Over the same
 * transport, other resources' clients are made with {@link DfxClient#builder()}.
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
     * The base URI as text, e.g. from configuration. A path is a prefix that is kept ({@code
     * "http://127.0.0.1:8080/gw/v2"} sends renew to {@code /gw/v2/auths/renew}).
     *
     * @param baseUri an absolute {@code https://} URI (or {@code http://} to a loopback host, or with
     *     {@link #allowPlainHttp}); default {@code https://api.deepaffex.ai}
     * @return this
     * @throws IllegalArgumentException naming {@code baseUri} when the text is not such a URI; for
     *     {@code "127.0.0.1:8080"} the message says to add a scheme: {@code http://127.0.0.1:8080}.
     *     The text is never quoted otherwise (it may carry user info)
     */
    public Builder baseUri(String baseUri) {
      settings.baseUri(baseUri);
      return this;
    }

    /**
     * @param bearerToken asked once per attempt for the {@code Authorization: Bearer} value of every
     *     operation that needs a token. When it answers {@code null} or a blank token (or when neither
     *     this nor {@link #credentials} is set), such an operation fails with an {@link
     *     IllegalStateException} naming the credential, and nothing is sent: the request could only
     *     earn a 401. A renew carries its own pair and is then sent without the header. For tokens
     *     that rotate, prefer {@link #credentials} with a {@code TokenSession}'s.
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
     * Adds a listener called around every call and attempt of the adapter and of its {@code
     * withCredentials} views (metrics, traces, a veto before any I/O); several may be added, and are
     * called in the order they were added. See {@link DfxCallListener}.
     *
     * @param listener the listener, not {@code null}
     * @return this
     * @throws IllegalArgumentException when {@code listener} is {@code null}
     */
    public Builder listener(DfxCallListener listener) {
      settings.listener(listener);
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
      JdkHttpTransport.Builder transport = JdkHttpTransport.builder();
      if (httpClient != null) {
        transport.httpClient(httpClient);
      }
      if (settings.connectTimeoutSet()) {
        transport.connectTimeout(settings.connectTimeout());
      }
      transport.check();
      settings.check();
      // the adapter built the transport, so its client owns it: close() closes what it created
      return DfxClient.create(transport.build(), settings);
    }
  }
}
