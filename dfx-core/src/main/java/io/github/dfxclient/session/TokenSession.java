package io.github.dfxclient.session;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.internal.Listeners;
import io.github.dfxclient.core.internal.Workers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 *       the same pair cause exactly one renew call; the others wait for its result or its failure
 *       (bounded by their call's deadline) instead of sending the old token.
 *   <li><b>Persisted before visible</b>: no caller ever receives a token before its pair is saved
 *       to the {@link TokenStore}. If the store fails (any {@code Throwable}, after the store's own
 *       retries of transient failures), every waiter gets a {@link TokenPersistenceException}
 *       carrying the new pair; the session keeps it and saves it again on the next need, before
 *       handing it out.
 *   <li><b>Proactive, whatever the clocks</b>: a token is renewed ahead of its expiry, at a time
 *       decided when the pair arrives from the lifetime the server granted ({@code exp - iat})
 *       measured on the local {@link Builder#clock}, so an offset between the local and the server's
 *       clock never causes renew storms. The {@link Builder#renewSkew} is capped at a third of the
 *       lifetime, and a pair just received is never renewed. A token whose expiry cannot be read is
 *       used until the server refuses it: never a reason to throw. After a 401 the engine asks for
 *       a fresh token once ({@link DfxCredentials#renewAfterUnauthorized}).
 *   <li><b>Never locked out by a failure the server did not see</b>: after a renew that failed in
 *       any other way (not sent, outcome unknown, 5xx), the pair stays usable (a caller whose token
 *       is still valid gets it) and the next need renews again. Only a definite 401 {@code
 *       INVALID_REFRESH_TOKEN} ends a pair: the session first re-reads the store (another process
 *       may have rotated it) and adopts a newer pair there; otherwise {@link
 *       RefreshTokenSpentException}, with no further sends of that refresh token, until {@link #set}.
 *   <li>No lock is held around I/O (store or network); no blocking work runs on a timer or an HTTP
 *       client's thread (asynchronous callers' renews and store I/O run on a small elastic pool of
 *       daemon threads).
 * </ul>
 *
 * <pre>{@code
 * TokenSession session = TokenSession.builder()
 *     .auths(JdkAuthsAdapter.builder().build())        // renews (carrying the held device token)
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

  private final TokenStore store;
  private final Clock clock;
  private final Duration renewSkew;
  private final Map<TokenKey, PairSlot> slots = new ConcurrentHashMap<>();
  private final Map<TokenKey, CompletableFuture<PairSlot>> loads = new ConcurrentHashMap<>();
  private final Renewals renewals;
  private final DfxCredentials defaultCredentials;
  private final LegacyBearer legacyBearer;

  private TokenSession(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.renewSkew = b.renewSkew;
    this.legacyBearer = new LegacyBearer(this);
    AuthsPort auths = b.auths;
    if (auths == null) {
      // the old wiring: a port whose bearer is the device token, from the session
      auths = b.authsFactory.apply(legacyBearer);
      if (auths == null) {
        throw new IllegalArgumentException("auths factory returned null");
      }
    }
    this.renewals = new Renewals(b.store, b.clock, b.renewSkew.toMillis(), b.listener,
        new RenewPort(auths, b.asyncAuths, this::heldDeviceToken), Listeners.of(b.listeners));
    this.defaultCredentials = new SessionCredentials(this, TokenKey.user());
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- pairs

  /**
   * @return the slot of {@code key}, loading its pair from the store on first use: one load for all
   *     the callers that need it at once (outside any lock), the others wait for it
   */
  PairSlot slot(TokenKey key) {
    PairSlot slot = slots.get(key);
    if (slot != null) {
      return slot;
    }
    CompletableFuture<PairSlot> mine = new CompletableFuture<>();
    CompletableFuture<PairSlot> loading = loads.putIfAbsent(key, mine);
    if (loading == null) {
      try {
        PairSlot fresh = new PairSlot(key);
        fresh.held = renewals.adopted(store.load(key).orElse(null));
        PairSlot raced = slots.putIfAbsent(key, fresh);
        mine.complete(raced != null ? raced : fresh);
      } catch (Throwable e) {
        mine.completeExceptionally(e);
      } finally {
        loads.remove(key, mine);
      }
      loading = mine;
    }
    try {
      return loading.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw Renewals.sneaky(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.github.dfxclient.core.CredentialsUnavailableException("interrupted while the " + key
          + " pair was read from the store", e);
    }
  }

  /** @return the device token held now (saved or not), neither renewed nor waited for; null if none is loaded */
  private String heldDeviceToken() {
    PairSlot device = slots.get(TokenKey.device());
    TokenPair pair = device == null ? null : device.serverPair();
    return pair == null ? null : pair.token();
  }

  /** @return the slot of {@code key} if it is loaded already, else {@code null} (no I/O) */
  PairSlot loadedSlot(TokenKey key) {
    return slots.get(key);
  }

  /**
   * Adopts a pair obtained outside the session (license registration, user login): saves it to the
   * store, then holds it. A pair the server had refused is forgotten.
   *
   * @param kind which pair
   * @param pair the pair
   * @throws IllegalArgumentException when an argument is {@code null}
   */
  public void set(TokenKind kind, TokenPair pair) {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    set(TokenKey.of(kind), pair);
  }

  /**
   * Adopts a pair obtained outside the session: saves it to the store, then holds it. Its token
   * may be any string: one whose expiry cannot be read is used until the server refuses it.
   *
   * @param key which pair
   * @param pair the pair, saved to the store before it is held
   * @throws IllegalArgumentException when an argument is {@code null}
   */
  public void set(TokenKey key, TokenPair pair) {
    if (key == null || pair == null) {
      throw new IllegalArgumentException("key and pair must not be null");
    }
    PairSlot slot = slot(key);
    HeldPair held = renewals.adopted(pair);
    store.save(key, pair);
    slot.held = held;
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
    PairSlot slot = slot(key);
    if (slot.unsaved != null) {
      renewals.saveLate(slot, Renewals.NO_DEADLINE);
    }
    return Optional.ofNullable(slot.held.pair());
  }

  /**
   * The access token to use now: renewed first (once, whatever the number of callers) when it is
   * due; while a renew of the pair is in flight, the token it brings. A valid token is returned
   * without locking or I/O.
   *
   * @param kind which pair
   * @return the token
   * @throws IllegalStateException when the session holds no such pair
   * @throws RefreshTokenSpentException when the pair can no longer be renewed
   * @throws TokenPersistenceException when a renewed pair cannot be saved
   */
  public String accessToken(TokenKind kind) {
    return accessToken(TokenKey.of(kind));
  }

  /**
   * @param key which pair
   * @return the token, renewed first when it is due
   * @throws IllegalStateException when the session holds no such pair
   * @throws RefreshTokenSpentException when the pair can no longer be renewed
   * @throws TokenPersistenceException when a renewed pair cannot be saved
   */
  public String accessToken(TokenKey key) {
    return token(slot(key), Renewals.NO_DEADLINE);
  }

  /**
   * The token of {@code slot} for a request that must be sent by {@code deadlineNanos}.
   *
   * @throws io.github.dfxclient.core.CredentialsUnavailableException when a renew in flight did not
   *     end by the deadline
   */
  String token(PairSlot slot, long deadlineNanos) {
    if (slot.flight.get() == null && slot.unsaved == null) {
      HeldPair held = slot.held;
      if (held.pair() != null && !renewals.renewDue(held)) {
        return held.pair().token();
      }
    }
    return slowToken(slot, deadlineNanos);
  }

  private String slowToken(PairSlot slot, long deadlineNanos) {
    HeldPair before = slot.held;
    try {
      CompletableFuture<TokenPair> flight = slot.flight.get();
      if (flight != null) {
        return renewals.awaitFlight(slot, flight, deadlineNanos).token();
      }
      if (slot.unsaved != null) {
        return renewals.saveLate(slot, deadlineNanos).token();
      }
      HeldPair held = slot.held;
      if (held.pair() == null) {
        throw noPair(slot.key);
      }
      if (!renewals.renewDue(held)) {
        return held.pair().token();
      }
      return renewals.renewIfStill(slot, held.pair().token(), deadlineNanos).token();
    } catch (DfxException | TokenStoreUnavailableException e) {
      return stillValid(slot, before, e);
    }
  }

  /**
   * A renew ahead of expiry failed in a way that leaves the pair as it was (not sent, outcome
   * unknown, a server error, the store unavailable): a token that is still valid is used; otherwise
   * the failure surfaces.
   */
  private String stillValid(PairSlot slot, HeldPair before, RuntimeException failure) {
    HeldPair now = slot.held;
    if (now == before && slot.unsaved == null && now.validAt(clock.millis())
        && !(failure instanceof DfxApiException api && api.status() == 401)) {
      LOG.debug("dfx session: the renew of the {} pair ahead of its expiry failed ({}: {}); its token is still valid",
          slot.key, failure.getClass().getSimpleName(), failure.getMessage());
      return now.pair().token();
    }
    throw failure;
  }

  /** The non-blocking {@link #token}: never blocks the calling thread (store I/O runs on a worker). */
  CompletableFuture<String> tokenAsync(TokenKey key) {
    PairSlot slot = slots.get(key);
    if (slot == null) {
      return CompletableFuture.supplyAsync(() -> slot(key), Workers.executor()).thenCompose(this::tokenAsync);
    }
    return tokenAsync(slot);
  }

  private CompletableFuture<String> tokenAsync(PairSlot slot) {
    CompletableFuture<TokenPair> flight = slot.flight.get();
    HeldPair before = slot.held;
    if (flight == null && slot.unsaved == null && before.pair() != null && !renewals.renewDue(before)) {
      return CompletableFuture.completedFuture(before.pair().token());
    }
    CompletableFuture<TokenPair> next;
    if (flight != null) {
      next = flight;
    } else if (slot.unsaved != null) {
      next = renewals.saveLateAsync(slot);
    } else if (before.pair() == null) {
      return CompletableFuture.failedFuture(noPair(slot.key));
    } else {
      next = renewals.renewAsync(slot, before.pair().token());
    }
    return next.handle((pair, failure) -> {
      if (failure == null) {
        return pair.token();
      }
      Throwable f = Renewals.unwrap(failure);
      if (f instanceof DfxException || f instanceof TokenStoreUnavailableException) {
        return stillValid(slot, before, (RuntimeException) f);
      }
      throw Renewals.sneaky(f);
    });
  }

  /** @return the exception for a pair the session does not hold: names kind and principal */
  static IllegalStateException noPair(TokenKey key) {
    return new IllegalStateException(key.isDefault()
        ? "no " + key.kind() + " pair is set on the session: set one (license registration, user login) first"
        : "no " + key.kind() + " pair is set on the session for principal '" + key.principal()
            + "': log the user in and set the pair first");
  }

  /**
   * @return the device token as a supplier (renewed first when it is due; waiting for a renew in
   *     flight), or {@code null} when none is set
   * @deprecated give {@link #credentials()} to the adapter instead: it supplies device and user
   *     tokens and renews after a 401
   */
  @Deprecated
  public Supplier<String> bearerToken() {
    return legacyBearer;
  }

  // ---------------------------------------------------------------- credentials

  /**
   * @return the device token and the default user's token, per call, renewed ahead of expiry and
   *     once after a 401: give it to an adapter builder's {@code credentials(...)}, or to {@code
   *     withCredentials(...)} of a client. A pair the session does not hold is an {@link
   *     IllegalStateException} naming it, before anything is sent.
   */
  public DfxCredentials credentials() {
    return defaultCredentials;
  }

  /**
   * @param userPrincipal the user whose token operations that need a user token send
   * @return the device token and that user's token, per call
   * @throws IllegalArgumentException when the principal is not 1..128 visible ASCII characters
   */
  public DfxCredentials credentials(String userPrincipal) {
    return new SessionCredentials(this, TokenKey.user(userPrincipal));
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
   * @throws TokenStoreUnavailableException when a fleet store could not take the renew lease (no
   *     renew was sent)
   * @throws DfxException when the renew failed otherwise (the pair stays usable)
   */
  public TokenPair renewIfStill(TokenKind kind, String staleToken) {
    return renewIfStill(TokenKey.of(kind), staleToken);
  }

  /**
   * @param key which pair
   * @param staleToken the access token the caller found wanting
   * @return the current pair after the renew
   * @throws RefreshTokenSpentException when the server refused the pair's refresh token and the
   *     store holds no newer pair
   * @throws TokenPersistenceException when the renewed pair could not be saved (it carries the pair)
   */
  public TokenPair renewIfStill(TokenKey key, String staleToken) {
    return renewals.renewIfStill(slot(key), staleToken, Renewals.NO_DEADLINE);
  }

  // ---------------------------------------------------------------- counts (health)

  /**
   * How many pairs this session holds now: pairs set or loaded from the store in this process (a
   * renewed pair the store refused so far included), spent ones included. Pairs the store holds that
   * this process never used are not counted. Reads memory only: no I/O, no lock.
   *
   * @return the number of pairs held, 0 or more
   */
  public int pairsHeld() {
    int n = 0;
    for (PairSlot slot : slots.values()) {
      if (slot.serverPair() != null) {
        n++;
      }
    }
    return n;
  }

  /**
   * How many of the pairs held are spent: the server refused their refresh token and the store held
   * no newer pair, so every renew of them fails with {@link RefreshTokenSpentException} until the
   * application sets a new pair. Reads memory only.
   *
   * @return the number of spent pairs, 0 or more
   */
  public int spentPairs() {
    int n = 0;
    for (PairSlot slot : slots.values()) {
      TokenPair pair = slot.serverPair();
      String dead = slot.deadRefreshToken;
      if (pair != null && dead != null && dead.equals(pair.refreshToken())) {
        n++;
      }
    }
    return n;
  }

  /**
   * How many renewed pairs are held in memory only because the store refused to save them so far
   * (see {@link TokenPersistenceException}); each is saved again before it is handed out. Reads
   * memory only.
   *
   * @return the number of unsaved pairs, 0 or more
   */
  public int unsavedPairs() {
    int n = 0;
    for (PairSlot slot : slots.values()) {
      if (slot.unsaved != null) {
        n++;
      }
    }
    return n;
  }

  /** The renew flights (for the credentials views). */
  Renewals renewals() {
    return renewals;
  }

  /**
   * Runs {@code action} with the current access token; if it fails with a 401 about the token
   * ({@code INVALID_TOKEN} and kin, or a 401 without a code of its own), renews once (see {@link
   * #renewIfStill}) and runs it once more. A second 401 surfaces; nothing loops.
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
      if (e.status() != 401 || !io.github.dfxclient.core.internal.Engine.refusesTheBearer(e.code())) {
        throw e;
      }
      LOG.debug("dfx session: 401 with the {} token, renewing once", kind);
      return action.apply(renewIfStill(kind, token).token());
    }
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
    private final List<DfxCallListener> listeners = new ArrayList<>(2);

    private Builder() {}

    /**
     * @param auths the port that renews; the library's clients (adapters) send each renew with the
     *     token of the pair being renewed, whatever credentials they were built with
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
     *     waits for a renew's answer; optional (without it their renews run on the library's worker
     *     threads through {@link #auths})
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
     * @param clock the local clock a pair's lifetime is measured on; default UTC system clock
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
     * @param renewSkew renew this long before the token expires, at most a third of its lifetime;
     *     0 to 1 day, default 60 s
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
     * @param listener told of every rotation, after the new pair was saved (a listener that throws
     *     is logged and ignored)
     * @return this
     */
    public Builder onRotation(Consumer<TokenRotation> listener) {
      if (listener == null) {
        throw new IllegalArgumentException("listener must not be null");
      }
      this.listener = listener;
      return this;
    }

    /**
     * Adds a listener told of every renew (start, end, outcome, duration, the pair's kind and
     * principal, never a token) and of the session's other events (fleet lease waits, pairs adopted
     * from the store, spent pairs, pairs the store could not save); several may be added. The same
     * {@link DfxCallListener} can be given to the adapters, whose calls (a renew's request
     * included) it then sees too. A listener that throws is logged and ignored.
     *
     * @param listener the listener, not {@code null}
     * @return this
     * @throws IllegalArgumentException when {@code listener} is {@code null}
     */
    public Builder listener(DfxCallListener listener) {
      if (listener == null) {
        throw new IllegalArgumentException("listener must not be null");
      }
      this.listeners.add(listener);
      return this;
    }

    /**
     * @return the session; it reads each pair from the store on its first use (building it does no
     *     I/O)
     * @throws IllegalArgumentException when no {@code auths} port was set
     */
    public TokenSession build() {
      if (auths == null && authsFactory == null) {
        throw new IllegalArgumentException("auths must be set");
      }
      return new TokenSession(this);
    }
  }
}
