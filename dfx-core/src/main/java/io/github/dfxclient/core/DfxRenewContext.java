package io.github.dfxclient.core;

/**
 * One renew of a token session's pair as the {@link DfxCallListener}s see it: which pair (kind and
 * principal), never a token. The same instance is handed to {@link DfxCallListener#beforeRenew},
 * to the {@link DfxSessionEvent}s of that renew and to {@link DfxCallListener#afterRenew}, so a
 * listener can keep its per-renew state in it with {@link #attribute(Object, Object)}.
 *
 * <p>The principal is an application's user ID (or {@code default}): an unbounded set of values,
 * fit for a trace or a log, never for a metric tag.
 */
public final class DfxRenewContext {
  private final String kind;
  private final String principal;
  private final ListenerAttributes attributes = new ListenerAttributes();

  /**
   * The session makes one per renew when listeners are registered; a test of a listener may make
   * its own.
   *
   * @param kind which kind of pair, {@code device} or {@code user}
   * @param principal the user's principal, or {@code default} (the device pair, the single user)
   * @throws IllegalArgumentException when an argument is {@code null}
   */
  public DfxRenewContext(String kind, String principal) {
    if (kind == null || principal == null) {
      throw new IllegalArgumentException("kind and principal must not be null");
    }
    this.kind = kind;
    this.principal = principal;
  }

  /** @return which kind of pair is renewed: {@code device} or {@code user} (low cardinality) */
  public String kind() {
    return kind;
  }

  /**
   * @return the principal whose pair is renewed: a user ID or {@code default}; high cardinality,
   *     never a metric tag; never a secret
   */
  public String principal() {
    return principal;
  }

  /**
   * @param key the listener's key
   * @return the value stored under {@code key} for this renew, or {@code null}
   */
  public synchronized Object attribute(Object key) {
    return attributes.get(key);
  }

  /**
   * Stores a value for this renew under {@code key} (compared by identity).
   *
   * @param key the listener's key, not {@code null}
   * @param value the value
   * @throws IllegalArgumentException when {@code key} is {@code null}
   */
  public synchronized void attribute(Object key, Object value) {
    attributes.put(key, value);
  }

  /** @return e.g. {@code DfxRenewContext[device]}; the principal is not shown */
  @Override
  public String toString() {
    return "DfxRenewContext[" + kind + "]";
  }
}
