package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxAttempt;
import io.github.dfxclient.core.DfxCallContext;
import io.github.dfxclient.core.DfxCallResult;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxOutcome;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxTransportException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The listeners' side of one call: made only when listeners are registered (a call without
 * listeners allocates nothing for them). {@link #begin} runs {@code beforeCall} (the veto point);
 * the engine reports each attempt and the end of the call, once.
 */
final class CallHooks {
  private final Listeners listeners;
  private final DfxCallContext context;
  private final long startNanos;
  /** How many listeners' {@code beforeCall} returned: only those are given {@code afterCall}. */
  private final int started;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile int lastStatus = -1;
  private volatile DfxOutcome lastOutcome;

  private CallHooks(Listeners listeners, DfxCallContext context, long startNanos, int started) {
    this.listeners = listeners;
    this.context = context;
    this.startNanos = startNanos;
    this.started = started;
  }

  /**
   * Runs every listener's {@code beforeCall}. One that throws vetoes the call: the listeners before
   * it are given {@code afterCall} (not sent, 0 attempts), and its exception is thrown unchanged.
   *
   * @return the call's hooks
   */
  static CallHooks begin(Listeners listeners, DfxOperation<?, ?> op, String transport) {
    long start = System.nanoTime();
    DfxCallContext context = new DfxCallContext(op, transport);
    for (int i = 0; i < listeners.size(); i++) {
      try {
        listeners.get(i).beforeCall(context);
      } catch (Throwable veto) {
        new CallHooks(listeners, context, start, i).afterCall(0, veto);
        throw Engine.<RuntimeException>sneakyThrow(veto);
      }
    }
    return new CallHooks(listeners, context, start, listeners.size());
  }

  /**
   * @param number the attempt's number
   * @param attemptStartNanos when it was handed to the transport
   * @param status the answer's status, or -1 (taken from {@code failure} when it has one)
   * @param failure the attempt's failure, or {@code null}
   */
  void afterAttempt(int number, long attemptStartNanos, int status, DfxException failure) {
    int s = failure == null ? status : statusOf(failure);
    DfxOutcome outcome = failure == null ? DfxOutcome.SUCCESS : classify(failure);
    if (s >= 0) {
      lastStatus = s;
    }
    lastOutcome = outcome;
    DfxAttempt attempt = new DfxAttempt(number, outcome, s >= 0 ? OptionalInt.of(s) : OptionalInt.empty(),
        Duration.ofNanos(System.nanoTime() - attemptStartNanos),
        failure == null ? Optional.empty() : Optional.of(failure.getClass()));
    for (int i = 0; i < started; i++) {
      Listeners.safely(listeners.get(i), "afterAttempt", l -> l.afterAttempt(context, attempt));
    }
  }

  /**
   * Reports the end of the call, once (later reports are ignored).
   *
   * @param attempts the attempts sent
   * @param failure what the caller got, or {@code null} on success
   */
  void afterCall(int attempts, Throwable failure) {
    if (!ended.compareAndSet(false, true) || started == 0) {
      return;
    }
    Throwable f = unwrap(failure);
    DfxOutcome outcome;
    if (f == null) {
      outcome = DfxOutcome.SUCCESS;
    } else if (f instanceof DfxException d) {
      outcome = classify(d);
    } else {
      // a veto, a missing token, the credentials' own failure, a cancellation
      DfxOutcome last = lastOutcome;
      outcome = last != null && last != DfxOutcome.SUCCESS ? last
          : attempts > 0 ? DfxOutcome.MAYBE_ACTED : DfxOutcome.NOT_SENT;
    }
    int s = lastStatus;
    DfxCallResult result = new DfxCallResult(outcome, attempts, s >= 0 ? OptionalInt.of(s) : OptionalInt.empty(),
        Duration.ofNanos(System.nanoTime() - startNanos), f == null ? Optional.empty() : Optional.of(f.getClass()));
    for (int i = 0; i < started; i++) {
      Listeners.safely(listeners.get(i), "afterCall", l -> l.afterCall(context, result));
    }
  }

  /** @return the engine's classification of a failure (the "did the server act?" table) */
  static DfxOutcome classify(DfxException failure) {
    if (failure instanceof DfxTransportException t) {
      return t.outcomeUnknown() ? DfxOutcome.MAYBE_ACTED : DfxOutcome.NOT_SENT;
    }
    if (failure instanceof DfxProtocolException) {
      return DfxOutcome.UNUSABLE_ANSWER;
    }
    int status = ((DfxApiException) failure).status();
    return status >= 500 && status != 503 ? DfxOutcome.MAYBE_ACTED : DfxOutcome.REFUSED;
  }

  private static int statusOf(DfxException failure) {
    if (failure instanceof DfxApiException api) {
      return api.status();
    }
    if (failure instanceof DfxProtocolException p) {
      return p.status();
    }
    return -1;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public String toString() {
    return "CallHooks[" + context + "]";
  }
}
