package io.github.dfxclient.testkit;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.internal.Answer;
import io.github.dfxclient.core.internal.AuthsWire;
import io.github.dfxclient.core.internal.Bearer;
import io.github.dfxclient.core.internal.CallPipeline;
import io.github.dfxclient.core.internal.Failures;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An in-memory {@link AuthsPort} with the server's semantics (those of {@link FakeAuthsBackend}) and
 * the client's: answers go through the same wire mapping, the same retry policy and the same
 * exceptions as the HTTP adapters, so a test written against it holds against them. Thread-safe.
 *
 * <pre>{@code
 * FakeAuths auths = new FakeAuths();
 * TokenPair device = auths.backend().issuePair("device-1");
 * TokenPair next = auths.renew(device);                      // rotates
 * auths.renew(device);                                       // DfxApiException 401 INVALID_REFRESH_TOKEN
 * }</pre>
 */
public final class FakeAuths implements AuthsPort {
  private final FakeAuthsBackend backend;
  private final CallPipeline pipeline;
  private final Supplier<String> bearerToken;
  private final Duration requestTimeout;

  /** The subject of the device pair {@link #FakeAuths()} registers. */
  public static final String DEVICE = "device";

  /**
   * A fake with a new backend that has registered a device: {@link #devicePair()} is its current
   * pair, and its access token is the bearer token of every call (after a renew of the device
   * pair, the new one). Retry policy: the default, with a 10 ms backoff.
   */
  public FakeAuths() {
    this(new FakeAuthsBackend());
  }

  private FakeAuths(FakeAuthsBackend backend) {
    this(backend, () -> backend.currentPair(DEVICE).map(TokenPair::token).orElse(null),
        Duration.ofSeconds(15), DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build());
    backend.issuePair(DEVICE);
  }

  /** @return the current device pair registered by {@link #FakeAuths()}, if any */
  public TokenPair devicePair() {
    return backend.currentPair(DEVICE).orElseThrow(() -> new IllegalStateException("no current device pair"));
  }

  /**
   * @param backend the state to talk to
   * @param bearerToken the {@code Authorization: Bearer} supplier; {@code null} means no header
   * @param requestTimeout answers held back longer than this surface as a timeout
   * @param retryPolicy the retry policy, as an adapter would use it
   */
  public FakeAuths(FakeAuthsBackend backend, Supplier<String> bearerToken, Duration requestTimeout,
      DfxRetryPolicy retryPolicy) {
    if (backend == null || requestTimeout == null || retryPolicy == null) {
      throw new IllegalArgumentException("backend, requestTimeout and retryPolicy are required");
    }
    this.backend = backend;
    this.bearerToken = bearerToken;
    this.requestTimeout = requestTimeout;
    this.pipeline = new CallPipeline(retryPolicy);
  }

  /** @return the state behind this fake: issue pairs, script failures, read the outbox */
  public FakeAuthsBackend backend() {
    return backend;
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
    return pipeline.run(endpoint, () -> {
      String authorization = Bearer.headerValue(bearerToken);
      Reply reply = backend.handle(endpoint, request, authorization);
      if (reply.delay().compareTo(requestTimeout) > 0) {
        sleep(requestTimeout);
        throw Failures.outcomeUnknown(endpoint, "no complete answer within " + requestTimeout, null);
      }
      sleep(reply.delay());
      if (reply.reset()) {
        throw Failures.outcomeUnknown(endpoint, "connection reset after the request was sent", null);
      }
      Object value = AuthsWire.read(endpoint, reply.status(), AuthsWire.JSON_MEDIA_TYPE,
          reply.retryAfter() == null ? null : Long.toString(reply.retryAfter().toSeconds()), reply.body());
      return new Answer<>(reply.status(), type.cast(value));
    });
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "FakeAuths[in memory]";
  }
}
