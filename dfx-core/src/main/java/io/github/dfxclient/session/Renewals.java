package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.CredentialsUnavailableException;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxSessionEvent;
import io.github.dfxclient.core.internal.Listeners;
import io.github.dfxclient.core.internal.Workers;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single flight of a {@link TokenSession}: of all callers that need a renew of the same pair
 * (or the save of a renewed pair the store refused so far), one runs it and the others wait for its
 * result. Whatever happens between "renew answered" and "flight completed" (decoding, expiry,
 * store, lease) completes the flight for every waiter, whatever it throws; listeners run after.
 * Blocking callers run the flight they win on their own thread; asynchronous callers never block:
 * the network wait is the async port's, and blocking work (store I/O, the fleet lease, a renew
 * without an async port) runs on the library's worker pool, never on a timer or an HTTP client's
 * thread. No lock is held around I/O.
 */
final class Renewals {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.session");
  private static final String INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN";
  /** A deadline meaning "as long as the flight takes" (flights are bounded by their own timeouts). */
  static final long NO_DEADLINE = Long.MIN_VALUE;

  private final TokenStore store;
  private final Clock clock;
  private final long skewMillis;
  private final Consumer<TokenRotation> listener;
  private final RenewPort port;
  private final FleetLease lease;
  private final Listeners listeners;
  /** How far the local clock is ahead of the server's, learned from the {@code iat} of received pairs. */
  private volatile long clockOffsetMillis;

  Renewals(TokenStore store, Clock clock, long skewMillis, Consumer<TokenRotation> listener, RenewPort port,
      Listeners listeners) {
    this.listeners = listeners;
    this.store = store;
    this.clock = clock;
    this.skewMillis = skewMillis;
    this.listener = listener;
    this.port = port;
    this.lease = store instanceof LeasingTokenStore leasing ? new FleetLease(leasing) : null;
  }

  // ---------------------------------------------------------------- taking pairs in

  /** @return a pair the server issued just now, held; learns the clock offset from it */
  HeldPair received(TokenPair pair) {
    long now = clock.millis();
    HeldPair.clockOffsetMillis(pair, now).ifPresent(offset -> clockOffsetMillis = offset);
    return HeldPair.received(pair, now, skewMillis);
  }

  /** @return a pair of unknown age (set, loaded, adopted from the store), held */
  HeldPair adopted(TokenPair pair) {
    return pair == null ? HeldPair.NONE : HeldPair.adopted(pair, clock.millis(), skewMillis, clockOffsetMillis);
  }

  /** @return whether the held pair is due for a renew before use */
  boolean renewDue(HeldPair held) {
    return held.renewDue(clock.millis());
  }

  // ---------------------------------------------------------------- blocking

  /**
   * @param slot which pair
   * @param staleToken the token the caller found wanting (renew only if it is still the held one),
   *     or {@code null} to renew whatever is held
   * @param deadlineNanos how long to wait for a flight another caller runs, or {@link #NO_DEADLINE}
   * @return the pair after the renew
   */
  TokenPair renewIfStill(PairSlot slot, String staleToken, long deadlineNanos) {
    return run(slot, staleToken, false, deadlineNanos);
  }

  /**
   * Saves the renewed pair the store refused before (running that save as the flight, or joining the
   * flight in progress); renews nothing.
   *
   * @param slot which pair
   * @param deadlineNanos how long to wait for a flight another caller runs, or {@link #NO_DEADLINE}
   * @return the saved pair
   * @throws TokenPersistenceException when the store still refuses it
   */
  TokenPair saveLate(PairSlot slot, long deadlineNanos) {
    return run(slot, null, true, deadlineNanos);
  }

  /**
   * @param slot which pair
   * @param flight the flight in progress
   * @param deadlineNanos how long to wait, or {@link #NO_DEADLINE}
   * @return the pair the flight ended with
   */
  TokenPair awaitFlight(PairSlot slot, CompletableFuture<TokenPair> flight, long deadlineNanos) {
    return await(slot, flight, deadlineNanos);
  }

