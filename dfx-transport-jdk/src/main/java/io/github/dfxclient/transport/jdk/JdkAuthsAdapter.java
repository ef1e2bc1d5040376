package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.internal.AdapterConfig;
import io.github.dfxclient.core.internal.Answer;
import io.github.dfxclient.core.internal.AuthsWire;
import io.github.dfxclient.core.internal.BaseUri;
import io.github.dfxclient.core.internal.Bearer;
import io.github.dfxclient.core.internal.CallPipeline;
import io.github.dfxclient.core.internal.ClientInfo;
import io.github.dfxclient.core.internal.Failures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
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
 * and body), answers bounded to 64 KiB, and {@link DfxRetryPolicy#defaults()}, which never sends
 * again a request that may have reached the server. Instances are immutable and thread-safe; share
 * one per base URI.
 */
public final class JdkAuthsAdapter implements AuthsPort {
  private static final String USER_AGENT = ClientInfo.userAgent("jdk-httpclient");

  private final HttpClient client;
  private final Map<DfxEndpoint, URI> uris = new EnumMap<>(DfxEndpoint.class);
  private final Supplier<String> bearerToken;
  private final Duration requestTimeout;
  private final int maxAnswerBytes;
  private final CallPipeline pipeline;

  private JdkAuthsAdapter(Builder b, AdapterConfig c, BaseUri base) {
    this.client = b.httpClient != null ? b.httpClient
        : HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(c.connectTimeout())
            .build();
    for (DfxEndpoint e : DfxEndpoint.values()) {
      uris.put(e, base.resolve(e));
    }
    this.bearerToken = c.bearerToken();
    this.requestTimeout = c.requestTimeout();
    this.maxAnswerBytes = c.maxAnswerBytes();
    this.pipeline = new CallPipeline(c.retryPolicy());
  }

  /** @return a builder with production defaults */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TokenPair renew(TokenPair current) {
    return call(DfxEndpoint.RENEW, current, "current", TokenPair.class);
  }

  @Override
  public LoginCodeSent requestLoginCode(LoginCodeRequest request) {
    return call(DfxEndpoint.REQUEST_LOGIN_CODE, request, "request", LoginCodeSent.class);
  }

  @Override
  public ResetPasswordLinkSent requestResetPasswordLink(ResetPasswordLinkRequest request) {
    return call(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK, request, "request", ResetPasswordLinkSent.class);
  }

  private <T> T call(DfxEndpoint endpoint, Object request, String argument, Class<T> type) {
    if (request == null) {
      throw new IllegalArgumentException(argument + " must not be null");
    }
    byte[] body = AuthsWire.encodeRequest(request);
    URI uri = uris.get(endpoint);
    return pipeline.run(endpoint, () -> exchange(endpoint, uri, body, type));
  }

  private <T> Answer<T> exchange(DfxEndpoint endpoint, URI uri, byte[] body, Class<T> type) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Content-Type", AuthsWire.JSON_MEDIA_TYPE)
        .header("Accept", AuthsWire.JSON_MEDIA_TYPE)
        .header("User-Agent", USER_AGENT)
        .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    String authorization = Bearer.headerValue(bearerToken);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(),
          BoundedSubscriber.handler(maxAnswerBytes, System.nanoTime() + requestTimeout.toNanos()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.outcomeUnknown(endpoint, "interrupted while waiting for the answer", e);
    } catch (IOException e) {
      throw Failures.ofExchange(endpoint, e, e instanceof HttpConnectTimeoutException, requestTimeout);
    }
    int status = response.statusCode();
    Object value = AuthsWire.read(endpoint, status,
        response.headers().firstValue("Content-Type").orElse(null),
        response.headers().firstValue("Retry-After").orElse(null),
        response.body());
    return new Answer<>(status, type.cast(value));
  }

  @Override
  public String toString() {
    return "JdkAuthsAdapter[" + uris.get(DfxEndpoint.RENEW) + ", requestTimeout=" + requestTimeout + "]";
  }

  /**
   * Builds a {@link JdkAuthsAdapter}. Each setting checks its value at once and throws an {@link
   * IllegalArgumentException} naming it.
   */
  public static final class Builder {
    private final AdapterConfig config = new AdapterConfig();
    private HttpClient httpClient;

    private Builder() {}

    /** @param baseUri the API's base URI; default {@code https://api.deepaffex.ai} */
    public Builder baseUri(URI baseUri) {
      config.baseUri(baseUri);
      return this;
    }

    /**
     * @param bearerToken asked once per attempt for the {@code Authorization: Bearer} value; a null
     *     or blank answer omits the header. {@code null} means no header at all.
     */
    public Builder bearerToken(Supplier<String> bearerToken) {
      config.bearerToken(bearerToken);
      return this;
    }

    /** @param requestTimeout bound on one attempt, from sending to the last byte of the answer; default 15 s */
    public Builder requestTimeout(Duration requestTimeout) {
      config.requestTimeout(requestTimeout);
      return this;
    }

    /** @param connectTimeout bound on opening a connection; default 5 s. Not with {@link #httpClient}. */
    public Builder connectTimeout(Duration connectTimeout) {
      config.connectTimeout(connectTimeout);
      return this;
    }

    /**
     * @param httpClient your own client (proxy, TLS, executor, HTTP/2). Its redirects must be {@code
     *     NEVER} ({@link #build()} refuses others): a followed redirect could carry the token to
     *     another host.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = AdapterConfig.required("httpClient", httpClient);
      return this;
    }

    /** @param retryPolicy the retry policy; default {@link DfxRetryPolicy#defaults()} */
    public Builder retryPolicy(DfxRetryPolicy retryPolicy) {
      config.retryPolicy(retryPolicy);
      return this;
    }

    /** @param allow accept a plain {@code http://} base URI to a non-loopback host; default false */
    public Builder allowPlainHttp(boolean allow) {
      config.allowPlainHttp(allow);
      return this;
    }

    /** @param maxAnswerBytes bound on an answer body, 1 KiB to 16 MiB; default 64 KiB */
    public Builder maxAnswerBytes(int maxAnswerBytes) {
      config.maxAnswerBytes(maxAnswerBytes);
      return this;
    }

    /** @return the adapter */
    public JdkAuthsAdapter build() {
      BaseUri base = config.checkedBaseUri();
      if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("httpClient must not follow redirects (Redirect.NEVER):"
            + " a followed redirect could carry the bearer token and the body to another host");
      }
      if (httpClient != null && config.connectTimeoutSet()) {
        throw new IllegalArgumentException(
            "connectTimeout cannot be combined with httpClient: set it on your HttpClient");
      }
      return new JdkAuthsAdapter(this, config, base);
    }
  }
}
