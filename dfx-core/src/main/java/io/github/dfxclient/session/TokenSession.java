package io.github.dfxclient.session;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds an application's device pair and any number of user pairs ({@link TokenKey}), and renews
 * them safely. Give {@link #credentials()} to an adapter builder and every call gets the token its
 * operation needs, renewed ahead of expiry and once more after a 401.
 *
 * <ul>
 *   <li><b>Single-flight</b>: any number of callers, blocking or asynchronous, that need a renew of
 *       the same pair cause exactly one renew call; the others wait for its result or its failure.
 *   <li><b>Persisted before visible</b>: no caller ever receives a token before its pair is saved
 *       to the {@link TokenStore}. If the store fails (any {@code Throwable}), every waiter gets a
 *       {@link TokenPersistenceException} carrying the new pair; the session keeps it and saves it
 *       again before handing it out.
 *   <li><b>Proactive</b>: a token whose JWT {@code exp} is within {@link Builder#renewSkew} of the
 *       {@link Builder#clock} is renewed before use; after a 401 the engine asks for a fresh token
 *       once ({@link DfxCredentials#renewAfterUnauthorized}).
 *   <li><b>Never locked out by a failure the server did not see</b>: after a renew that failed in
 *       any other way (not sent, outcome unknown, 5xx), the pair stays usable and the next need
 *       renews again. Only a definite 401 {@code INVALID_REFRESH_TOKEN} ends a pair: the session
 *       first re-reads the store (another process may have rotated it) and adopts a newer pair
 *       there; otherwise {@link RefreshTokenSpentException}, with no further sends of that refresh
 *       token, until {@link #set}.
 *   <li>No lock is held around I/O (store or network); nothing grows without bound.
 * </ul>
 *
 * <pre>{@code
 * TokenSession session = TokenSession.builder()
 *     .auths(JdkAuthsAdapter.builder().build())        // renews (its own bearer: none needed)
 *     .store(myStore)
 *     .build();
 * session.set(TokenKind.DEVICE, pairFromLicenseRegistration);
 * AuthsPort auths = JdkAuthsAdapter.builder().credentials(session.credentials()).build();
 * }</pre>
 *
 * Thread-safe.
 */
public final class TokenSession {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.session");
  private static final String INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN";

  private final AuthsPort auths;
  private final AsyncAuthsPort asyncAuths;
  private final TokenStore store;
  private final Clock clock;
  private final long renewSkewMillis;
  private final Duration renewSkew;
  private final Consumer<TokenRotation> listener;
  private final Map<TokenKey, Slot> slots = new ConcurrentHashMap<>();
  private final DfxCredentials defaultCredentials;

  /** A saved pair with its expiry (epoch millis; {@code Long.MAX_VALUE} without {@code exp}), read as one. */
  private record Held(TokenPair pair, long expiresAt) {
    static final Held NONE = new Held(null, Long.MAX_VALUE);

    static Held of(TokenPair pair) {
      return pair == null ? NONE
          : new Held(pair, JwtExpiry.of(pair.token()).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
    }
  }

  /**
   * The state of one pair. {@link #held} is assigned only after a successful save, so whatever a
   * reader sees there is saved. {@link #unsaved} is a renewed pair the store refused. {@link #flight}
   * is the renew in progress. {@link #deadRefreshToken} is the one refresh token the server refused.
   */
  private static final class Slot {
    final TokenKey key;
    volatile Held held = Held.NONE;
    volatile TokenPair unsaved;
    volatile String deadRefreshToken;
    /** The thread running a blocking renew of this pair, if one is. */
    volatile Thread renewer;
    final AtomicReference<CompletableFuture<TokenPair>> flight = new AtomicReference<>();

    Slot(TokenKey key) {
      this.key = key;
    }
  }

  private TokenSession(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.renewSkew = b.renewSkew;
    this.renewSkewMillis = b.renewSkew.toMillis();
    this.listener = b.listener;
    this.asyncAuths = b.asyncAuths;
    this.defaultCredentials = credentials(TokenKey.user());
    for (TokenKey key : new TokenKey[] {TokenKey.device(), TokenKey.user()}) {
      slot(key);
    }
    if (b.auths != null) {
      this.auths = b.auths;
    } else {
      // the old wiring: an adapter whose bearer is the device token; the supplier reads the slot
      Slot device = slots.get(TokenKey.device());
      AuthsPort made = b.authsFactory.apply(() -> deviceBearer(device));
      if (made == null) {
        throw new IllegalArgumentException("auths factory returned null");
      }
      this.auths = made;
    }
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- pairs

  private Slot slot(TokenKey key) {
    Slot slot = slots.get(key);
    if (slot != null) {
      return slot;
    }
    // read the store outside any lock; a racing reader reads the same thing
    Slot fresh = new Slot(key);
    fresh.held = Held.of(store.load(key).orElse(null));
    Slot raced = slots.putIfAbsent(key, fresh);
    return raced != null ? raced : fresh;
  }

  /**
   * Adopts a pair obtained outside the session (license registration, user login): saves it to the
   * store, then holds it. A pair the server had refused is forgotten.
   *
   * @param kind which pair
   * @param pair the pair
   */
  public void set(TokenKind kind, TokenPair pair) {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    set(TokenKey.of(kind), pair);
  }

  /**
   * @param key which pair
   * @param pair the pair, saved to the store before it is held
   */
  public void set(TokenKey key, TokenPair pair) {
    if (key == null || pair == null) {
      throw new IllegalArgumentException("key and pair must not be null");
    }
    Slot slot = slot(key);
    store.save(key, pair);
    slot.held = Held.of(pair);
    slot.unsaved = null;
    slot.deadRefreshToken = null;
  }

  /**
   * @param kind which pair
   * @return the pair held now, saved to the store; empty if none was set or loaded
   * @throws TokenPersistenceException when a renewed pair still cannot be saved
   */
  public Optional<TokenPair> current(TokenKind kind) {
    return current(TokenKey.of(kind));
  }

  /**
   * @param key which pair
   * @return the pair held now, saved to the store; empty if none was set or loaded
   * @throws TokenPersistenceException when a renewed pair still cannot be saved
   */
  public Optional<TokenPair> current(TokenKey key) {
    Slot slot = slot(key);
    ensureSaved(slot);
    return Optional.ofNullable(slot.held.pair());
  }

  /**
   * The access token to use now: renewed first (once, whatever the number of callers) when it
   * expires within the skew. A valid token is returned without locking or I/O.
   *
   * @param kind which pair
   * @return the token
   * @throws IllegalStateException when the session holds no such pair
   */
  public String accessToken(TokenKind kind) {
    return accessToken(TokenKey.of(kind));
  }

  /**
   * @param key which pair
   * @return the token, renewed first when it expires within the skew
   * @throws IllegalStateException when the session holds no such pair
   */
  public String accessToken(TokenKey key) {
    Slot slot = slot(key);
    Held held = slot.held;
    if (held.pair() == null || slot.unsaved != null) {
      ensureSaved(slot);
      held = slot.held;
      if (held.pair() == null) {
        throw new IllegalStateException("no " + key + " pair is set");
      }
    }
    if (expiresSoon(held)) {
      return renewIfStill(slot, held.pair().token()).token();
    }
    return held.pair().token();
  }

  private boolean expiresSoon(Held held) {
    return held.expiresAt() != Long.MAX_VALUE && clock.millis() + renewSkewMillis >= held.expiresAt();
  }

  /**
   * @return the device token as a supplier (renewed first when it expires soon), or {@code null}
   *     when none is set
   * @deprecated give {@link #credentials()} to the adapter instead: it supplies device and user
   *     tokens and renews after a 401
   */
  @Deprecated
  public Supplier<String> bearerToken() {
    Slot device = slot(TokenKey.device());
    return () -> deviceBearer(device);
  }

  private String deviceBearer(Slot device) {
    TokenPair held = device.held.pair();
    if (held == null) {
      return null;
    }
    // asked for the header of a renew this thread is running: the held token, no second renew
    Thread me = Thread.currentThread();
    for (Slot s : slots.values()) {
      if (s.renewer == me) {
        return held.token();
      }
    }
    return tokenFor(device);
  }

  /**
   * The token for an outgoing request: renewed first when it expires soon, but never waiting for a
   * renew already in flight (the renew request itself carries the device token, and a caller whose
   * token turns out stale gets a 401 and then waits for the renew through {@link
   * DfxCredentials#renewAfterUnauthorized}).
   */
  private String tokenFor(Slot slot) {
    CompletableFuture<TokenPair> flight = slot.flight.get();
    if (flight != null && !flight.isDone()) {
      TokenPair pair = slot.held.pair();
      return pair == null ? null : pair.token();
    }
    return accessToken(slot.key);
  }

  // ---------------------------------------------------------------- credentials

  /**
   * @return the device token and the default user's token, per call, renewed ahead of expiry and
   *     once after a 401: give it to an adapter builder's {@code credentials(...)}
   */
  public DfxCredentials credentials() {
    return defaultCredentials;
  }

  /**
   * @param userPrincipal the user whose token operations that need a user token send
   * @return the device token and that user's token, per call
   */
  public DfxCredentials credentials(String userPrincipal) {
    return credentials(TokenKey.user(userPrincipal));
  }

  private DfxCredentials credentials(TokenKey userKey) {
    return new DfxCredentials() {
      @Override
      public String token(Credential kind) {
        Slot slot = slot(kind == Credential.USER ? userKey : TokenKey.device());
        return slot.held.pair() == null && slot.unsaved == null ? null : tokenFor(slot);
      }

      @Override
      public String currentToken(Credential kind) {
        Slot slot = slot(kind == Credential.USER ? userKey : TokenKey.device());
        ensureSaved(slot);
        TokenPair held = slot.held.pair();
        return held == null ? null : held.token();
      }

      @Override
      public boolean renewAfterUnauthorized(Credential kind, String rejected) {
        Slot slot = slot(kind == Credential.USER ? userKey : TokenKey.device());
        return !renewIfStill(slot, rejected).token().equals(rejected);
      }

      @Override
      public CompletableFuture<String> tokenAsync(Credential kind) {
        Slot slot = slot(kind == Credential.USER ? userKey : TokenKey.device());
        try {
          ensureSaved(slot);
        } catch (TokenPersistenceException e) {
          return CompletableFuture.failedFuture(e);
        }
        Held held = slot.held;
        CompletableFuture<TokenPair> flight = slot.flight.get();
        if (held.pair() == null || !expiresSoon(held) || (flight != null && !flight.isDone())) {
          // as tokenFor: never wait for a renew in flight (the renew itself may be asking)
          return CompletableFuture.completedFuture(held.pair() == null ? null : held.pair().token());
        }
        return renewAsync(slot, held.pair().token()).thenApply(TokenPair::token);
      }

      @Override
      public CompletableFuture<Boolean> renewAfterUnauthorizedAsync(Credential kind, String rejected) {
        Slot slot = slot(kind == Credential.USER ? userKey : TokenKey.device());
        return renewAsync(slot, rejected).thenApply(pair -> !pair.token().equals(rejected));
      }

      @Override
      public String toString() {
        return "TokenSession.credentials[" + userKey + "]";
      }
    };
  }

  // ---------------------------------------------------------------- renew

  /**
   * Renews the pair whose access token is {@code staleToken}, unless that already happened: of all
   * callers passing the same stale token, one renews and the others share its result.
   *
   * @param kind which pair
   * @param staleToken the access token the caller found wanting (e.g. it got a 401 with it)
   * @return the current pair after the renew
   * @throws RefreshTokenSpentException when the server refused the pair's refresh token and the
   *     store holds no newer pair
   * @throws TokenPersistenceException when the renewed pair could not be saved (it carries the pair)
   */
  public TokenPair renewIfStill(TokenKind kind, String staleToken) {
    return renewIfStill(slot(TokenKey.of(kind)), staleToken);
  }

  /**
   * @param key which pair
   * @param staleToken the access token the caller found wanting
   * @return the current pair after the renew
   */
  public TokenPair renewIfStill(TokenKey key, String staleToken) {
    return renewIfStill(slot(key), staleToken);
  }

  /**
   * What a caller that needs a renew of a pair does: use the pair held now ({@code current}: another
   * renew already replaced the stale token), join the flight in progress, or run its own ({@code
   * mine}: this caller won the flight).
   */
  private record Claim(TokenPair current, CompletableFuture<TokenPair> flight, boolean mine) {}

  private Claim claim(Slot slot, String staleToken) {
    CompletableFuture<TokenPair> mine = new CompletableFuture<>();
    while (true) {
      ensureSaved(slot);
      CompletableFuture<TokenPair> flight = slot.flight.get();
      if (flight != null) {
        return new Claim(null, flight, false);
      }
      TokenPair held = slot.held.pair();
      if (held == null) {
        throw new IllegalStateException("no " + slot.key + " pair is set");
      }
      if (staleToken != null && !held.token().equals(staleToken)) {
        return new Claim(held, null, false);
      }
      if (slot.flight.compareAndSet(null, mine)) {
        return new Claim(null, mine, true);
      }
    }
  }

  private TokenPair renewIfStill(Slot slot, String staleToken) {
    Claim claim = claim(slot, staleToken);
    if (claim.current() != null) {
      return claim.current();
    }
    if (!claim.mine()) {
      return await(claim.flight());
    }
    CompletableFuture<TokenPair> mine = claim.flight();
    // this caller renews; state may have moved between the checks and winning the flight
    TokenPair toRenew = slot.held.pair();
    if (staleToken != null && !toRenew.token().equals(staleToken)) {
      finish(slot, mine, toRenew, null);
      return toRenew;
    }
    Renewed next;
    try {
      next = renewOrAdopt(slot, toRenew);
    } catch (Throwable e) {
      finish(slot, mine, null, e);
      throw sneaky(e);
    }
    return completeRenew(slot, mine, next);
  }

  /** A pair the server just issued, or one adopted from the store (already saved there). */
  private record Renewed(TokenPair pair, boolean fromStore) {}

  /**
   * Sends the renew, unless the pair is already known dead (then the store is re-read first); on a
   * definite refusal re-reads the store for a newer pair, else marks the refresh token dead.
   */
  private Renewed renewOrAdopt(Slot slot, TokenPair toRenew) {
    if (toRenew.refreshToken().equals(slot.deadRefreshToken)) {
      return adoptNewerOrDie(slot, toRenew, null);
    }
    if (store instanceof LeasingTokenStore leasing) {
      return renewUnderLease(leasing, slot, toRenew);
    }
    return renewNow(slot, toRenew);
  }

  /**
   * Fleet-wide single flight: takes the store's lease before sending; adopts a pair another process
   * saved; waits (with backoff) while another process holds the lease. A store that cannot be
   * written means no renew is sent.
   */
  private Renewed renewUnderLease(LeasingTokenStore leasing, Slot slot, TokenPair toRenew) {
    long deadline = System.nanoTime() + leasing.leaseDuration().toNanos() * 2;
    long waitMillis = 20;
    while (true) {
      LeasingTokenStore.Lease lease;
      try {
        lease = leasing.tryLease(slot.key, toRenew);
      } catch (RuntimeException e) {
        throw new TokenStoreUnavailableException("the token store could not take the renew lease of the "
            + slot.key + " pair; no renew was sent (" + e.getMessage() + ")", e);
      }
      if (lease instanceof LeasingTokenStore.Newer newer) {
        LOG.debug("dfx session: another process renewed the {} pair; adopting it", slot.key);
        return new Renewed(newer.pair(), true);
      }
      if (lease instanceof LeasingTokenStore.Acquired) {
        Renewed renewed;
        try {
          renewed = renewNow(slot, toRenew);
        } catch (Throwable e) {
          leasing.releaseLease(slot.key);
          throw e;
        }
        if (renewed.fromStore()) {
          // refused, and a newer pair was found in the store: nothing to save, give the lease back
          leasing.releaseLease(slot.key);
        }
        return renewed;
      }
      if (System.nanoTime() > deadline) {
        throw new TokenStoreUnavailableException("another process has held the renew lease of the " + slot.key
            + " pair for longer than twice the lease duration; no renew was sent", null);
      }
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokenStoreUnavailableException("interrupted while another process renewed the " + slot.key
            + " pair", e);
      }
      waitMillis = Math.min(waitMillis * 2, 250);
    }
  }

  private Renewed renewNow(Slot slot, TokenPair toRenew) {
    slot.renewer = Thread.currentThread();
    try {
      return new Renewed(auths.renew(toRenew), false);
    } catch (DfxApiException e) {
      if (e.status() == 401 && INVALID_REFRESH_TOKEN.equals(e.code())) {
        return adoptNewerOrDie(slot, toRenew, e);
      }
      throw e;
    } finally {
      slot.renewer = null;
    }
  }

  private Renewed adoptNewerOrDie(Slot slot, TokenPair refused, DfxApiException cause) {
    Optional<TokenPair> stored = store.load(slot.key);
    if (stored.isPresent() && !stored.get().refreshToken().equals(refused.refreshToken())
        && !stored.get().refreshToken().equals(slot.deadRefreshToken)) {
      LOG.debug("dfx session: the {} pair was refused; adopting the newer pair from the store", slot.key);
      return new Renewed(stored.get(), true);
    }
    slot.deadRefreshToken = refused.refreshToken();
    throw new RefreshTokenSpentException(slot.key.kind(), cause);
  }

  /** Saves {@code next}, then makes it visible and completes the flight; a save failure keeps it. */
  private TokenPair completeRenew(Slot slot, CompletableFuture<TokenPair> mine, Renewed renewed) {
    TokenPair next = renewed.pair();
    if (!renewed.fromStore()) {
      try {
        store.save(slot.key, next);
      } catch (Throwable e) {
        // kept, and saved again before anyone is given it
        slot.unsaved = next;
        TokenPersistenceException failure = new TokenPersistenceException(slot.key.kind(), next, e);
        LOG.warn("dfx session: the renewed {} pair could not be saved ({}); held in memory", slot.key,
            e.getClass().getSimpleName());
        finish(slot, mine, null, failure);
        throw failure;
      }
    }
    slot.held = Held.of(next);
    slot.unsaved = null;
    slot.deadRefreshToken = null;
    finish(slot, mine, next, null);
    LOG.debug("dfx session: {} pair renewed and saved", slot.key);
    try {
      listener.accept(new TokenRotation(slot.key.kind(), next, clock.instant()));
    } catch (RuntimeException e) {
      LOG.warn("dfx session: rotation listener failed ({})", e.getClass().getSimpleName());
    }
    return next;
  }

  private static void finish(Slot slot, CompletableFuture<TokenPair> mine, TokenPair pair, Throwable failure) {
    slot.flight.compareAndSet(mine, null);
    if (failure != null) {
      mine.completeExceptionally(failure);
    } else {
      mine.complete(pair);
    }
  }

  /**
   * The asynchronous renew: joins the flight in progress, or starts one. With an {@link
   * Builder#asyncAuths} port no thread waits for the answer; without, the renew runs on the calling
   * thread.
   */
  private CompletableFuture<TokenPair> renewAsync(Slot slot, String staleToken) {
    CompletableFuture<TokenPair> flight = slot.flight.get();
    if (flight != null) {
      return flight;
    }
    if (asyncAuths == null || store instanceof LeasingTokenStore) {
      // without an async port, or with a fleet lease to wait for, the renew runs on this thread
      try {
        return CompletableFuture.completedFuture(renewIfStill(slot, staleToken));
      } catch (Throwable e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    Claim claim;
    try {
      claim = claim(slot, staleToken);
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
    if (staleToken != null && !toRenew.token().equals(staleToken)) {
      finish(slot, mine, toRenew, null);
      return mine;
    }
    if (toRenew.refreshToken().equals(slot.deadRefreshToken)) {
      try {
        return CompletableFuture.completedFuture(completeRenew(slot, mine, adoptNewerOrDie(slot, toRenew, null)));
      } catch (Throwable e) {
        finish(slot, mine, null, e);
        return mine;
      }
    }
    asyncAuths.renew(toRenew).whenComplete((issued, failure) -> {
      Throwable f = unwrap(failure);
      try {
        Renewed next;
        if (f instanceof DfxApiException e && e.status() == 401 && INVALID_REFRESH_TOKEN.equals(e.code())) {
          next = adoptNewerOrDie(slot, toRenew, e);
        } else if (f != null) {
          finish(slot, mine, null, f);
          return;
        } else {
          next = new Renewed(issued, false);
        }
        completeRenew(slot, mine, next);
      } catch (Throwable e) {
        if (!mine.isDone()) {
          finish(slot, mine, null, e);
        }
      }
    });
    return mine;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Runs {@code action} with the current access token; if it fails with a 401, renews once (see
   * {@link #renewIfStill}) and runs it once more. A second 401 surfaces; nothing loops.
   *
   * @param kind which pair's token the action uses
   * @param action the call, given the access token
   * @param <T> its result type
   * @return its result
   */
  public <T> T call(TokenKind kind, Function<String, T> action) {
    String token = accessToken(kind);
    try {
      return action.apply(token);
    } catch (DfxApiException e) {
      if (e.status() != 401) {
        throw e;
      }
      LOG.debug("dfx session: 401 with the {} token, renewing once", kind);
      return action.apply(renewIfStill(kind, token).token());
    }
  }

  /** Saves a renewed pair the store refused before, so that it may be handed out. */
  private void ensureSaved(Slot slot) {
    TokenPair unsaved = slot.unsaved;
    if (unsaved == null) {
      return;
    }
    try {
      store.save(slot.key, unsaved);
    } catch (Throwable e) {
      throw new TokenPersistenceException(slot.key.kind(), unsaved, e);
    }
    if (slot.unsaved == unsaved) {
      slot.held = Held.of(unsaved);
      slot.unsaved = null;
    }
  }

  private static TokenPair await(CompletableFuture<TokenPair> flight) {
    try {
      return flight.get();
    } catch (ExecutionException e) {
      throw sneaky(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a renew", e);
    }
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }

  @Override
  public String toString() {
    return "TokenSession[store=" + store.getClass().getSimpleName() + ", renewSkew=" + renewSkew + "]";
  }

  /** Builds a {@link TokenSession}. */
  public static final class Builder {
    private AuthsPort auths;
    private AsyncAuthsPort asyncAuths;
    private Function<Supplier<String>, AuthsPort> authsFactory;
    private TokenStore store = new InMemoryTokenStore();
    private Clock clock = Clock.systemUTC();
    private Duration renewSkew = Duration.ofSeconds(60);
    private Consumer<TokenRotation> listener = r -> { };

    private Builder() {}

    /**
     * @param auths the port that renews (its bearer token: the device token, or none; give it
     *     {@link TokenSession#credentials()} only through the factory form)
     * @return this
     */
    public Builder auths(AuthsPort auths) {
      if (auths == null) {
        throw new IllegalArgumentException("auths must not be null");
      }
      this.auths = auths;
      this.authsFactory = null;
      return this;
    }

    /**
     * @param factory builds the port from the session's device-token supplier, e.g. {@code bearer ->
     *     JdkAuthsAdapter.builder().bearerToken(bearer).build()}
     * @return this
     */
    public Builder auths(Function<Supplier<String>, AuthsPort> factory) {
      if (factory == null) {
        throw new IllegalArgumentException("auths factory must not be null");
      }
      this.authsFactory = factory;
      this.auths = null;
      return this;
    }

    /**
     * @param asyncAuths the non-blocking port asynchronous callers renew through, so that no thread
     *     waits for a renew's answer; optional (without it they renew through {@link #auths})
     * @return this
     */
    public Builder asyncAuths(AsyncAuthsPort asyncAuths) {
      if (asyncAuths == null) {
        throw new IllegalArgumentException("asyncAuths must not be null");
      }
      this.asyncAuths = asyncAuths;
      return this;
    }

    /**
     * @param store where pairs are kept; default {@link InMemoryTokenStore}
     * @return this
     */
    public Builder store(TokenStore store) {
      if (store == null) {
        throw new IllegalArgumentException("store must not be null");
      }
      this.store = store;
      return this;
    }

    /**
     * @param clock the clock {@code exp} claims are compared with; default UTC system clock
     * @return this
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /**
     * @param renewSkew renew when the token expires within this; 0 to 1 day, default 60 s
     * @return this
     */
    public Builder renewSkew(Duration renewSkew) {
      if (renewSkew == null || renewSkew.isNegative() || renewSkew.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("renewSkew must be 0 to 1 day");
      }
      this.renewSkew = renewSkew;
      return this;
    }

    /**
     * @param listener told of every rotation, after the new pair was saved
     * @return this
     */
    public Builder onRotation(Consumer<TokenRotation> listener) {
      if (listener == null) {
        throw new IllegalArgumentException("listener must not be null");
      }
      this.listener = listener;
      return this;
    }

    /** @return the session, with the pairs the store holds */
    public TokenSession build() {
      if (auths == null && authsFactory == null) {
        throw new IllegalArgumentException("auths must be set");
      }
      return new TokenSession(this);
    }
  }
}
