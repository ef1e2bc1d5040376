package io.github.dfxclient.core;

import java.time.Duration;
import java.util.Optional;

/**
 * How a token session's renew ended, as handed to {@link DfxCallListener#afterRenew}: no token, no
 * exception (a {@code TokenPersistenceException} carries the new pair), only the classification.
 *
 * @param outcome the classification
 * @param duration from {@link DfxCallListener#beforeRenew} to the end of the renew's flight (the
 *     store's save and the fleet lease included)
 * @param leaseWait how long this process waited for another process's fleet lease; zero when it
 *     did not wait
 * @param error the type of the exception the renew's callers got, when it did not succeed
 */
public record DfxRenewResult(DfxRenewOutcome outcome, Duration duration, Duration leaseWait,
    Optional<Class<? extends Throwable>> error) {

  /**
   * Checks the values.
   *
   * @param outcome see the record component
   * @param duration see the record component
   * @param leaseWait see the record component
   * @param error see the record component
   */
  public DfxRenewResult {
    if (outcome == null || duration == null || leaseWait == null || error == null) {
      throw new IllegalArgumentException("values must not be null");
    }
  }
}
