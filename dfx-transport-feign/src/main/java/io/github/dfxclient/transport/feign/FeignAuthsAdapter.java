package io.github.dfxclient.transport.feign;

import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import feign.codec.DecodeException;
import feign.http2client.Http2Client;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.internal.AdapterConfig;
import io.github.dfxclient.core.internal.Answer;
import io.github.dfxclient.core.internal.AuthsWire;
import io.github.dfxclient.core.internal.BaseUri;
import io.github.dfxclient.core.internal.Bearer;
import io.github.dfxclient.core.internal.CallPipeline;
import io.github.dfxclient.core.internal.ClientInfo;
import io.github.dfxclient.core.internal.Failures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link AuthsPort} over OpenFeign, with exactly the behaviour of the JDK adapter: the same wire
 * mapping, errors, retry policy and bounds.
 *
 * <pre>{@code
 * AuthsPort auths = FeignAuthsAdapter.builder()
 *     .bearerToken(() -> deviceToken)
 *     .build();
 * }</pre>
 *
 * <p>By default Feign runs on feign-java11's {@link Http2Client} over a {@link HttpClient} with
 * HTTP/1.1 and redirects off (Feign's default client sits on {@code HttpURLConnection}, which
 * cannot send PATCH and silently re-sends POSTs). Feign's own {@link Retryer} is off: the {@link
 * DfxRetryPolicy} decides. Encoder, decoder, error decoder, contract and logger are this adapter's;
 * {@link Builder#customize} can set anything else on the {@link Feign.Builder} (interceptors,
 * capabilities for metrics). Whatever Feign log level is set, no header or body is logged.
 */
public final class FeignAuthsAdapter implements AuthsPort {
  private static final String USER_AGENT = ClientInfo.userAgent("feign");

  private final AuthsApi api;
  private final CallPipeline pipeline;
  private final String description;
  private final Duration requestTimeout;

  private FeignAuthsAdapter(Builder b, AdapterConfig c, BaseUri base) {
    Client client = b.client != null ? b.client
        : new Http2Client(HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(c.connectTimeout())
            .build());
    WireCodec codec = new WireCodec(c.maxAnswerBytes());
    Supplier<String> bearer = c.bearerToken();
    Feign.Builder feign = Feign.builder();
    b.customizer.accept(feign);
    this.api = feign
        .contract(new CatalogueContract())
        .encoder(codec)
        .decoder(codec)
        .errorDecoder(codec)
        .logger(new RedactingLogger())
        .retryer(Retryer.NEVER_RETRY)
        .options(new Request.Options(c.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
            c.requestTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
        .client(new DeadlineClient(client, c.requestTimeout(), c.maxAnswerBytes()))
        .requestInterceptor(template -> {
          template.removeHeader("Content-Type").headerLiteral("Content-Type", AuthsWire.JSON_MEDIA_TYPE);
          template.removeHeader("Accept").headerLiteral("Accept", AuthsWire.JSON_MEDIA_TYPE);
          template.removeHeader("User-Agent").headerLiteral("User-Agent", USER_AGENT);
          template.removeHeader("Authorization");
          String authorization = Bearer.headerValue(bearer);
          if (authorization != null) {
            template.headerLiteral("Authorization", authorization);
          }
        })
        .target(AuthsApi.class, base.uri().toString());
    this.pipeline = new CallPipeline(c.retryPolicy());
    this.requestTimeout = c.requestTimeout();
    this.description = "FeignAuthsAdapter[" + base.uri() + ", requestTimeout=" + c.requestTimeout() + "]";
  }

  /** @return a builder with production defaults */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TokenPair renew(TokenPair current) {
    return call(DfxEndpoint.RENEW, current, "current", api::renew);
  }

  @Override
  public LoginCodeSent requestLoginCode(LoginCodeRequest request) {
    return call(DfxEndpoint.REQUEST_LOGIN_CODE, request, "request", api::requestLoginCode);
  }

  @Override
  public ResetPasswordLinkSent requestResetPasswordLink(ResetPasswordLinkRequest request) {
    return call(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK, request, "request", api::requestResetPasswordLink);
  }

  private <R, T> T call(DfxEndpoint endpoint, R request, String argument, Function<R, Answer<T>> method) {
    if (request == null) {
      throw new IllegalArgumentException(argument + " must not be null");
    }
    return pipeline.run(endpoint, () -> {
      try {
        return method.apply(request);
      } catch (FeignException e) {
        throw translate(endpoint, e);
      }
    });
  }

  private RuntimeException translate(DfxEndpoint endpoint, FeignException e) {
    Throwable cause = e.getCause();
    if (cause instanceof DfxException d) {
      return d;
    }
    if (cause instanceof IllegalArgumentException iae) {
      return iae;
    }
    if (e instanceof RetryableException && cause != null) {
      return Failures.ofExchange(endpoint, cause, cause instanceof HttpConnectTimeoutException, requestTimeout);
    }
    if (e instanceof DecodeException) {
      return new DfxProtocolException(endpoint, e.status(), "answer could not be decoded");
    }
    return Failures.outcomeUnknown(endpoint, "Feign failed (" + e.getClass().getSimpleName() + ")", null);
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * Builds a {@link FeignAuthsAdapter}; the same vocabulary as the JDK adapter's builder. Each
   * setting checks its value at once and throws an {@link IllegalArgumentException} naming it.
   */
  public static final class Builder {
    private final AdapterConfig config = new AdapterConfig();
    private Client client;
    private Consumer<Feign.Builder> customizer = f -> { };

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

    /** @param connectTimeout bound on opening a connection; default 5 s */
    public Builder connectTimeout(Duration connectTimeout) {
      config.connectTimeout(connectTimeout);
      return this;
    }

    /**
     * @param client your own Feign client (OkHttp, Apache HC5, ...). Do not pass {@code
     *     feign.Client.Default}: {@code HttpURLConnection} cannot send PATCH and re-sends POSTs.
     */
    public Builder client(Client client) {
      if (AdapterConfig.required("client", client) instanceof Client.Default) {
        throw new IllegalArgumentException("client must not be feign.Client.Default: HttpURLConnection"
            + " cannot send PATCH and silently re-sends POSTs");
      }
      this.client = client;
      return this;
    }

    /**
     * @param customizer applied to the {@link Feign.Builder} before this adapter sets its contract,
     *     encoder, decoder, error decoder, logger, retryer, options and client (those stay ours)
     */
    public Builder customize(Consumer<Feign.Builder> customizer) {
      this.customizer = AdapterConfig.required("customizer", customizer);
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
    public FeignAuthsAdapter build() {
      return new FeignAuthsAdapter(this, config, config.checkedBaseUri());
    }
  }
}
