package io.github.dfxclient.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of token renewals: implement it (or extend {@link
 * DefaultDfxRenewalObservationConvention}) and give it to {@link
 * DfxObservationListener.Builder#renewalConvention}.
 */
public interface DfxRenewalObservationConvention extends ObservationConvention<DfxRenewalObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof DfxRenewalObservationContext;
  }
}