  private TokenPair run(PairSlot slot, String staleToken, boolean saveOnly, long deadlineNanos) {
    Claim claim = claim(slot, staleToken, saveOnly);
    if (claim.current() != null) {
      return claim.current();
    }
    if (!claim.mine()) {
      return await(slot, claim.flight(), deadlineNanos);
    }
    return runAndFinish(slot, claim.flight(), staleToken, saveOnly);
  }

  /**
   * What a caller that needs a renew of a pair does: use the pair held now ({@code current}: another
   * renew already replaced the stale token), join the flight in progress, or run it ({@code mine}).
   */
  private record Claim(TokenPair current, CompletableFuture<TokenPair> flight, boolean mine) {}

  private static Claim claim(PairSlot slot, String staleToken, boolean saveOnly) {
    CompletableFuture<TokenPair> mine = null;
    while (true) {
      CompletableFuture<TokenPair> flight = slot.flight.get();
      if (flight != null) {
        return new Claim(null, flight, false);
      }
      TokenPair held = slot.held.pair();
      if (held == null && slot.unsaved == null) {
        throw TokenSession.noPair(slot.key);
      }
      if (slot.unsaved == null && (saveOnly || (staleToken != null && !held.token().equals(staleToken)))) {
        return new Claim(held, null, false);
      }
      if (mine == null) {
        mine = new CompletableFuture<>();
      }
      if (slot.flight.compareAndSet(null, mine)) {
        return new Claim(null, mine, true);
      }
    }
  }

  /** A pair the server just issued, or one adopted from the store (already saved there). */
  private record Renewed(TokenPair pair, boolean fromStore) {}

  /** Runs the flight this caller won, on this thread, and completes it whatever happens. */
  private TokenPair runAndFinish(PairSlot slot, CompletableFuture<TokenPair> mine, String staleToken,
      boolean saveOnly) {
    TokenPair result = null;
    Throwable failure = null;
    boolean rotated = false;
    RenewReport report = RenewReport.NONE;
    try {
      TokenPair unsaved = slot.unsaved;
      if (unsaved != null) {
        report = RenewReport.save(listeners, slot.key);
        result = saveUnsaved(slot, unsaved, report);
        rotated = true;
      } else {
        TokenPair toRenew = slot.held.pair();
        if (toRenew == null) {
          throw TokenSession.noPair(slot.key);
        }
        if (saveOnly || (staleToken != null && !toRenew.token().equals(staleToken))) {
          // state moved between the claim and winning it
          result = toRenew;
        } else {
          report = RenewReport.renew(listeners, slot.key);
          result = publish(slot, renewOrAdopt(slot, toRenew, report), report);
          rotated = true;
        }
      }
    } catch (Throwable e) {
      failure = e;
    } finally {
      finish(slot, mine, result, failure);
    }
    report.end(failure);
    if (failure != null) {
      throw sneaky(failure);
    }
    if (rotated) {
      notifyRotation(slot.key, result);
    }
    return result;
  }

  /**
   * Sends the renew, unless the pair is already known dead (then the store is re-read first); with a
   * fleet store under its lease; on a definite refusal re-reads the store for a newer pair, else
   * marks the refresh token dead.
   */
  private Renewed renewOrAdopt(PairSlot slot, TokenPair toRenew, RenewReport report) {
    if (toRenew.refreshToken().equals(slot.deadRefreshToken)) {
      return adoptNewerOrDie(slot, toRenew, null, report);
    }
    if (lease != null) {
      return lease.renewUnderLease(slot.key, toRenew, () -> renewNow(slot, toRenew, report),
          newer -> {
            report.adopted();
            return new Renewed(newer, true);
          }, Renewed::fromStore, report);
    }
    return renewNow(slot, toRenew, report);
  }

