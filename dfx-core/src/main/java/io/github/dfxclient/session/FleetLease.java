package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleet-wide single flight over a {@link LeasingTokenStore}: the store's lease is taken before a
 * renew is sent; a pair another process saved is adopted instead; while another process holds the
 * lease this one waits (20 ms doubling to 250 ms), for at most twice the lease duration. A store
 * that cannot take the lease means no renew is sent. Runs on the thread of the flight (a blocking
 * caller, or a worker for asynchronous callers), never on a timer.
 */
final class FleetLease {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.session");

  private final LeasingTokenStore store;

  FleetLease(LeasingTokenStore store) {
    this.store = store;
  }

  /**
   * @param key which pair
   * @param toRenew the pair this process holds and would renew
   * @param renew sends the renew (called only under the lease)
   * @param adopt makes the result for a newer pair found in the store
   * @param fromStore whether a renew's result is a pair adopted from the store (nothing to save)
   * @param report told how long this process waited for another process's lease, if it did
   * @param <R> what a renew gives
   * @return the renew's result, or the adopted pair's
   * @throws TokenStoreUnavailableException when the lease cannot be taken (no renew was sent)
   */
  <R> R renewUnderLease(TokenKey key, TokenPair toRenew, Supplier<R> renew,
      java.util.function.Function<TokenPair, R> adopt, java.util.function.Predicate<R> fromStore,
      RenewReport report) {
    long deadline = System.nanoTime() + store.leaseDuration().toNanos() * 2;
    long waitMillis = 20;
    long waitingSince = 0;
    while (true) {
      LeasingTokenStore.Lease lease;
      try {
        lease = store.tryLease(key, toRenew);
      } catch (RuntimeException e) {
        endWait(report, waitingSince);
        throw new TokenStoreUnavailableException("the token store could not take the renew lease of the "
            + key + " pair; no renew was sent (" + e.getMessage() + ")", e);
      }
      if (!(lease instanceof LeasingTokenStore.Busy)) {
        endWait(report, waitingSince);
      } else if (waitingSince == 0) {
        waitingSince = System.nanoTime();
      }
      if (lease instanceof LeasingTokenStore.Newer newer) {
        LOG.debug("dfx session: another process renewed the {} pair; adopting it", key);
        return adopt.apply(newer.pair());
      }
      if (lease instanceof LeasingTokenStore.Acquired) {
        R renewed;
        try {
          renewed = renew.get();
        } catch (Throwable e) {
          store.releaseLease(key);
          throw e;
        }
        if (fromStore.test(renewed)) {
          // refused, and a newer pair was found in the store: nothing to save, give the lease back
          store.releaseLease(key);
        }
        return renewed;
      }
      if (System.nanoTime() - deadline > 0) {
        endWait(report, waitingSince);
        throw new TokenStoreUnavailableException("another process has held the renew lease of the " + key
            + " pair for longer than twice the lease duration; no renew was sent", null);
      }
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        endWait(report, waitingSince);
        throw new TokenStoreUnavailableException("interrupted while another process renewed the " + key
            + " pair", e);
      }
      waitMillis = Math.min(waitMillis * 2, 250);
    }
  }

  /** Reports the wait for another process's lease, when there was one (it began at {@code since}). */
  private static void endWait(RenewReport report, long since) {
    if (since != 0) {
      report.leaseWaited(System.nanoTime() - since);
    }
  }
}
