package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;

/**
 * A saved pair and the local instant (epoch millis on the session's clock) from which it is renewed
 * before use. The instant is decided once, when the pair is taken in, from the lifetime the server
 * granted ({@code exp - iat}, both on the server's clock) measured on the local clock, so that an
 * offset between the two clocks never makes a fresh pair look expired:
 *
 * <ul>
 *   <li>The skew is capped at a third of the lifetime: a 30 s token is renewed 20 s after it
 *       arrived, never on every call; a pair just received is never renewed.
 *   <li>A pair the server just issued ({@link #received}) has its whole lifetime ahead.
 *   <li>A pair of unknown age ({@link #adopted}: set by the application, loaded from or adopted
 *       through the store) is aged by {@code now - iat}, corrected by the offset between the local
 *       clock and the server's learned from the last pair received ({@link #clockOffsetMillis});
 *       an age beyond the lifetime (expired, or a local clock far ahead before any pair was
 *       received) renews it at its next use, once: the pair that renew brings is fresh.
 *   <li>Without {@code iat}, the lifetime is {@code exp} minus the local time of arrival; a token
 *       that already looks expired when it arrives, or whose {@code exp} cannot be read, is used
 *       until the server refuses it (then the engine renews once and sends again).
 * </ul>
 *
 * @param pair the pair, or {@code null} for none
 * @param renewAtMillis from when it is renewed before use; {@link Long#MAX_VALUE} for never
 * @param expiresAtMillis when its token expires, as estimated on the local clock; {@link
 *     Long#MAX_VALUE} when unknown
 */
record HeldPair(TokenPair pair, long renewAtMillis, long expiresAtMillis) {
  static final HeldPair NONE = new HeldPair(null, Long.MAX_VALUE, Long.MAX_VALUE);

  /** The skew is at most this fraction of the lifetime (denominator). */
  private static final long SKEW_FRACTION = 3;

  /**
   * @param pair a pair the server issued just now
   * @param nowMillis the local time it arrived
   * @param skewMillis the configured renew skew
   * @return it, held
   */
  static HeldPair received(TokenPair pair, long nowMillis, long skewMillis) {
    TokenTimes times = TokenTimes.of(pair.token());
    long lifetime = times.lifetimeMillis();
    if (lifetime < 0 && times.hasExpiry()) {
      lifetime = saturatedSubtract(times.expiresAt() * 1000, nowMillis);
    }
    if (lifetime <= 0) {
      return new HeldPair(pair, Long.MAX_VALUE, Long.MAX_VALUE);
    }
    return new HeldPair(pair, renewAt(nowMillis, lifetime, lifetime, skewMillis), saturatedAdd(nowMillis, lifetime));
  }

  /**
   * @param pair a pair the server issued just now
   * @param nowMillis the local time it arrived
   * @return how far the local clock is ahead of the server's (negative: behind), from its {@code
   *     iat}; empty when it has none
   */
  static java.util.OptionalLong clockOffsetMillis(TokenPair pair, long nowMillis) {
    TokenTimes times = TokenTimes.of(pair.token());
    return times.issuedAt() == TokenTimes.ABSENT ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(saturatedSubtract(nowMillis, times.issuedAt() * 1000));
  }

  /**
   * @param pair a pair of unknown age
   * @param nowMillis the local time now
   * @param skewMillis the configured renew skew
   * @param clockOffsetMillis how far the local clock is ahead of the server's, as last learned (0
   *     before any pair was received)
   * @return it, held
   */
  static HeldPair adopted(TokenPair pair, long nowMillis, long skewMillis, long clockOffsetMillis) {
    TokenTimes times = TokenTimes.of(pair.token());
    long lifetime = times.lifetimeMillis();
    if (lifetime > 0) {
      long serverNow = saturatedSubtract(nowMillis, clockOffsetMillis);
      long age = Math.max(0, saturatedSubtract(serverNow, times.issuedAt() * 1000));
      if (age >= lifetime) {
        return new HeldPair(pair, nowMillis, nowMillis);
      }
      return new HeldPair(pair, renewAt(nowMillis, lifetime - age, lifetime, skewMillis),
          saturatedAdd(nowMillis, lifetime - age));
    }
    if (!times.hasExpiry()) {
      return new HeldPair(pair, Long.MAX_VALUE, Long.MAX_VALUE);
    }
    long remaining = saturatedSubtract(times.expiresAt() * 1000, saturatedSubtract(nowMillis, clockOffsetMillis));
    long expires = saturatedAdd(nowMillis, remaining);
    return new HeldPair(pair, remaining <= skewMillis ? nowMillis : expires - skewMillis, expires);
  }

  private static long renewAt(long nowMillis, long remaining, long lifetime, long skewMillis) {
    long skew = Math.min(skewMillis, lifetime / SKEW_FRACTION);
    return saturatedAdd(nowMillis, remaining - skew);
  }

  /** @return whether it is renewed before use at {@code nowMillis} */
  boolean renewDue(long nowMillis) {
    return nowMillis >= renewAtMillis;
  }

  /** @return whether its token is still valid at {@code nowMillis}, as far as the local estimate tells */
  boolean validAt(long nowMillis) {
    return pair != null && nowMillis < expiresAtMillis;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? (b > 0 ? Long.MAX_VALUE - 1 : Long.MIN_VALUE) : r;
  }

  private static long saturatedSubtract(long a, long b) {
    long r = a - b;
    return ((a ^ b) & (a ^ r)) < 0 ? (b < 0 ? Long.MAX_VALUE - 1 : Long.MIN_VALUE) : r;
  }

  @Override
  public String toString() {
    return "HeldPair[" + (pair == null ? "none" : "***") + ", renewAt=" + renewAtMillis + ", expiresAt="
        + expiresAtMillis + "]";
  }
}