  private Renewed renewNow(PairSlot slot, TokenPair toRenew, RenewReport report) {
    try {
      return new Renewed(port.renew(toRenew), false);
    } catch (DfxApiException e) {
      if (isRefusedRefreshToken(e)) {
        return adoptNewerOrDie(slot, toRenew, e, report);
      }
      throw e;
    }
  }

  /** Re-reads the store after a definite refusal: a newer pair there is adopted, else the pair is dead. */
  private Renewed adoptNewerOrDie(PairSlot slot, TokenPair refused, DfxApiException cause, RenewReport report) {
    Optional<TokenPair> stored = store.load(slot.key);
    if (stored.isPresent() && !stored.get().refreshToken().equals(refused.refreshToken())
        && !stored.get().refreshToken().equals(slot.deadRefreshToken)) {
      LOG.debug("dfx session: the {} pair was refused; adopting the newer pair from the store", slot.key);
      report.adopted();
      return new Renewed(stored.get(), true);
    }
    if (!refused.refreshToken().equals(slot.deadRefreshToken)) {
      report.event(DfxSessionEvent.Type.REFRESH_TOKEN_SPENT);
    }
    slot.deadRefreshToken = refused.refreshToken();
    throw new RefreshTokenSpentException(slot.key, cause);
  }

  /**
   * Saves a pair the server issued (unless it came from the store), then makes it visible. A save
   * that fails keeps the pair as unsaved (it is the only valid one) and throws a {@link
   * TokenPersistenceException} carrying it; the next need saves it again before handing it out.
   */
  private TokenPair publish(PairSlot slot, Renewed renewed, RenewReport report) {
    TokenPair next = renewed.pair();
    if (!renewed.fromStore()) {
      save(slot, next, report);
    }
    slot.held = renewed.fromStore() ? adopted(next) : received(next);
    slot.unsaved = null;
    slot.deadRefreshToken = null;
    LOG.debug("dfx session: {} pair {}", slot.key, renewed.fromStore() ? "adopted from the store" : "renewed and saved");
    return next;
  }

  /** Saves the renewed pair the store refused before; on success it becomes the held pair. */
  private TokenPair saveUnsaved(PairSlot slot, TokenPair unsaved, RenewReport report) {
    save(slot, unsaved, report);
    report.event(DfxSessionEvent.Type.PAIR_SAVED);
    slot.held = received(unsaved);
    slot.unsaved = null;
    slot.deadRefreshToken = null;
    LOG.info("dfx session: the renewed {} pair is saved to the token store now", slot.key);
    return unsaved;
  }

  private void save(PairSlot slot, TokenPair pair, RenewReport report) {
    try {
      store.save(slot.key, pair);
    } catch (Throwable e) {
      // kept, and saved again before anyone is given it
      slot.unsaved = pair;
      report.event(DfxSessionEvent.Type.PAIR_UNSAVED);
      LOG.warn("dfx session: the renewed {} pair could not be saved ({}); held in memory, saved again on the next"
          + " need", slot.key, e.getClass().getSimpleName());
      throw new TokenPersistenceException(slot.key, pair, e);
    }
  }

  private static void finish(PairSlot slot, CompletableFuture<TokenPair> mine, TokenPair pair, Throwable failure) {
    slot.flight.compareAndSet(mine, null);
    if (failure == null && pair != null) {
      mine.complete(pair);
    } else {
      mine.completeExceptionally(failure != null ? failure
          : new IllegalStateException("the renew of the " + slot.key + " pair ended without a pair"));
    }
  }

  private void notifyRotation(TokenKey key, TokenPair pair) {
    try {
      listener.accept(new TokenRotation(key, pair, clock.instant()));
    } catch (Throwable e) {
      LOG.warn("dfx session: rotation listener failed ({})", e.getClass().getSimpleName());
    }
  }

