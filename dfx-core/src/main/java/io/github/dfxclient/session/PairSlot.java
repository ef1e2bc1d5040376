package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of one pair of a {@link TokenSession}. {@link #held} is assigned only after a
 * successful save, so whatever a reader sees there is saved. {@link #unsaved} is a renewed pair the
 * store refused so far (the server's current pair: kept, and saved again before it is handed out).
 * {@link #flight} is the renew (or the save of {@link #unsaved}) in progress: callers needing this
 * pair wait for it. {@link #deadRefreshToken} is the one refresh token the server refused.
 *
 * <p>Publication order, relied on by the lock-free readers: {@code held} (and {@code unsaved}) is
 * written before {@code flight} is cleared, and {@code flight} is cleared before its future
 * completes.
 */
final class PairSlot {
  final TokenKey key;
  volatile HeldPair held = HeldPair.NONE;
  volatile TokenPair unsaved;
  volatile String deadRefreshToken;
  final AtomicReference<CompletableFuture<TokenPair>> flight = new AtomicReference<>();

  PairSlot(TokenKey key) {
    this.key = key;
  }

  /** @return the pair the server expects now: the unsaved one if any, else the held one; may be null */
  TokenPair serverPair() {
    TokenPair u = unsaved;
    return u != null ? u : held.pair();
  }

  @Override
  public String toString() {
    return "PairSlot[" + key + "]";
  }
}
