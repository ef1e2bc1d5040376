package io.github.dfxclient.core;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one attempt of a call ended, as handed to {@link DfxCallListener#afterAttempt}: no token, body
 * or message, only the classification.
 *
 * @param number the attempt's number in its call, from 1 (a retry or the resend after a renewed
 *     token is 2 or more)
 * @param outcome the engine's classification of the attempt
 * @param status the HTTP status of the answer, when one arrived
 * @param duration from asking the transport to send to the answer decoded or the failure known
 * @param error the type of the failure, when the attempt failed (a {@link DfxException} subclass)
 */
public record DfxAttempt(int number, DfxOutcome outcome, OptionalInt status, Duration duration,
    Optional<Class<? extends Throwable>> error) {

  /**
   * Checks the values.
   *
   * @param number see the record component
   * @param outcome see the record component
   * @param status see the record component
   * @param duration see the record component
   * @param error see the record component
   */
  public DfxAttempt {
    if (number < 1 || outcome == null || status == null || duration == null || error == null) {
      throw new IllegalArgumentException("number must be at least 1 and the other values not null");
    }
  }
}