  private TokenPair await(PairSlot slot, CompletableFuture<TokenPair> flight, long deadlineNanos) {
    try {
      if (deadlineNanos == NO_DEADLINE) {
        return flight.get();
      }
      long left = deadlineNanos - System.nanoTime();
      return flight.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw sneaky(e.getCause());
    } catch (TimeoutException e) {
      throw new CredentialsUnavailableException("the renew of the " + slot.key + " pair was still in flight at the"
          + " deadline", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialsUnavailableException("interrupted while the renew of the " + slot.key
          + " pair was in flight", e);
    }
  }

  // ---------------------------------------------------------------- non-blocking

  /**
   * @param slot which pair
   * @param staleToken as {@link #renewIfStill}
   * @return the pair after the renew; never blocks the calling thread
   */
  CompletableFuture<TokenPair> renewAsync(PairSlot slot, String staleToken) {
    return runAsync(slot, staleToken, false);
  }

  /**
   * @param slot which pair
   * @return once the renewed pair the store refused is saved (the flight in progress joined, or the
   *     save run on a worker); renews nothing; never blocks the calling thread
   */
  CompletableFuture<TokenPair> saveLateAsync(PairSlot slot) {
    return runAsync(slot, null, true);
  }

  private CompletableFuture<TokenPair> runAsync(PairSlot slot, String staleToken, boolean saveOnly) {
    Claim claim;
    try {
      claim = claim(slot, staleToken, saveOnly);
    } catch (Throwable e) {
      return CompletableFuture.failedFuture(e);
    }
    if (claim.current() != null) {
      return CompletableFuture.completedFuture(claim.current());
    }
    if (!claim.mine()) {
      return claim.flight();
    }
    CompletableFuture<TokenPair> mine = claim.flight();
    TokenPair toRenew = slot.held.pair();
    boolean blockingWork = saveOnly || slot.unsaved != null || toRenew == null || !port.hasAsync() || lease != null
        || toRenew.refreshToken().equals(slot.deadRefreshToken);
    if (blockingWork) {
      runOnWorker(slot, mine, staleToken, saveOnly);
      return mine;
    }
    if (staleToken != null && !toRenew.token().equals(staleToken)) {
      finish(slot, mine, toRenew, null);
      return mine;
    }
    RenewReport report = RenewReport.renew(listeners, slot.key);
    CompletableFuture<TokenPair> answer;
    try {
      answer = port.renewAsync(toRenew);
    } catch (Throwable e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenCompleteAsync((issued, failure) -> completeAsync(slot, mine, toRenew, issued, failure, report),
        Workers.executor());
    return mine;
  }

  private void runOnWorker(PairSlot slot, CompletableFuture<TokenPair> mine, String staleToken, boolean saveOnly) {
    try {
      Workers.executor().execute(() -> {
        try {
          runAndFinish(slot, mine, staleToken, saveOnly);
        } catch (Throwable ignored) {
          // delivered through the flight
        }
      });
    } catch (Throwable e) {
      finish(slot, mine, null, e);
    }
  }

  /** The rest of an asynchronous renew, on a worker: adopt or publish, and complete the flight. */
  private void completeAsync(PairSlot slot, CompletableFuture<TokenPair> mine, TokenPair toRenew, TokenPair issued,
      Throwable failure, RenewReport report) {
    TokenPair result = null;
    Throwable error = null;
    try {
      Throwable f = unwrap(failure);
      Renewed next;
      if (f instanceof DfxApiException e && isRefusedRefreshToken(e)) {
        next = adoptNewerOrDie(slot, toRenew, e, report);
      } else if (f != null) {
        throw f;
      } else {
        next = new Renewed(issued, false);
      }
      result = publish(slot, next, report);
    } catch (Throwable e) {
      error = e;
    } finally {
      finish(slot, mine, result, error);
    }
    report.end(error);
    if (error == null) {
      notifyRotation(slot.key, result);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static boolean isRefusedRefreshToken(DfxApiException e) {
    return e.status() == 401 && INVALID_REFRESH_TOKEN.equals(e.code());
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
