package io.github.dfxclient.micrometer;

import io.github.dfxclient.core.DfxRenewResult;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * The default names and keys of token renewal observations. Name {@value #NAME}; low-cardinality
 * keys: {@code kind} ({@code device}, {@code user}; known at the start), and at the stop {@code
 * outcome} ({@code renewed}, {@code adopted}, {@code spent}, {@code unsaved}, {@code failed}) and
 * {@code exception} (simple class name, or {@code none}). High-cardinality key: {@code principal}
 * (the application's user ID or {@code default}; never a metric tag). A metrics handler counts the
 * observation's events as {@code dfx.session.renewals.spent}, {@code .adopted}, {@code .unsaved} and
 * {@code .lease.wait}, tagged with {@code kind}.
 */
public class DefaultDfxRenewalObservationConvention implements DfxRenewalObservationConvention {
  /** The observation's name. */
  public static final String NAME = "dfx.session.renewals";
  /** The shared instance. */
  public static final DefaultDfxRenewalObservationConvention INSTANCE = new DefaultDfxRenewalObservationConvention();

  /** A convention with the default names and keys. */
  public DefaultDfxRenewalObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  /** @return e.g. {@code dfx renew device} */
  @Override
  public String getContextualName(DfxRenewalObservationContext context) {
    return "dfx renew " + context.getRenew().kind();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(DfxRenewalObservationContext context) {
    KeyValues start = KeyValues.of(KeyValue.of("kind", context.getRenew().kind()));
    DfxRenewResult result = context.getResult();
    if (result == null) {
      return start;
    }
    return start.and(KeyValue.of("outcome", result.outcome().name().toLowerCase(Locale.ROOT)),
        KeyValue.of("exception", result.error().map(Class::getSimpleName).orElse("none")));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(DfxRenewalObservationContext context) {
    return KeyValues.of("principal", context.getRenew().principal());
  }
}
