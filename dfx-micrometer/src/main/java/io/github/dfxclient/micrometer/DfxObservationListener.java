package io.github.dfxclient.micrometer;

import io.github.dfxclient.core.DfxAttempt;
import io.github.dfxclient.core.DfxCallContext;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxCallResult;
import io.github.dfxclient.core.DfxRenewContext;
import io.github.dfxclient.core.DfxRenewResult;
import io.github.dfxclient.core.DfxSessionEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Micrometer Observations of dfx-java's calls and token renewals, over the engine's call hooks:
 * works with any {@link ObservationRegistry} (plain Java or Spring Boot's).
 *
 * <ul>
 *   <li>Every call is an observation named {@code dfx.client.requests} (see {@link
 *       DefaultDfxClientObservationConvention} for its keys), started before the call (before any
 *       I/O) and stopped when the caller gets its answer or failure. Each attempt after the first
 *       (a retry, or the resend after a renewed token) is an event {@code retry} on it: a metrics
 *       handler counts it as {@code dfx.client.requests.retry}.
 *   <li>Every renewal of a {@code TokenSession}'s pair is an observation named {@code
 *       dfx.session.renewals} (see {@link DefaultDfxRenewalObservationConvention}); a pair found spent,
 *       a pair adopted from the store, a pair the store could not save and a wait for another
 *       process's lease are events on it ({@code spent}, {@code adopted}, {@code unsaved}, {@code
 *       lease.wait}): a metrics handler counts them as {@code dfx.session.renewals.spent} etc.
 * </ul>
 *
 * No observation carries a token, a refresh token, a body, a phone number or an e-mail address: the
 * hooks never hand them over. The principal of a renewal is a high-cardinality value only.
 *
 * <pre>{@code
 * ObservationRegistry registry = ObservationRegistry.create();
 * registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
 * DfxObservationListener observations = new DfxObservationListener(registry);
 * AuthsPort auths = JdkAuthsAdapter.builder().listener(observations).build();
 * TokenSession session = TokenSession.builder().auths(auths).listener(observations).build();
 * }</pre>
 *
 * Thread-safe; one instance can serve any number of clients and sessions.
 */
public final class DfxObservationListener implements DfxCallListener {
  private static final Observation.Event RETRY = Observation.Event.of("retry",
      "an attempt after the first: a retry, or the resend after a renewed token");
  private static final Observation.Event LEASE_WAIT = Observation.Event.of("lease.wait",
      "waited for another process's renew lease");
  private static final Observation.Event ADOPTED = Observation.Event.of("adopted",
      "adopted a newer pair another process saved");
  private static final Observation.Event SPENT = Observation.Event.of("spent", "the pair's refresh token is spent");
  private static final Observation.Event UNSAVED = Observation.Event.of("unsaved",
      "the renewed pair could not be saved to the store");
  private static final Observation.Event SAVED = Observation.Event.of("saved",
      "a renewed pair the store refused before was saved");

  /** The key of this listener's observation in a call's or a renewal's attributes. */
  private final Object key = new Object();
  private final ObservationRegistry registry;
  private final DfxClientObservationConvention clientConvention;
  private final DfxRenewalObservationConvention renewalConvention;

  /**
   * A listener with the default conventions.
   *
   * @param registry where the observations go
   * @throws IllegalArgumentException when {@code registry} is {@code null}
   */
  public DfxObservationListener(ObservationRegistry registry) {
    this(builder(registry));
  }

  private DfxObservationListener(Builder b) {
    this.registry = b.registry;
    this.clientConvention = b.clientConvention;
    this.renewalConvention = b.renewalConvention;
  }

  /**
   * @param registry where the observations go
   * @return a builder, to replace a convention
   * @throws IllegalArgumentException when {@code registry} is {@code null}
   */
  public static Builder builder(ObservationRegistry registry) {
    return new Builder(registry);
  }

  @Override
  public void beforeCall(DfxCallContext call) {
    if (registry.isNoop()) {
      return;
    }
    DfxClientObservationContext context = new DfxClientObservationContext(call);
    Observation observation = Observation.createNotStarted(clientConvention,
        DefaultDfxClientObservationConvention.INSTANCE, () -> context, registry).start();
    call.attribute(key, observation);
  }

  @Override
  public void afterAttempt(DfxCallContext call, DfxAttempt attempt) {
    if (call.attribute(key) instanceof Observation observation
        && observation.getContext() instanceof DfxClientObservationContext context) {
      context.setAttempts(attempt.number());
      if (attempt.number() > 1) {
        observation.event(RETRY);
      }
    }
  }

  @Override
  public void afterCall(DfxCallContext call, DfxCallResult result) {
    if (call.attribute(key) instanceof Observation observation) {
      if (observation.getContext() instanceof DfxClientObservationContext context) {
        context.setResult(result);
      }
      observation.stop();
    }
  }

  @Override
  public void beforeRenew(DfxRenewContext renew) {
    if (registry.isNoop()) {
      return;
    }
    DfxRenewalObservationContext context = new DfxRenewalObservationContext(renew);
    Observation observation = Observation.createNotStarted(renewalConvention,
        DefaultDfxRenewalObservationConvention.INSTANCE, () -> context, registry).start();
    renew.attribute(key, observation);
  }

  @Override
  public void afterRenew(DfxRenewContext renew, DfxRenewResult result) {
    if (renew.attribute(key) instanceof Observation observation) {
      if (observation.getContext() instanceof DfxRenewalObservationContext context) {
        context.setResult(result);
      }
      observation.stop();
    }
  }

  /**
   * Events of a renewal become events on its observation. Events outside a renewal (a renewed pair
   * the store refused, saved later by a caller) are not observed.
   */
  @Override
  public void onSessionEvent(DfxSessionEvent event) {
    if (event.renew().isEmpty() || !(event.renew().get().attribute(key) instanceof Observation observation)) {
      return;
    }
    switch (event.type()) {
      case LEASE_WAIT -> observation.event(LEASE_WAIT);
      case PAIR_ADOPTED -> observation.event(ADOPTED);
      case REFRESH_TOKEN_SPENT -> observation.event(SPENT);
      case PAIR_UNSAVED -> observation.event(UNSAVED);
      case PAIR_SAVED -> observation.event(SAVED);
    }
  }

  @Override
  public String toString() {
    return "DfxObservationListener[" + (clientConvention != null ? clientConvention.getClass().getSimpleName()
        : "default") + ", " + (renewalConvention != null ? renewalConvention.getClass().getSimpleName() : "default")
        + "]";
  }

  /** Builds a {@link DfxObservationListener}. */
  public static final class Builder {
    private final ObservationRegistry registry;
    private DfxClientObservationConvention clientConvention;
    private DfxRenewalObservationConvention renewalConvention;

    private Builder(ObservationRegistry registry) {
      if (registry == null) {
        throw new IllegalArgumentException("registry must not be null");
      }
      this.registry = registry;
    }

    /**
     * @param convention replaces {@link DefaultDfxClientObservationConvention} for calls; {@code
     *     null} for the default
     * @return this
     */
    public Builder clientConvention(DfxClientObservationConvention convention) {
      this.clientConvention = convention;
      return this;
    }

    /**
     * @param convention replaces {@link DefaultDfxRenewalObservationConvention} for renewals; {@code
     *     null} for the default
     * @return this
     */
    public Builder renewalConvention(DfxRenewalObservationConvention convention) {
      this.renewalConvention = convention;
      return this;
    }

    /** @return the listener */
    public DfxObservationListener build() {
      return new DfxObservationListener(this);
    }
  }
}
