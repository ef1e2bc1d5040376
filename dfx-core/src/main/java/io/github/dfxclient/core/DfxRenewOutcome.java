package io.github.dfxclient.core;

/** How a token session's renew ended, as handed to {@link DfxCallListener#afterRenew}. */
public enum DfxRenewOutcome {
  /** The server issued a new pair; it was saved to the store before anyone was given it. */
  RENEWED,
  /**
   * A newer pair that another process saved was adopted from the store (a fleet's lease said so, or
   * the server refused the refresh token and the store held a newer pair); no new pair was issued.
   */
  ADOPTED,
  /**
   * The server refused the refresh token (401 {@code INVALID_REFRESH_TOKEN}) and the store holds no
   * newer pair: the pair is spent ({@code RefreshTokenSpentException}) until the application sets a
   * new one.
   */
  SPENT,
  /**
   * The server issued a new pair but the store could not save it ({@code
   * TokenPersistenceException}): it is held in memory and saved again before use.
   */
  UNSAVED,
  /**
   * Anything else: not sent, outcome unknown, a server error, the store or the fleet lease
   * unavailable; the pair held before stays usable.
   */
  FAILED
}
