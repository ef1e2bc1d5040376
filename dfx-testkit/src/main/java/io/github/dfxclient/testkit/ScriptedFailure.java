package io.github.dfxclient.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A failure the fake answers with instead of (or on top of) its normal answer, queued per operation
 * with {@link FakeAuthsBackend#failNext}. The same script gives the same exceptions through the
 * in-memory {@link FakeAuths} and through an HTTP adapter talking to the {@link FakeDfxServer}.
 *
 * <p>A closed set: each kind is made by its factory ({@link #error}, {@link #unavailable}, {@link
 * #rateLimited}, {@link #connectionReset}, {@link #answerLost}, {@link #errorAfterActing}, {@link
 * #slow}), which checks its values, so an impossible failure cannot be scripted.
 */
public abstract sealed class ScriptedFailure permits ScriptedFailure.Error, ScriptedFailure.ConnectionReset,
    ScriptedFailure.AnswerLost, ScriptedFailure.ErrorAfterActing, ScriptedFailure.Slow {

  private ScriptedFailure() {}

  /**
   * @param act runs the operation's handler (the server acts) and gives its reply
   * @param delay the latency configured for the operation
   * @return what the server answers
   */
  abstract Reply apply(Supplier<Reply> act, Duration delay);

  /** The server answers with an error status and does nothing else. */
  public static final class Error extends ScriptedFailure {
    private final int status;
    private final String code;
    private final String message;
    private final Duration retryAfter;

    private Error(int status, String code, String message, Duration retryAfter) {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be 400..599, got " + status);
      }
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("code must not be blank");
      }
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative");
      }
      this.status = status;
      this.code = code;
      this.message = message == null ? "" : message;
      this.retryAfter = retryAfter;
    }

    /** @return the HTTP status */
    public int status() {
      return status;
    }

    /** @return the error code */
    public String code() {
      return code;
    }

    @Override
    Reply apply(Supplier<Reply> act, Duration delay) {
      return FakeAuthsBackend.error(status, code, message, retryAfter).withDelay(delay);
    }

    @Override
    public String toString() {
      return "ScriptedFailure.Error[" + status + " " + code + (retryAfter == null ? "" : ", Retry-After " + retryAfter) + "]";
    }
  }

  /** The connection is reset after the request arrived; the server did not act on it. */
  public static final class ConnectionReset extends ScriptedFailure {
    private ConnectionReset() {}

    @Override
    Reply apply(Supplier<Reply> act, Duration delay) {
      return new Reply(0, new byte[0], null, delay, true);
    }

    @Override
    public String toString() {
      return "ScriptedFailure.ConnectionReset";
    }
  }

  /** The server acts on the request (a renew rotates the pair), then the connection is reset. */
  public static final class AnswerLost extends ScriptedFailure {
    private AnswerLost() {}

    @Override
    Reply apply(Supplier<Reply> act, Duration delay) {
      act.get();
      return new Reply(0, new byte[0], null, delay, true);
    }

    @Override
    public String toString() {
      return "ScriptedFailure.AnswerLost";
    }
  }

  /** The server acts on the request (a renew rotates the pair), then answers with a 5xx. */
  public static final class ErrorAfterActing extends ScriptedFailure {
    private final int status;

    private ErrorAfterActing(int status) {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("status must be 500..599, got " + status);
      }
      this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
      return status;
    }

    @Override
    Reply apply(Supplier<Reply> act, Duration delay) {
      act.get();
      return FakeAuthsBackend.error(status, "HTTP_" + status, "failed after acting", null).withDelay(delay);
    }

    @Override
    public String toString() {
      return "ScriptedFailure.ErrorAfterActing[" + status + "]";
    }
  }

  /** The server acts and answers normally, but only after a delay. */
  public static final class Slow extends ScriptedFailure {
    private final Duration delay;

    private Slow(Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be null or negative");
      }
      this.delay = delay;
    }

    /** @return how long the answer is held back */
    public Duration delay() {
      return delay;
    }

    @Override
    Reply apply(Supplier<Reply> act, Duration latency) {
      return act.get().withDelay(latency.plus(delay));
    }

    @Override
    public String toString() {
      return "ScriptedFailure.Slow[" + delay + "]";
    }
  }

  /**
   * @param status 400..599
   * @param code the error code, not blank
   * @param message the error message (a client may show it: no secrets)
   * @return an error answer with this status, code and message
   */
  public static ScriptedFailure error(int status, String code, String message) {
    return new Error(status, code, message, null);
  }

  /** @return {@code 503 UNAVAILABLE}, without Retry-After */
  public static ScriptedFailure unavailable() {
    return error(503, "UNAVAILABLE", "Service temporarily unavailable");
  }

  /**
   * @param retryAfter the wait to ask for (whole seconds on the wire)
   * @return {@code 429 RATE_LIMITED} with this {@code Retry-After}
   */
  public static ScriptedFailure rateLimited(Duration retryAfter) {
    if (retryAfter == null) {
      throw new IllegalArgumentException("retryAfter must not be null");
    }
    return new Error(429, "RATE_LIMITED", "Too many requests", retryAfter);
  }

  /**
   * @param status 500..599
   * @return the request is acted on (a renew rotates), then the answer is this error (a gateway's
   *     502 or 504, a 500 from a failing step after the change, a proxy's 503)
   */
  public static ScriptedFailure errorAfterActing(int status) {
    return new ErrorAfterActing(status);
  }

  /** @return a reset connection; the request arrived but was not acted on */
  public static ScriptedFailure connectionReset() {
    return new ConnectionReset();
  }

  /** @return the request is acted on, then the answer is lost to a reset */
  public static ScriptedFailure answerLost() {
    return new AnswerLost();
  }

  /**
   * @param delay how long to hold the answer back (longer than the client's timeout: a timeout)
   * @return the normal answer, held back
   */
  public static ScriptedFailure slow(Duration delay) {
    return new Slow(delay);
  }
}
