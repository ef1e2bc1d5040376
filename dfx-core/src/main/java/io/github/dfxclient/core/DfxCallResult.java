package io.github.dfxclient.core;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a call ended, as handed to {@link DfxCallListener#afterCall}: no token, body or message, only
 * the classification.
 *
 * @param outcome {@link DfxOutcome#SUCCESS}, or the classification of the failure the caller got
 *     (the last attempt's; {@link DfxOutcome#NOT_SENT} when nothing was sent: a veto, a missing
 *     token, a caller that cancelled before sending)
 * @param attempts how many attempts were sent, 0 when none was
 * @param status the HTTP status of the last answer, when one arrived
 * @param duration from {@link DfxCallListener#beforeCall} to the answer or the failure the caller got,
 *     backoffs and renews included
 * @param error the type of the exception the caller got, when the call failed
 */
public record DfxCallResult(DfxOutcome outcome, int attempts, OptionalInt status, Duration duration,
    Optional<Class<? extends Throwable>> error) {

  /**
   * Checks the values.
   *
   * @param outcome see the record component
   * @param attempts see the record component
   * @param status see the record component
   * @param duration see the record component
   * @param error see the record component
   */
  public DfxCallResult {
    if (attempts < 0 || outcome == null || status == null || duration == null || error == null) {
      throw new IllegalArgumentException("attempts must not be negative and the other values not null");
    }
  }
}
