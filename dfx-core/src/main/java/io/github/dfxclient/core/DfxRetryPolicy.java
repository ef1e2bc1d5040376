package io.github.dfxclient.core;

import io.github.dfxclient.auths.AuthsOperations;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one retry policy of every transport, on Resilience4j.
 *
 * <p>Retried: a {@link DfxTransportException} whose request was surely not sent ({@code
 * outcomeUnknown() == false}), and a {@link DfxApiException} with status 429 or 503; a request that
 * may have reached the server (outcome unknown, 500, 502, 504) only when its operation says so
 * ({@link DfxOperation#resendAfterMaybeActed()}: renew and GETs yes, messages never). Those wait the server's {@code Retry-After} when it gave one (a wait longer than {@link
 * Builder#maxRetryAfter} fails at once, with {@code retryAfter()} set), else an exponential,
 * jittered backoff. Nothing else is retried.
 *
 * <p>Defaults: 3 attempts in all, backoff from 100 ms, multiplied by 2, jitter 0.5, Retry-After
 * honoured up to 10 s. One {@link Retry} per operation, named {@code <name>-<operation name>} (e.g.
 * {@code dfx-renew}; {@link DfxOperation#name()}) and configured with the operation's own resend
 * rule, is taken from the {@link RetryRegistry} given to {@link Builder#retryRegistry}: those of the
 * Auths operations ({@link AuthsOperations#all()}) when the policy is built, any other operation's
 * when it first runs (or is asked for with {@link #retry(DfxOperation)}), so an application's
 * metrics and event consumers see every attempt. A registry hands out an existing
 * {@code Retry} by name, with the configuration it was first made with: give two differently
 * configured policies that share a registry different {@link Builder#name names}.
 */
public final class DfxRetryPolicy {

  private static final DfxRetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final String name;
  private final RetryRegistry registry;
  private final RetryConfig sendOnce;
  private final RetryConfig resendable;
  private final Map<String, Named> retries = new ConcurrentHashMap<>();

  /** A {@code Retry} and the resend rule it was configured with. */
  private record Named(Retry retry, boolean resendAfterMaybeActed) {}

  private DfxRetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.name = b.name;
    this.registry = b.registry != null ? b.registry : RetryRegistry.ofDefaults();
    this.sendOnce = config(false);
    this.resendable = config(true);
    // made now, so that an application finds them in its registry before the first call (and cannot
    // make one there first with another configuration); each with its operation's own rule
    for (DfxOperation<?, ?> operation : AuthsOperations.all()) {
      retry(operation);
    }
  }

  private RetryConfig config(boolean resendAfterMaybeActed) {
    IntervalFunction backoff = jitter == 0
        ? IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier)
        : IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter);
    return RetryConfig.custom()
        .maxAttempts(maxAttempts)
        .retryOnException(failure -> shouldRetry(failure, resendAfterMaybeActed))
        .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> {
          if (outcome.isLeft() && outcome.getLeft() instanceof DfxApiException api
              && api.retryAfter().isPresent()) {
            return api.retryAfter().get().toMillis();
          }
          return backoff.apply(attempt);
        })
        .build();
  }


  /** @return the default policy (3 attempts, 100 ms ×2 jittered backoff, Retry-After up to 10 s) */
  public static DfxRetryPolicy defaults() {
    return DEFAULTS;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code attempt} until it succeeds, fails in a way this policy does not retry, or the
   * attempts are used up; then returns its value or throws its last exception.
   *
   * @param endpoint the endpoint the attempt calls; picks the {@link Retry} instance (that of its
   *     {@link DfxEndpoint#operation() operation})
   * @param attempt one attempt
   * @param <T> the result type
   * @return what the successful attempt returned
   */
  public <T> T execute(DfxEndpoint endpoint, Supplier<T> attempt) {
    return Retry.decorateSupplier(retry(endpoint), attempt).get();
  }

  /**
   * Runs {@code attempt} as {@link #execute(DfxEndpoint, Supplier)} does, under the operation's
   * {@link Retry} (its name and resend rule).
   *
   * @param operation the operation the attempt calls
   * @param attempt one attempt
   * @param <T> the result type
   * @return what the successful attempt returned
   * @throws IllegalArgumentException as {@link #retry(DfxOperation)} does
   */
  public <T> T execute(DfxOperation<?, ?> operation, Supplier<T> attempt) {
    return Retry.decorateSupplier(retry(operation), attempt).get();
  }

  /**
   * @param failure what an attempt threw
   * @return whether this policy sends the request again after it (attempts permitting)
   */
  public boolean shouldRetry(Throwable failure) {
    return shouldRetry(failure, false);
  }

  /**
   * The retry table of the DESIGN: a request that surely was not sent, and a 429 or 503 (within the
   * {@code Retry-After} cap), are sent again; a request that may have reached the server (outcome
   * unknown, 500, 502, 504) only when the operation allows it; nothing else.
   *
   * @param failure what an attempt threw
   * @param resendAfterMaybeActed whether the operation may be sent again after the server may have
   *     acted ({@link DfxOperation#resendAfterMaybeActed()})
   * @return whether this policy sends the request again after it (attempts permitting)
   */
  public boolean shouldRetry(Throwable failure, boolean resendAfterMaybeActed) {
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    if (failure instanceof DfxTransportException t) {
      return !t.outcomeUnknown() || resendAfterMaybeActed;
    }
    if (failure instanceof DfxApiException api) {
      int status = api.status();
      if (status == 500 || status == 502 || status == 504) {
        return resendAfterMaybeActed;
      }
      if (status != 429 && status != 503) {
        return false;
      }
      return api.retryAfter().map(wait -> wait.compareTo(maxRetryAfter) <= 0).orElse(true);
    }
    return false;
  }

  /** @return attempts in all, including the first */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** @return the longest {@code Retry-After} this policy waits */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * @param endpoint an endpoint of the catalogue
   * @return the {@link Retry} instance used for {@code endpoint}, e.g. for its metrics: that of its
   *     {@link DfxEndpoint#operation() operation}
   */
  public Retry retry(DfxEndpoint endpoint) {
    return retry(endpoint.operation());
  }

  /**
   * The operation's {@link Retry}: named {@code <name>-<operation.name()>} (e.g. {@code dfx-renew}),
   * configured with the operation's own resend rule ({@link DfxOperation#resendAfterMaybeActed()}),
   * made in the registry on first use and then reused.
   *
   * @param operation an operation
   * @return the {@link Retry} instance used for it
   * @throws IllegalArgumentException when another operation with the same {@link
   *     DfxOperation#name() name} but another resend rule was run under this policy (one {@code Retry}
   *     cannot apply two rules: give one of them another name)
   */
  public Retry retry(DfxOperation<?, ?> operation) {
    String suffix = operation.name();
    boolean resend = operation.resendAfterMaybeActed();
    Named named = retries.get(suffix);
    if (named == null) {
      named = retries.computeIfAbsent(suffix,
          s -> new Named(registry.retry(name + "-" + s, resend ? resendable : sendOnce), resend));
    }
    if (named.resendAfterMaybeActed() != resend) {
      throw new IllegalArgumentException("operation " + operation + " is named " + suffix
          + ", as another operation with another resend rule: give one of them another name");
    }
    return named.retry();
  }

  @Override
  public String toString() {
    return "DfxRetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "]";
  }

  /** Builds a {@link DfxRetryPolicy}; every setting checks its value at once. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(100);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private Duration maxRetryAfter = Duration.ofSeconds(10);
    private RetryRegistry registry;
    private String name = "dfx";

    private Builder() {}

    /**
     * @param maxAttempts attempts in all, 1 (no retry) to 10; default 3
     * @return this
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException("maxAttempts must be 1..10, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param initialBackoff the first wait, 1 ms to 1 min; default 100 ms
     * @return this
     */
    public Builder initialBackoff(Duration initialBackoff) {
      if (initialBackoff == null || initialBackoff.toMillis() < 1 || initialBackoff.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("initialBackoff must be 1 ms to 1 min");
      }
      this.initialBackoff = initialBackoff;
      return this;
    }

    /**
     * @param multiplier factor between waits, 1 to 10; default 2
     * @return this
     */
    public Builder backoffMultiplier(double multiplier) {
      if (!(multiplier >= 1 && multiplier <= 10)) {
        throw new IllegalArgumentException("backoffMultiplier must be 1..10, got " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * @param jitter randomization factor, 0 (none) to 1; default 0.5
     * @return this
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter < 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * @param maxRetryAfter the longest {@code Retry-After} to wait; longer fails at once. Default 10 s
     * @return this
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be null or negative");
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * @param registry the application's registry (metrics, events); default a private one
     * @return this
     */
    public Builder retryRegistry(RetryRegistry registry) {
      if (registry == null) {
        throw new IllegalArgumentException("retryRegistry must not be null");
      }
      this.registry = registry;
      return this;
    }

    /**
     * @param name prefix of the {@link Retry} names in the registry; default {@code dfx}
     * @return this
     */
    public Builder name(String name) {
      if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException("name must be 1..64 of [A-Za-z0-9._-]");
      }
      this.name = name;
      return this;
    }

    /** @return the policy */
    public DfxRetryPolicy build() {
      return new DfxRetryPolicy(this);
    }
  }
}
