package io.github.dfxclient.session;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxTransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds an application's device pair and, optionally, a user pair, and renews them safely.
 *
 * <ul>
 *   <li><b>Single-flight</b>: any number of threads that need a renew of the same pair cause exactly
 *       one renew call; the others wait for its result, or its failure.
 *   <li><b>Persisted before use</b>: a new pair is saved to the {@link TokenStore} before anyone
 *       sees it. If the store fails, the caller gets a {@link TokenPersistenceException} carrying the
 *       new pair; the session keeps it and saves it again before handing it out.
 *   <li><b>Proactive</b>: a token whose JWT {@code exp} is within {@link Builder#renewSkew} of the
 *       {@link Builder#clock} is renewed before it is used; {@link #call} renews once on a 401.
 *   <li><b>Never twice</b>: a refresh token is sent at most once. After a renew whose outcome is
 *       unknown the session refuses to renew that pair again ({@link RefreshTokenSpentException}).
 * </ul>
 *
 * <pre>{@code
 * TokenSession session = TokenSession.builder()
 *     .auths(bearer -> JdkAuthsAdapter.builder().bearerToken(bearer).build())
 *     .store(myStore)
 *     .build();
 * session.set(TokenKind.DEVICE, pairFromLicenseRegistration);
 * String token = session.accessToken(TokenKind.USER);   // renews first if about to expire
 * }</pre>
 *
 * Thread-safe. The bearer supplier ({@link #bearerToken()}) is the device token; when it is asked
 * from inside a renew (the renew request's own header) it answers without renewing, so a renew
 * never triggers another.
 */
public final class TokenSession {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.session");

  private final AuthsPort auths;
  private final TokenStore store;
  private final Clock clock;
  private final Duration renewSkew;
  private final Consumer<TokenRotation> listener;
  private final Map<TokenKind, Slot> slots = new EnumMap<>(TokenKind.class);
  private final ThreadLocal<Boolean> renewing = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /**
   * The state of one pair. Written under the slot's monitor; {@link #pair}, {@link #expiresAt} and
   * {@link #unsaved} are volatile so that the hot path ({@link #accessToken} of a saved, valid
   * token) reads them without locking.
   */
  private static final class Slot {
    volatile Held held = Held.NONE;
    volatile boolean unsaved;
    CompletableFuture<TokenPair> inFlight;
    final Set<String> sentRefreshTokens = new HashSet<>();

    TokenPair pair() {
      return held.pair();
    }

    void hold(TokenPair next) {
      held = next == null ? Held.NONE
          : new Held(next, JwtExpiry.of(next.token()).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
    }
  }

  /** A pair with its expiry (epoch millis; {@code Long.MAX_VALUE} when it has no {@code exp}), read as one. */
  private record Held(TokenPair pair, long expiresAt) {
    static final Held NONE = new Held(null, Long.MAX_VALUE);
  }

  private TokenSession(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.renewSkew = b.renewSkew;
    this.listener = b.listener;
    for (TokenKind kind : TokenKind.values()) {
      Slot slot = new Slot();
      slot.hold(store.load(kind).orElse(null));
      slots.put(kind, slot);
    }
    this.auths = b.auths != null ? b.auths : b.authsFactory.apply(bearerToken());
    if (auths == null) {
      throw new IllegalArgumentException("auths factory returned null");
    }
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adopts a pair obtained outside the session (license registration, user login): saves it to the
   * store, then holds it.
   *
   * @param kind which pair
   * @param pair the pair
   */
  public void set(TokenKind kind, TokenPair pair) {
    if (kind == null || pair == null) {
      throw new IllegalArgumentException("kind and pair must not be null");
    }
    Slot slot = slots.get(kind);
    synchronized (slot) {
      store.save(kind, pair);
      slot.hold(pair);
      slot.unsaved = false;
    }
  }

  /**
   * @param kind which pair
   * @return the pair held now, saved to the store; empty if none was set or loaded
   * @throws TokenPersistenceException when a renewed pair still cannot be saved
   */
  public Optional<TokenPair> current(TokenKind kind) {
    Slot slot = slots.get(kind);
    synchronized (slot) {
      ensureSaved(kind, slot);
      return Optional.ofNullable(slot.pair());
    }
  }

  /**
   * The access token to use now: renewed first (once, whatever the number of callers) when it
   * expires within the skew.
   *
   * @param kind which pair
   * @return the token
   * @throws IllegalStateException when the session holds no such pair
   */
  public String accessToken(TokenKind kind) {
    Slot slot = slots.get(kind);
    Held held = slot.held;
    if (held.pair() == null || slot.unsaved) {
      current(kind).orElseThrow(() -> new IllegalStateException("no " + kind + " pair is set"));
      held = slot.held;
    }
    if (held.expiresAt() != Long.MAX_VALUE && clock.millis() + renewSkew.toMillis() >= held.expiresAt()
        && !renewing.get()) {
      return renewIfStill(kind, held.pair().token()).token();
    }
    return held.pair().token();
  }

  /**
   * @return the supplier to give an adapter's {@code bearerToken(...)}: the device token (renewed
   *     first when it expires soon, except inside a renew), or {@code null} when none is set
   */
  public Supplier<String> bearerToken() {
    return () -> {
      TokenPair pair = slots.get(TokenKind.DEVICE).pair();
      if (pair == null) {
        return null;
      }
      return renewing.get() ? pair.token() : accessToken(TokenKind.DEVICE);
    };
  }

  /**
   * Renews the pair whose access token is {@code staleToken}, unless that already happened: of all
   * callers passing the same stale token, one renews and the others share its result.
   *
   * @param kind which pair
   * @param staleToken the access token the caller found wanting (e.g. it got a 401 with it)
   * @return the current pair after the renew
   */
  public TokenPair renewIfStill(TokenKind kind, String staleToken) {
    Slot slot = slots.get(kind);
    CompletableFuture<TokenPair> flight;
    TokenPair toRenew = null;
    synchronized (slot) {
      ensureSaved(kind, slot);
      if (slot.pair() == null) {
        throw new IllegalStateException("no " + kind + " pair is set");
      }
      if (!slot.pair().token().equals(staleToken) && slot.inFlight == null) {
        return slot.pair();
      }
      if (slot.inFlight != null) {
        flight = slot.inFlight;
      } else {
        if (slot.sentRefreshTokens.contains(slot.pair().refreshToken())) {
          throw new RefreshTokenSpentException(kind);
        }
        toRenew = slot.pair();
        flight = new CompletableFuture<>();
        slot.inFlight = flight;
        slot.sentRefreshTokens.add(toRenew.refreshToken());
      }
    }
    if (toRenew == null) {
      return await(flight);
    }
    return renewNow(kind, slot, toRenew, flight);
  }

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

  private TokenPair renewNow(TokenKind kind, Slot slot, TokenPair toRenew, CompletableFuture<TokenPair> flight) {
    TokenPair next;
    boolean outer = !renewing.get();
    renewing.set(Boolean.TRUE);
    try {
      next = auths.renew(toRenew);
    } catch (RuntimeException e) {
      boolean notConsumed = e instanceof DfxApiException
          || (e instanceof DfxTransportException t && !t.outcomeUnknown());
      synchronized (slot) {
        if (notConsumed) {
          slot.sentRefreshTokens.remove(toRenew.refreshToken());
        }
        slot.inFlight = null;
      }
      flight.completeExceptionally(e);
      throw e;
    } finally {
      if (outer) {
        renewing.remove();
      }
    }
    RuntimeException saveFailure = null;
    synchronized (slot) {
      slot.hold(next);
      slot.unsaved = true;
      try {
        store.save(kind, next);
        slot.unsaved = false;
      } catch (RuntimeException e) {
        saveFailure = new TokenPersistenceException(kind, next, e);
      }
      slot.inFlight = null;
    }
    if (saveFailure != null) {
      LOG.warn("dfx session: the renewed {} pair could not be saved; held in memory", kind);
      flight.completeExceptionally(saveFailure);
      throw saveFailure;
    }
    LOG.debug("dfx session: {} pair renewed and saved", kind);
    flight.complete(next);
    try {
      listener.accept(new TokenRotation(kind, next, clock.instant()));
    } catch (RuntimeException e) {
      LOG.warn("dfx session: rotation listener failed ({})", e.getClass().getSimpleName());
    }
    return next;
  }

  private void ensureSaved(TokenKind kind, Slot slot) {
    if (slot.unsaved) {
      try {
        store.save(kind, slot.pair());
        slot.unsaved = false;
      } catch (RuntimeException e) {
        throw new TokenPersistenceException(kind, slot.pair(), e);
      }
    }
  }

  private static TokenPair await(CompletableFuture<TokenPair> flight) {
    try {
      return flight.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "TokenSession[store=" + store.getClass().getSimpleName() + ", renewSkew=" + renewSkew + "]";
  }

  /** Builds a {@link TokenSession}. */
  public static final class Builder {
    private AuthsPort auths;
    private Function<Supplier<String>, AuthsPort> authsFactory;
    private TokenStore store = new InMemoryTokenStore();
    private Clock clock = Clock.systemUTC();
    private Duration renewSkew = Duration.ofSeconds(60);
    private Consumer<TokenRotation> listener = r -> { };

    private Builder() {}

    /** @param auths the port that renews; its bearer token is not the session's */
    public Builder auths(AuthsPort auths) {
      if (auths == null) {
        throw new IllegalArgumentException("auths must not be null");
      }
      this.auths = auths;
      this.authsFactory = null;
      return this;
    }

    /**
     * @param factory builds the port from the session's {@link #bearerToken()} supplier, e.g.
     *     {@code bearer -> JdkAuthsAdapter.builder().bearerToken(bearer).build()}
     */
    public Builder auths(Function<Supplier<String>, AuthsPort> factory) {
      if (factory == null) {
        throw new IllegalArgumentException("auths factory must not be null");
      }
      this.authsFactory = factory;
      this.auths = null;
      return this;
    }

    /** @param store where pairs are kept; default {@link InMemoryTokenStore} */
    public Builder store(TokenStore store) {
      if (store == null) {
        throw new IllegalArgumentException("store must not be null");
      }
      this.store = store;
      return this;
    }

    /** @param clock the clock {@code exp} claims are compared with; default UTC system clock */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /** @param renewSkew renew when the token expires within this; default 60 s */
    public Builder renewSkew(Duration renewSkew) {
      if (renewSkew == null || renewSkew.isNegative()) {
        throw new IllegalArgumentException("renewSkew must not be null or negative");
      }
      this.renewSkew = renewSkew;
      return this;
    }

    /** @param listener told of every rotation, after the new pair was saved */
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
