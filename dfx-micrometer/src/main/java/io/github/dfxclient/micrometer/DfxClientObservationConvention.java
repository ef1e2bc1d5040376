package io.github.dfxclient.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of DFX calls: implement it (or extend {@link
 * DefaultDfxClientObservationConvention}) to rename the observation or change its keys, and give it
 * to {@link DfxObservationListener.Builder#clientConvention}. An {@code ObservationRegistry}'s
 * global conventions for {@link DfxClientObservationContext} apply first, as Micrometer does.
 */
public interface DfxClientObservationConvention extends ObservationConvention<DfxClientObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof DfxClientObservationContext;
  }
}
