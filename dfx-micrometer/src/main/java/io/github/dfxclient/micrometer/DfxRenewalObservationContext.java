package io.github.dfxclient.micrometer;

import io.github.dfxclient.core.DfxRenewContext;
import io.github.dfxclient.core.DfxRenewResult;
import io.micrometer.observation.Observation;

/**
 * The {@link Observation.Context} of one token renewal ({@code dfx.session.renewals}): which pair
 * ({@link DfxRenewContext}: kind and principal, never a token) and, once it ended, its {@link
 * DfxRenewResult} (outcome, duration, lease wait, exception type). A {@link
 * DfxRenewalObservationConvention} reads both.
 */
public class DfxRenewalObservationContext extends Observation.Context {
  private final DfxRenewContext renew;
  private volatile DfxRenewResult result;

  /**
   * @param renew the renewal observed
   * @throws IllegalArgumentException when {@code renew} is {@code null}
   */
  public DfxRenewalObservationContext(DfxRenewContext renew) {
    if (renew == null) {
      throw new IllegalArgumentException("renew must not be null");
    }
    this.renew = renew;
  }

  /** @return the renewal observed: the pair's kind and principal */
  public DfxRenewContext getRenew() {
    return renew;
  }

  /** @return how the renewal ended; {@code null} until it did */
  public DfxRenewResult getResult() {
    return result;
  }

  /** @param result how the renewal ended */
  public void setResult(DfxRenewResult result) {
    this.result = result;
  }
}
