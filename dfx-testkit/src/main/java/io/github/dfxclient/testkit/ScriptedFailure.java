package io.github.dfxclient.testkit;

import java.time.Duration;

/**
 * A failure the fake answers with instead of (or on top of) its normal answer, queued per endpoint
 * with {@link FakeAuthsBackend#failNext}. The same script gives the same exceptions through the
 * in-memory {@link FakeAuths} and through an HTTP adapter talking to the {@link FakeDfxServer}.
 *
 * @param kind what happens
 * @param status the HTTP status, for {@link Kind#ERROR}
 * @param code the error code, for {@link Kind#ERROR}
 * @param message the error message, for {@link Kind#ERROR}
 * @param retryAfter the {@code Retry-After}, or {@code null}
 * @param delay how long the answer is held back, for {@link Kind#SLOW}
 */
public record ScriptedFailure(Kind kind, int status, String code, String message, Duration retryAfter, Duration delay) {

  /** What the scripted failure does. */
  public enum Kind {
    /** The server answers with an error status and does nothing else. */
    ERROR,
    /** The connection is reset after the request arrived; the server did not act on it. */
    CONNECTION_RESET,
    /** The server acts on the request (a renew rotates the pair), then the connection is reset. */
    ANSWER_LOST,
    /** The server acts and answers normally, but only after {@link #delay()}. */
    SLOW,
    /** The server acts on the request (a renew rotates the pair), then answers with an error status. */
    ERROR_AFTER_ACTING
  }

  /** @return an error answer with this status, code and message */
  public static ScriptedFailure error(int status, String code, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400..599, got " + status);
    }
    return new ScriptedFailure(Kind.ERROR, status, code, message, null, null);
  }

  /** @return {@code 503 UNAVAILABLE}, without Retry-After */
  public static ScriptedFailure unavailable() {
    return error(503, "UNAVAILABLE", "Service temporarily unavailable");
  }

  /** @return {@code 429 RATE_LIMITED} with this {@code Retry-After} (whole seconds) */
  public static ScriptedFailure rateLimited(Duration retryAfter) {
    return new ScriptedFailure(Kind.ERROR, 429, "RATE_LIMITED", "Too many requests", retryAfter, null);
  }

  /**
   * @param status 500..599
   * @return the request is acted on (a renew rotates), then the answer is this error (a gateway's
   *     502 or 504, a 500 from a failing step after the change, a proxy's 503)
   */
  public static ScriptedFailure errorAfterActing(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be 500..599, got " + status);
    }
    return new ScriptedFailure(Kind.ERROR_AFTER_ACTING, status, "HTTP_" + status, "failed after acting", null, null);
  }

  /** @return a reset connection; the request arrived but was not acted on */
  public static ScriptedFailure connectionReset() {
    return new ScriptedFailure(Kind.CONNECTION_RESET, 0, null, null, null, null);
  }

  /** @return the request is acted on, then the answer is lost to a reset */
  public static ScriptedFailure answerLost() {
    return new ScriptedFailure(Kind.ANSWER_LOST, 0, null, null, null, null);
  }

  /** @return the normal answer, held back by {@code delay} (longer than the client's timeout: a timeout) */
  public static ScriptedFailure slow(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be null or negative");
    }
    return new ScriptedFailure(Kind.SLOW, 0, null, null, null, delay);
  }
}
