package io.github.dfxclient.core;

import java.time.Duration;
import java.util.Optional;

/**
 * Something a token session reports besides the start and end of a renew, as handed to {@link
 * DfxCallListener#onSessionEvent}. Events of a renew are handed over after its flight completed
 * (no waiter waits for a listener), before {@link DfxCallListener#afterRenew}.
 *
 * @param type what happened
 * @param kind which kind of pair: {@code device} or {@code user}
 * @param principal the user's principal or {@code default} (high cardinality; never a secret)
 * @param duration for {@link Type#LEASE_WAIT} how long this process waited; zero otherwise
 * @param renew the renew the event belongs to, when it happened during one (a late save of an
 *     unsaved pair happens outside any renew)
 */
public record DfxSessionEvent(Type type, String kind, String principal, Duration duration,
    Optional<DfxRenewContext> renew) {

  /** What a session reports. */
  public enum Type {
    /** This process waited for another process's fleet renew lease ({@link #duration()}: how long). */
    LEASE_WAIT,
    /** A newer pair that another process saved was adopted from the store instead of renewing. */
    PAIR_ADOPTED,
    /**
     * The server refused the pair's refresh token and the store holds no newer pair: the pair is
     * spent ({@code RefreshTokenSpentException}). Reported once per pair, when it becomes spent.
     */
    REFRESH_TOKEN_SPENT,
    /** A renewed pair could not be saved to the store ({@code TokenPersistenceException}); it is held in memory. */
    PAIR_UNSAVED,
    /** A renewed pair the store had refused was saved now. */
    PAIR_SAVED
  }

  /**
   * Checks the values.
   *
   * @param type see the record component
   * @param kind see the record component
   * @param principal see the record component
   * @param duration see the record component
   * @param renew see the record component
   */
  public DfxSessionEvent {
    if (type == null || kind == null || principal == null || duration == null || renew == null) {
      throw new IllegalArgumentException("values must not be null");
    }
  }

  /** @return e.g. {@code DfxSessionEvent[PAIR_ADOPTED, device]}; the principal is not shown */
  @Override
  public String toString() {
    return "DfxSessionEvent[" + type + ", " + kind + (duration.isZero() ? "" : ", " + duration) + "]";
  }
}
