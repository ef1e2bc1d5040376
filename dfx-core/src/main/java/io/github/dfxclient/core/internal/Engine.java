package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.CredentialsUnavailableException;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxCodec;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.core.spi.DfxHttpRequest;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every call, for every operation and every transport: checks the request, encodes it, asks
 * the credentials for the token at send time, forms the headers, bounds the answer and its
 * deadline, runs the attempts under the {@link DfxRetryPolicy}, classifies each failure once (not
 * sent, refused, maybe acted), logs one DEBUG line per attempt, decodes the answer, and on a 401
 * asks the credentials for a fresh token once. It is the only place that knows these rules.
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.auths");

  private final DfxTransport transport;
  private final BaseUri base;
  private final DfxCredentials credentials;
  private final Duration requestTimeout;
  private final long requestTimeoutNanos;
  private final int maxAnswerBytes;
  private final DfxRetryPolicy policy;
  private final String userAgent;
  private final Map<DfxOperation<?, ?>, URI> fixedUris;
  private final Listeners listeners;
  private final String transportName;
  /** The checked {@code Authorization} value of the last token sent and its headers (a view has its own). */
  private final Bearer.Cache bearers;

  /**
   * @param transport carries the exchanges
   * @param base the checked base URI
   * @param credentials the token source, or {@code null} for none
   * @param requestTimeout bound on one attempt, to the last byte of the answer
   * @param maxAnswerBytes bound on an answer body
   * @param policy the retry policy
   */
  public Engine(DfxTransport transport, BaseUri base, DfxCredentials credentials, Duration requestTimeout,
      int maxAnswerBytes, DfxRetryPolicy policy) {
    this(transport, base, credentials, requestTimeout, maxAnswerBytes, policy, List.of());
  }

  /**
   * @param transport carries the exchanges
   * @param base the checked base URI
   * @param credentials the token source, or {@code null} for none
   * @param requestTimeout bound on one attempt, to the last byte of the answer
   * @param maxAnswerBytes bound on an answer body
   * @param policy the retry policy
   * @param listeners the call listeners, in the order they are called; empty for none
   */
  public Engine(DfxTransport transport, BaseUri base, DfxCredentials credentials, Duration requestTimeout,
      int maxAnswerBytes, DfxRetryPolicy policy, List<DfxCallListener> listeners) {
    this.transport = transport;
    this.base = base;
    this.credentials = credentials;
    this.requestTimeout = requestTimeout;
    this.requestTimeoutNanos = requestTimeout.toNanos();
    this.maxAnswerBytes = maxAnswerBytes;
    this.policy = policy;
    this.transportName = transport.name();
    this.userAgent = ClientInfo.userAgent(transportName);
    this.bearers = new Bearer.Cache(userAgent);
    this.fixedUris = new ConcurrentHashMap<>();
    this.listeners = Listeners.of(listeners);
  }

  /** A view of {@code shared}: the same transport, base URI, bounds, retry policy and URI cache. */
  private Engine(Engine shared, DfxCredentials credentials) {
    this.transport = shared.transport;
    this.base = shared.base;
    this.credentials = credentials;
    this.requestTimeout = shared.requestTimeout;
    this.requestTimeoutNanos = shared.requestTimeoutNanos;
    this.maxAnswerBytes = shared.maxAnswerBytes;
    this.policy = shared.policy;
    this.userAgent = shared.userAgent;
    this.bearers = new Bearer.Cache(userAgent);
    this.fixedUris = shared.fixedUris;
    this.listeners = shared.listeners;
    this.transportName = shared.transportName;
  }

  /**
   * @param credentials the token source of the view
   * @return an engine that shares everything with this one (transport, base URI, bounds, retry
   *     policy, URI cache, listeners) except the credentials
   */
  public Engine withCredentials(DfxCredentials credentials) {
    return new Engine(this, credentials);
  }

  /** @return the base URI */
  public BaseUri base() {
    return base;
  }

  /** @return the request timeout */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** @return the transport */
  public DfxTransport transport() {
    return transport;
  }

  // ---------------------------------------------------------------- blocking

  /**
   * @param op the operation
   * @param request its request
   * @param <Q> the request type
   * @param <A> the answer type
   * @return the answer
   * @throws IllegalArgumentException before any I/O, for a null or invalid request or token
   * @throws DfxException when the call fails
   */
  public <Q, A> A call(DfxOperation<Q, A> op, Q request) {
    Call<Q, A> call = prepare(op, request);
    if (listeners.isEmpty()) {
      return run(call);
    }
    CallHooks hooks = CallHooks.begin(listeners, op, transportName);
    call.hooks = hooks;
    A value;
    try {
      value = run(call);
    } catch (Throwable t) {
      hooks.afterCall(call.attempts, t);
      throw t;
    }
    hooks.afterCall(call.attempts, null);
    return value;
  }

  private <Q, A> A run(Call<Q, A> call) {
    Retry retry = policy.retry(call.op);
    try {
      try {
        return Retry.decorateSupplier(retry, () -> attempt(call)).get();
      } catch (DfxApiException e) {
        if (!renewedAfter(call, e)) {
          throw e;
        }
        return Retry.decorateSupplier(retry, () -> attempt(call)).get();
      }
    } catch (CredentialFailure e) {
      throw e.rethrow();
    } catch (DfxException e) {
      throw withEarlier(call, e);
    }
  }

  /** Attaches the failures of the call's earlier attempts to its last one, as suppressed exceptions. */
  private static DfxException withEarlier(Call<?, ?> call, DfxException last) {
    for (DfxException earlier : call.failures) {
      if (earlier != last) {
        last.addSuppressed(earlier);
      }
    }
    return last;
  }

  /**
   * The credentials source failed (e.g. a session whose renew failed): surfaced as it is, never
   * retried by this call's policy (the renew had its own).
   */
  private static final class CredentialFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CredentialFailure(Throwable cause) {
      super(null, cause, false, false);
    }

    /** @return nothing: throws the credentials' own failure, checked or not */
    RuntimeException rethrow() {
      return Engine.<RuntimeException>sneaky(getCause());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /**
   * @param t what to throw, checked or not
   * @param <T> inferred as an unchecked type
   * @return never
   * @throws T always
   */
  static <T extends Throwable> T sneakyThrow(Throwable t) throws T {
    return sneaky(t);
  }

  /**
   * @return the token of this attempt; {@code null} for an operation without a credential, or for
   *     one whose request authenticates itself (renew) when no token is held
   * @throws CredentialFailure carrying the source's own failure, or an {@link IllegalStateException}
   *     naming the credential when a token the operation needs is missing
   */
  private String token(DfxOperation<?, ?> op) {
    if (op.credential() == Credential.NONE) {
      return null;
    }
    if (credentials == null) {
      return required(op, null, "no credentials are configured");
    }
    String t;
    try {
      t = op.renewCredentialOnUnauthorized()
          ? credentials.token(op.credential(), System.nanoTime() + requestTimeoutNanos)
          : credentials.currentToken(op.credential());
    } catch (CredentialsUnavailableException e) {
      throw new CredentialFailure(notSentWaitingForToken(op, e));
    } catch (RuntimeException e) {
      throw new CredentialFailure(e);
    }
    return required(op, t, "the credentials gave none (null or blank)");
  }

  /**
   * The one rule for a missing credential: a request that could only earn a 401 is not sent. An
   * operation whose request authenticates itself (renew carries its pair: {@link
   * DfxOperation#renewCredentialOnUnauthorized()} is false) is sent without the header instead.
   */
  private String required(DfxOperation<?, ?> op, String token, String why) {
    if (token != null && (bearers.isLast(token) || !token.isBlank())) {
      return token;
    }
    if (!op.renewCredentialOnUnauthorized()) {
      return null;
    }
    throw new CredentialFailure(missing(op, why));
  }

  private static IllegalStateException missing(DfxOperation<?, ?> op, String why) {
    String kind = op.credential().name().toLowerCase(java.util.Locale.ROOT);
    String action = op.hasActionId() ? "action " + op.actionId() + " (" + op.method() + " " + op.pathTemplate() + ")"
        : op.method() + " " + op.pathTemplate();
    return new IllegalStateException("no " + kind + " token for " + action + ": " + why + "; nothing was sent. Give the client"
        + " credentials that hold a " + kind + " token (e.g. TokenSession.credentials(...) with a "
        + kind + " pair set)");
  }

  /** The credentials could not give a token by the deadline (a renew in flight): nothing was sent. */
  private DfxTransportException notSentWaitingForToken(DfxOperation<?, ?> op, CredentialsUnavailableException e) {
    return new DfxTransportException(op, false, "no " + op.credential().name().toLowerCase(java.util.Locale.ROOT)
        + " token to send (" + e.getMessage() + ")", e);
  }

  private <Q, A> A attempt(Call<Q, A> call) {
    String token = token(call.op);
    int number = ++call.attempts;
    long start = System.nanoTime();
    DfxHttpRequest request = call.request(start, token);
    try {
      if (Thread.currentThread().isInterrupted()) {
        throw new DfxTransportException(call.op, call.uri, false, "interrupted before sending", null);
      }
      DfxHttpResponse response;
      try {
        response = transport.send(request);
      } catch (IOException e) {
        throw Classifier.classify(call.op, call.uri, e, requestTimeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DfxTransportException(call.op, call.uri, true, "interrupted while waiting for the answer", e);
      }
      A value = Answers.read(call.op, call.uri, response, call);
      ended(call, number, start, response.status(), null);
      return value;
    } catch (DfxException e) {
      ended(call, number, start, -1, e);
      call.failed(e);
      throw e;
    } catch (RuntimeException e) {
      // a transport's own unchecked failure: whether it sent is unknown
      DfxTransportException t = new DfxTransportException(call.op, call.uri, true,
          "transport failed (" + e.getClass().getSimpleName() + ")", e);
      ended(call, number, start, -1, t);
      call.failed(t);
      throw t;
    }
  }

  // ---------------------------------------------------------------- non-blocking

  /**
   * @param op the operation
   * @param request its request
   * @param <Q> the request type
   * @param <A> the answer type
   * @return the answer, or a future failed with a {@link DfxException}
   * @throws IllegalArgumentException before any I/O, for a null or invalid request
   */
  public <Q, A> CompletableFuture<A> callAsync(DfxOperation<Q, A> op, Q request) {
    Call<Q, A> call = prepare(op, request);
    if (listeners.isEmpty()) {
      return new AsyncCall<>(call).start();
    }
    CallHooks hooks;
    try {
      hooks = CallHooks.begin(listeners, op, transportName);
    } catch (Throwable veto) {
      return CompletableFuture.failedFuture(veto);
    }
    call.hooks = hooks;
    CompletableFuture<A> result = new AsyncCall<>(call).start();
    result.whenComplete((value, failure) -> hooks.afterCall(call.attempts, failure));
    return result;
  }

  private static Throwable settle(Call<?, ?> call, Throwable failure) {
    return failure instanceof DfxException d ? withEarlier(call, d) : failure;
  }

  /**
   * One asynchronous call: the future its caller holds, and the driver of its attempts. The attempts
   * run under the operation's Resilience4j {@link Retry} through its {@link Retry.AsyncContext}, as
   * {@code Retry.decorateCompletionStage} runs them (every outcome reported to the context, the wait
   * it returns scheduled on the retry timer, its metrics and events the same), without the
   * decorator's futures and lambdas per call: an attempt whose token is at hand costs one stage on
   * the transport's future. Cancelling this future cancels the exchange in flight, and no later
   * attempt is sent.
   */
  private final class AsyncCall<Q, A> extends CompletableFuture<A>
      implements java.util.function.BiConsumer<DfxHttpResponse, Throwable>, Runnable {
    private final Call<Q, A> call;
    private final Retry retry;
    /** The retry context of the current round (a round starts again after a renew on a 401). */
    private Retry.AsyncContext<A> context;
    /** The exchange in flight, cancelled with this future. */
    private volatile CompletableFuture<DfxHttpResponse> exchange;
    private int number;
    private long startNanos;

    AsyncCall(Call<Q, A> call) {
      this.call = call;
      this.retry = policy.retry(call.op);
    }

    /** @return this future, its first attempt sent (or waiting for its token) */
    AsyncCall<Q, A> start() {
      context = retry.asyncContext();
      run();
      return this;
    }

    /**
     * Runs an attempt where it is asked, unless that is the retry timer: the timer only schedules,
     * so an attempt whose backoff ended runs on a worker (its credentials may have to wait for a
     * renew).
     */
    @Override
    public void run() {
      if (!AsyncScheduler.isTimerThread()) {
        attempt();
        return;
      }
      try {
        Workers.executor().execute(this::attempt);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        roundFailed(e);
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      CompletableFuture<DfxHttpResponse> inFlight = exchange;
      if (inFlight != null) {
        inFlight.cancel(true);
      }
      return cancelled;
    }

    /** One attempt: its token (at once when the credentials hold one), then the exchange. */
    private void attempt() {
      DfxOperation<Q, A> op = call.op;
      if (op.credential() == Credential.NONE) {
        send(null);
        return;
      }
      if (credentials == null) {
        tokenArrived(null, null, "no credentials are configured");
        return;
      }
      if (!op.renewCredentialOnUnauthorized()) {
        String t;
        try {
          t = credentials.currentToken(op.credential());
        } catch (RuntimeException e) {
          tokenArrived(null, e, null);
          return;
        }
        tokenArrived(t, null, "the credentials gave none (null or blank)");
        return;
      }
      long deadline = System.nanoTime() + requestTimeoutNanos;
      CompletableFuture<String> token;
      try {
        token = credentials.tokenAsync(op.credential(), deadline);
        if (token == null) {
          throw new IllegalStateException("the credentials gave no future for the token");
        }
      } catch (RuntimeException e) {
        tokenArrived(null, e, null);
        return;
      }
      if (!token.isDone()) {
        bounded(token, deadline).whenComplete((t, f) -> tokenArrived(t, f, "the credentials gave none (null or blank)"));
        return;
      }
      String t;
      try {
        t = token.getNow(null);
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        tokenArrived(null, e, null);
        return;
      }
      tokenArrived(t, null, "the credentials gave none (null or blank)");
    }

    /**
     * The credentials answered. Their failure is not this call's request: it is surfaced, never
     * retried here.
     */
    private void tokenArrived(String t, Throwable failure, String whyMissing) {
      if (failure != null) {
        Throwable cause = unwrap(failure);
        attemptFailed(new CredentialFailure(cause instanceof CredentialsUnavailableException timeout
            ? notSentWaitingForToken(call.op, timeout) : cause));
        return;
      }
      String checked;
      try {
        checked = required(call.op, t, whyMissing);
      } catch (CredentialFailure e) {
        attemptFailed(e);
        return;
      }
      send(checked);
    }

    private void send(String token) {
      if (isCancelled()) {
        // the caller gave up before this attempt left: send nothing, and stop retrying
        attemptFailed(new java.util.concurrent.CancellationException("cancelled before sending"));
        return;
      }
      number = ++call.attempts;
      startNanos = System.nanoTime();
      DfxHttpRequest request;
      try {
        request = call.request(startNanos, token);
      } catch (RuntimeException e) {
        attemptFailed(e);
        return;
      }
      CompletableFuture<DfxHttpResponse> inFlight;
      try {
        inFlight = transport.sendAsync(request);
        if (inFlight == null) {
          throw new NullPointerException("the transport gave no future");
        }
      } catch (RuntimeException e) {
        inFlight = CompletableFuture.failedFuture(e);
      }
      exchange = inFlight;
      if (isCancelled()) {
        inFlight.cancel(true);
      }
      inFlight.whenComplete(this);
    }

    /**
     * The exchange ended: its answer is read, or its failure classified once. Whatever throws here
     * (a codec's or a listener's bug) still completes the call: nothing waits forever.
     */
    @Override
    public void accept(DfxHttpResponse response, Throwable failure) {
      try {
        exchangeEnded(response, failure);
      } catch (Throwable t) {
        completeExceptionally(t);
      }
    }

    private void exchangeEnded(DfxHttpResponse response, Throwable failure) {
      DfxException error = null;
      if (failure == null) {
        A value;
        try {
          value = Answers.read(call.op, call.uri, response, call);
        } catch (DfxException e) {
          value = null;
          error = e;
        } catch (RuntimeException e) {
          // as on the blocking path: an unexpected failure after the exchange, whose effect is unknown
          value = null;
          error = new DfxTransportException(call.op, call.uri, true,
              "transport failed (" + e.getClass().getSimpleName() + ")", e);
        }
        if (error == null) {
          ended(call, number, startNanos, response.status(), null);
          attemptSucceeded(value);
          return;
        }
      } else {
        Throwable cause = unwrap(failure);
        if (cause instanceof DfxException d) {
          error = d;
        } else if (cause instanceof IOException io) {
          error = Classifier.classify(call.op, call.uri, io, requestTimeout);
        } else if (cause instanceof java.util.concurrent.CancellationException) {
          error = new DfxTransportException(call.op, call.uri, true, "cancelled", cause);
        } else {
          error = new DfxTransportException(call.op, call.uri, true,
              "transport failed (" + cause.getClass().getSimpleName() + ")", cause);
        }
      }
      ended(call, number, startNanos, -1, error);
      call.failed(error);
      attemptFailed(error);
    }

    /** As {@code Retry.AsyncRetryBlock} does with a value: done, unless the context asks for another attempt. */
    private void attemptSucceeded(A value) {
      try {
        long delayMillis = context.onResult(value);
        if (delayMillis < 0) {
          context.onComplete();
          complete(value);
        } else {
          AsyncScheduler.get().schedule(this, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
      } catch (Throwable t) {
        roundFailed(t);
      }
    }

    /** As {@code Retry.AsyncRetryBlock} does with a failure: retried after the context's wait, or the round ends. */
    private void attemptFailed(Throwable failure) {
      try {
        if (failure instanceof Exception e) {
          long delayMillis = context.onError(e);
          if (delayMillis >= 0) {
            AsyncScheduler.get().schedule(this, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return;
          }
        }
        roundFailed(failure);
      } catch (Throwable t) {
        roundFailed(t);
      }
    }

    /** The retries gave up: a 401 about the token asks for a fresh one once and starts a new round. */
    private void roundFailed(Throwable failure) {
      Throwable cause = unwrap(failure);
      if (cause instanceof DfxApiException api && !isDone() && mayRenewAfter(call, api)) {
        call.renewed = true;
        CompletableFuture<Boolean> renewal;
        try {
          renewal = credentials.renewAfterUnauthorizedAsync(call.op.credential(), call.token);
        } catch (RuntimeException e) {
          renewal = CompletableFuture.failedFuture(e);
        }
        renewal.whenComplete((renewed, rf) -> {
          if (rf != null || !Boolean.TRUE.equals(renewed)) {
            completeExceptionally(rf != null ? unwrap(rf) : settle(call, cause));
            return;
          }
          context = retry.asyncContext();
          run();
        });
        return;
      }
      completeExceptionally(settle(call, cause));
    }
  }

  /**
   * A copy of {@code token} that fails with {@link CredentialsUnavailableException} at the deadline (the
   * source's own future is never completed by us: it may be a renew other calls share).
   */
  private static CompletableFuture<String> bounded(CompletableFuture<String> token, long deadlineNanos) {
    CompletableFuture<String> copy = new CompletableFuture<>();
    io.github.dfxclient.core.spi.Deadlines.Registration deadline =
        io.github.dfxclient.core.spi.Deadlines.register(deadlineNanos,
            () -> copy.completeExceptionally(new CredentialsUnavailableException("a renew of the pair was still in flight at the deadline", null)));
    token.whenComplete((t, f) -> {
      deadline.cancel();
      if (f != null) {
        copy.completeExceptionally(f);
      } else {
        copy.complete(t);
      }
    });
    return copy;
  }

  // ---------------------------------------------------------------- shared

  private <Q, A> Call<Q, A> prepare(DfxOperation<Q, A> op, Q request) {
    if (request == null && op.takesRequest()) {
      throw new IllegalArgumentException(op.argument() + " must not be null");
    }
    URI uri = fixedUris.get(op);
    Map<String, String> pathParameters = Map.of();
    if (uri == null) {
      pathParameters = op.pathParameters(request);
      if (pathParameters.isEmpty()) {
        uri = base.resolve(op.pathTemplate());
        fixedUris.put(op, uri);
      } else {
        uri = base.resolve(op.expandPath(pathParameters));
      }
    }
    byte[] body = null;
    DfxCodec<Q> codec = op.requestBody().orElse(null);
    if (codec != null) {
      body = codec.encode(request);
    }
    return new Call<>(op, uri, body, pathParameters);
  }

  private boolean mayRenewAfter(Call<?, ?> call, DfxApiException e) {
    return e.status() == 401 && refusesTheBearer(e.code()) && credentials != null
        && call.op.renewCredentialOnUnauthorized() && call.op.credential() != Credential.NONE && !call.renewed
        && call.token != null;
  }

  /** The codes of a 401 that is about the bearer token: a renewed token may pass where it did not. */
  private static final java.util.Set<String> BEARER_REFUSALS = java.util.Set.of("INVALID_TOKEN", "TOKEN_EXPIRED",
      "EXPIRED_TOKEN", "TOKEN_INVALID", "UNAUTHORIZED", "UNAUTHENTICATED");

  /**
   * Whether a 401 is about the bearer token: DFX's {@code INVALID_TOKEN} (a missing, unknown or
   * expired token) and its kin, or a 401 without a code of its own ({@code HTTP_401}: a proxy, a
   * gateway). Any other code is about something else the request carried (a password, a code, a
   * license key): a fresh token cannot change the answer, and sending the request again would send
   * that secret again for nothing.
   */
  public static boolean refusesTheBearer(String code) {
    return code == null || code.startsWith("HTTP_") || BEARER_REFUSALS.contains(code.toUpperCase(java.util.Locale.ROOT));
  }

  private boolean renewedAfter(Call<?, ?> call, DfxApiException e) {
    if (!mayRenewAfter(call, e)) {
      return false;
    }
    call.renewed = true;
    LOG.debug("dfx action={}: 401 with the {} token, asking for a fresh one", call.op, call.op.credential());
    return credentials.renewAfterUnauthorized(call.op.credential(), call.token);
  }

  private static String describe(DfxException e) {
    if (e instanceof DfxApiException api) {
      return api.status() + " " + api.code();
    }
    if (e instanceof DfxProtocolException p) {
      return p.status() + " (unusable answer)";
    }
    return ((DfxTransportException) e).outcomeUnknown() ? "none (outcome unknown)" : "none (not sent)";
  }

  /**
   * The one place an attempt's end is reported: the DEBUG line, and the listeners (when there are).
   *
   * @param status the answer's status, or -1 when {@code failure} tells
   * @param failure the attempt's failure, or {@code null}
   */
  private static void ended(Call<?, ?> call, int number, long startNanos, int status, DfxException failure) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("dfx action={} status={} attempt={} duration={}ms", call.op,
          failure == null ? Integer.toString(status) : describe(failure), number,
          (System.nanoTime() - startNanos) / 1_000_000);
    }
    CallHooks hooks = call.hooks;
    if (hooks != null) {
      hooks.afterAttempt(number, startNanos, status, failure);
    }
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof CredentialFailure)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** One call's fixed parts, and what its attempts learn. */
  private final class Call<Q, A> implements java.util.function.Supplier<java.util.Collection<String>> {
    final DfxOperation<Q, A> op;
    final URI uri;
    final byte[] body;
    final Map<String, String> pathParameters;
    /**
     * Attempts sent so far. Attempts run one after the other, each started after the previous one
     * ended (through a future's completion or the retry timer), so plain fields are enough.
     */
    int attempts;
    /** The failures of the attempts so far, in order; empty until one fails. */
    List<DfxException> failures = List.of();
    volatile String token;
    volatile boolean renewed;
    /** The listeners' side of the call; {@code null} when none is registered. */
    CallHooks hooks;

    Call(DfxOperation<Q, A> op, URI uri, byte[] body, Map<String, String> pathParameters) {
      this.op = op;
      this.uri = uri;
      this.body = body;
      this.pathParameters = pathParameters;
    }

    void failed(DfxException e) {
      if (failures.isEmpty()) {
        failures = new ArrayList<>(2);
      }
      failures.add(e);
    }

    /** @return {@link #secrets()}, for an answer's reader, which asks only when it describes an error */
    @Override
    public java.util.Collection<String> get() {
      return secrets();
    }

    /** @return the exact secrets this call carried (bearer token, the request's string values), for redaction */
    java.util.Collection<String> secrets() {
      List<String> secrets = new ArrayList<>(4);
      String t = token;
      if (t != null) {
        secrets.add(t);
      }
      if (body != null) {
        secrets.addAll(Json.strings(body));
      }
      return secrets;
    }

    /** @return the request of one attempt, with the token the credentials gave for it */
    DfxHttpRequest request(long startNanos, String t) {
      Bearer.Cache.Checked checked = bearers.checked(t);
      Map<String, String> headers;
      if (checked == null) {
        headers = bearers.anonymous(body != null);
      } else {
        token = t;
        headers = checked.headers(body != null);
      }
      return new DfxHttpRequest(op.method(), uri, headers, body, startNanos + requestTimeoutNanos, maxAnswerBytes,
          op, pathParameters, Map.of());
    }
  }
}
