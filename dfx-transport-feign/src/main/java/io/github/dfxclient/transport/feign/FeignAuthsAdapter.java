package io.github.dfxclient.transport.feign;

import feign.Client;
import feign.Feign;
import feign.RequestInterceptor;
import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.ClientSettings;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link AuthsPort} over any {@link feign.Client}, with exactly the behaviour of the JDK adapter:
 * every call runs in dfx-core's engine (the same wire mapping, errors, retry policy and bounds);
 * this module only carries bytes through the Feign client.
 *
 * <pre>{@code
 * AuthsPort auths = FeignAuthsAdapter.builder()
 *     .bearerToken(() -> deviceToken)
 *     .build();
 * }</pre>
 *
 * <p>By default the client is feign-java11's {@code Http2Client} over a {@code HttpClient} with
 * HTTP/1.1 and redirects off (Feign's default client sits on {@code HttpURLConnection}, which cannot
 * send PATCH and silently re-sends POSTs). Pass your own with {@link Builder#client} (OkHttp, Apache
 * HC5, a load-balancing client). {@link Builder#customize} still matters: the {@link
 * RequestInterceptor}s and {@code Capability capabilities} (metrics, tracing) you set on the {@link
 * Feign.Builder} are applied to every request and to the client. Feign's contract, codecs,
 * logger and retryer are not used: the engine does their work once for every transport, so no
 * header or body is ever logged and nothing is re-sent behind the retry policy's back.
 *
 * <p>This builder is a shortcut, kept source-compatible: a {@link FeignHttpTransport} (the module's
 * entry point, not tied to a resource) under an {@link AuthsClient} that owns it; {@link #close()}
 * closes the {@code HttpClient} the builder created, never a client you passed in. Over the same
 * transport, other resources' clients are made with {@link DfxClient#builder()}.
 */
public final class FeignAuthsAdapter extends AuthsClient {

  private FeignAuthsAdapter(DfxClient client) {
    super(client);
  }

  /** @return a builder with production defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link FeignAuthsAdapter}; the same vocabulary as the JDK adapter's builder. Each
   * setting checks its value at once and throws an {@link IllegalArgumentException} naming it.
   */
  public static final class Builder {
    private final ClientSettings settings = new ClientSettings();
    /** The Feign client and customizer go to the transport's builder, which checks them. */
    private final FeignHttpTransport.Builder transport = FeignHttpTransport.builder();

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
     * @param connectTimeout bound on opening a connection; default 5 s
     * @return this
     */
    public Builder connectTimeout(Duration connectTimeout) {
      settings.connectTimeout(connectTimeout);
      return this;
    }

    /**
     * @param client your own Feign client (OkHttp, Apache HC5, ...); never closed by the adapter. Do
     *     not pass {@code feign.Client.Default}: {@code HttpURLConnection} cannot send PATCH and
     *     re-sends POSTs. Keep its redirects off.
     * @return this
     */
    public Builder client(Client client) {
      transport.client(client);
      return this;
    }

    /**
     * @param customizer applied to a {@link Feign.Builder}; its request interceptors and
     *     capabilities are used by this adapter (other settings, such as a contract, codec, logger or
     *     retryer, have no effect: the engine does that work)
     * @return this
     */
    public Builder customize(Consumer<Feign.Builder> customizer) {
      transport.customize(customizer);
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
    public FeignAuthsAdapter build() {
      return new FeignAuthsAdapter(client());
    }

    /**
     * @return the non-blocking port with the same settings (its own client and transport; close it
     *     when done)
     */
    public AsyncAuthsClient buildAsync() {
      return new AsyncAuthsClient(client());
    }

    private DfxClient client() {
      settings.check();
      transport.connectTimeout(settings.connectTimeout());
      // the adapter built the transport, so its client owns it: close() closes what it created
      return DfxClient.create(transport.build(), settings);
    }
  }
}
