package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.time.Duration;

/**
 * A {@link TokenStore} that several processes share and that offers a renew lease, so that one
 * process of a fleet renews a pair and the others adopt what it saved. A {@link TokenSession} uses
 * the lease by itself when its store offers one: before sending a renew it asks {@link #tryLease};
 * the store then says whether to renew, to adopt a newer pair the store already holds (another
 * process renewed it; no renew is sent), or to wait for the holder. {@link #save} of the renewed
 * pair ends the lease. A store that cannot be read or written throws, and then no renew is sent.
 */
public interface LeasingTokenStore extends TokenStore {

  /** What {@link #tryLease} decided. */
  sealed interface Lease permits Acquired, Newer, Busy {}

  /** This process holds the lease: renew the pair it holds, then {@link #save} the new one. */
  record Acquired() implements Lease {}

  /**
   * The store holds another pair than the one this process would renew: adopt it, renew nothing.
   *
   * @param pair the pair in the store
   */
  record Newer(TokenPair pair) implements Lease {
    /** @param pair the pair in the store, not null */
    public Newer {
      if (pair == null) {
        throw new IllegalArgumentException("pair must not be null");
      }
    }

    @Override
    public String toString() {
      return "Newer[pair=***]";
    }
  }

  /** Another process holds the lease: ask again after a short wait. */
  record Busy() implements Lease {}

  /**
   * Takes the renew lease of {@code key} for this process, atomically, unless another process holds
   * an unexpired one, or reports a newer pair.
   *
   * @param key which pair
   * @param held the pair this process holds and would renew
   * @return the decision
   * @throws TokenStoreUnavailableException when the store cannot be read or written (no renew must
   *     be sent then)
   */
  Lease tryLease(TokenKey key, TokenPair held);

  /**
   * Gives a lease back without a new pair (the renew failed); best effort, never throws.
   *
   * @param key which pair
   */
  void releaseLease(TokenKey key);

  /** @return how long a lease lasts: a holder that dies loses it then, and another process renews */
  Duration leaseDuration();
}
