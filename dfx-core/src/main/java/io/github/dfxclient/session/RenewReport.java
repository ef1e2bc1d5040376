package io.github.dfxclient.session;

import io.github.dfxclient.core.DfxRenewContext;
import io.github.dfxclient.core.DfxRenewOutcome;
import io.github.dfxclient.core.DfxRenewResult;
import io.github.dfxclient.core.DfxSessionEvent;
import io.github.dfxclient.core.internal.Listeners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one flight of a {@link TokenSession} tells its listeners: {@code beforeRenew} when a renew
 * starts, then, after the flight completed (no waiter ever waits for a listener), its events and
 * {@code afterRenew}. {@link #NONE} (no listener) records nothing. Used by one flight at a time.
 */
final class RenewReport {
  static final RenewReport NONE = new RenewReport(null, null, null);

  private final Listeners listeners;
  private final TokenKey key;
  private final DfxRenewContext context;
  private final long startNanos;
  private long leaseWaitNanos;
  private boolean adopted;
  private List<DfxSessionEvent> events;

  private RenewReport(Listeners listeners, TokenKey key, DfxRenewContext context) {
    this.listeners = listeners;
    this.key = key;
    this.context = context;
    this.startNanos = System.nanoTime();
  }

  /** @return the report of a renew of {@code key}'s pair, after every listener's {@code beforeRenew} */
  static RenewReport renew(Listeners listeners, TokenKey key) {
    if (listeners.isEmpty()) {
      return NONE;
    }
    DfxRenewContext context = new DfxRenewContext(kind(key), key.principal());
    listeners.each("beforeRenew", l -> l.beforeRenew(context));
    return new RenewReport(listeners, key, context);
  }

  /** @return the report of a flight that only saves a renewed pair (no renew: events only) */
  static RenewReport save(Listeners listeners, TokenKey key) {
    return listeners.isEmpty() ? NONE : new RenewReport(listeners, key, null);
  }

  /** This process waited for another process's lease. */
  void leaseWaited(long nanos) {
    if (listeners != null && nanos > 0) {
      leaseWaitNanos += nanos;
      add(DfxSessionEvent.Type.LEASE_WAIT, Duration.ofNanos(nanos));
    }
  }

  /** A newer pair another process saved was adopted from the store. */
  void adopted() {
    if (listeners != null) {
      adopted = true;
      add(DfxSessionEvent.Type.PAIR_ADOPTED, Duration.ZERO);
    }
  }

  /** @param type something else that happened */
  void event(DfxSessionEvent.Type type) {
    if (listeners != null) {
      add(type, Duration.ZERO);
    }
  }

  private void add(DfxSessionEvent.Type type, Duration duration) {
    if (events == null) {
      events = new ArrayList<>(2);
    }
    events.add(new DfxSessionEvent(type, kind(key), key.principal(), duration, Optional.ofNullable(context)));
  }

  /**
   * Hands the events over, then {@code afterRenew}; call after the flight completed.
   *
   * @param failure what the flight's callers got, or {@code null}
   */
  void end(Throwable failure) {
    if (listeners == null) {
      return;
    }
    if (events != null) {
      for (DfxSessionEvent e : events) {
        listeners.each("onSessionEvent", l -> l.onSessionEvent(e));
      }
    }
    if (context == null) {
      return;
    }
    Throwable f = Renewals.unwrap(failure);
    DfxRenewOutcome outcome = f == null ? (adopted ? DfxRenewOutcome.ADOPTED : DfxRenewOutcome.RENEWED)
        : f instanceof RefreshTokenSpentException ? DfxRenewOutcome.SPENT
        : f instanceof TokenPersistenceException ? DfxRenewOutcome.UNSAVED
        : DfxRenewOutcome.FAILED;
    DfxRenewResult result = new DfxRenewResult(outcome, Duration.ofNanos(System.nanoTime() - startNanos),
        Duration.ofNanos(leaseWaitNanos), f == null ? Optional.empty() : Optional.of(f.getClass()));
    listeners.each("afterRenew", l -> l.afterRenew(context, result));
  }

  private static String kind(TokenKey key) {
    return key.kind().name().toLowerCase(Locale.ROOT);
  }
}
