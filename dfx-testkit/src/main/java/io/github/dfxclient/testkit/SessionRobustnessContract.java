package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token session where real services break: tokens whose claims cannot be read, short-lived
 * tokens, a local clock far from the server's, many callers waiting for one renew through either
 * wiring, and an asynchronous renew that must not hold the retry timer. Checked through a real port
 * against the fake's state, requests counted where they arrive. Runs against {@link FakeAuths} and
 * each HTTP adapter; implement {@link #backend()} (on {@link #clock}, 1 h tokens) and the ports.
 */
public abstract class SessionRobustnessContract {
  /** Start of the tests' time. */
  protected static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  /** Tokens are issued for one hour unless a test says otherwise. */
  protected static final Duration LIFETIME = Duration.ofHours(1);
  private static final LoginCodeRequest LOGIN_CODE = new LoginCodeRequest("+15555550123", "acme-health");

  /** The clock of the backend (and of the sessions, unless a test skews theirs). */
  protected final MutableClock clock = new MutableClock(T0);

  /** @return the fake's state, on {@link #clock}, issuing tokens for {@link #LIFETIME}; fresh per test */
  protected abstract FakeAuthsBackend backend();

  /**
   * @param bearerToken the bearer supplier (the deprecated wiring)
   * @return the blocking port under test, reaching {@link #backend()}, with a fast retry policy
   */
  protected abstract AuthsPort port(Supplier<String> bearerToken);

  /**
   * @param credentials the credentials source
   * @return the blocking port under test, reaching {@link #backend()}, with a fast retry policy
   */
  protected abstract AuthsPort port(DfxCredentials credentials);

  /**
   * @param credentials the credentials source
   * @return the non-blocking port under test, reaching {@link #backend()}, with a fast retry policy
   *     that honours {@code Retry-After}
   */
  protected abstract AsyncAuthsPort asyncPort(DfxCredentials credentials);

  private TokenSession.Builder session(Clock sessionClock, TokenStore store) {
    return TokenSession.builder().auths(this::port).clock(sessionClock).store(store);
  }

  private int renews() {
    return backend().requestsReceived(DfxEndpoint.RENEW);
  }

  private int loginCodes() {
    return backend().requestsReceived(DfxEndpoint.REQUEST_LOGIN_CODE);
  }

  /**
   * A renew answers with a token whose claims cannot be read (an {@code exp} out of every date
   * range, a string, negative, missing; a payload that is not base64url or not JSON): 20 concurrent
   * callers all get the server's token, one renew; a new session over the same store loads it; a
   * 401 on it renews once and the call succeeds.
   *
   * @param payload the JWT payload the server's renewed token carries: {@code json:...} is encoded
   *     as base64url, anything else is used verbatim
   * @throws Exception when the test fails to run
   */
  @ParameterizedTest
  @ValueSource(strings = {"json:{\"sub\":\"device\",\"exp\":100000000000000000}",
      "json:{\"sub\":\"device\",\"exp\":10000000000000000}", "json:{\"sub\":\"device\",\"exp\":1e17}",
      "json:{\"sub\":\"device\",\"exp\":\"tomorrow\"}", "json:{\"sub\":\"device\",\"exp\":-5}",
      "json:{\"sub\":\"device\"}", "json:[\"not\",\"an\",\"object\"]", "json:not json at all",
      "!!!not*base64url!!!"})
  public void tokensWhoseClaimsCannotBeReadNeverWedgeTheSession(String payload) throws Exception {
    TokenPair device = backend().issuePair("device");
    InMemoryTokenStore store = new InMemoryTokenStore();
    TokenSession session = session(clock, store).build();
    session.set(TokenKind.DEVICE, device);
    clock.advance(LIFETIME.minusSeconds(30));
    backend().tokenPayload(payload.startsWith("json:") ? FakeAuthsBackend.base64Url(payload.substring(5)) : payload);
    backend().latency(DfxEndpoint.RENEW, Duration.ofMillis(300));

    int n = 20;
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(n);
    List<Object> outcomes = new CopyOnWriteArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        try {
          go.await();
          outcomes.add(session.accessToken(TokenKind.DEVICE));
        } catch (Throwable e) {
          outcomes.add(e);
        } finally {
          done.countDown();
        }
      });
      t.setDaemon(true);
      t.start();
    }
    go.countDown();

    assertThat(done.await(10, TimeUnit.SECONDS)).as("every caller returns (none waits forever)").isTrue();
    TokenPair server = backend().currentPair("device").orElseThrow();
    assertThat(outcomes).hasSize(n).allSatisfy(o -> assertThat(o).isEqualTo(server.token()));
    assertThat(renews()).isEqualTo(1);
    backend().latency(DfxEndpoint.RENEW, Duration.ZERO);

    TokenSession restarted = session(clock, store).build();
    assertThat(restarted.accessToken(TokenKind.DEVICE)).isEqualTo(server.token());
    assertThat(renews()).as("loading the odd token renews nothing").isEqualTo(1);

    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.error(401, "INVALID_TOKEN", "expired"));
    assertThat(port(restarted.credentials()).requestLoginCode(LOGIN_CODE).success()).isTrue();
    assertThat(renews()).as("the 401 renews once").isEqualTo(2);
    assertThat(loginCodes()).isEqualTo(2);
  }

  /** Tokens living 30 s with the default 60 s skew: no renew on every call; one after 20 s. */
  @Test
  public void shortLivedTokensAreNotRenewedOnEveryCall() {
    backend().tokenLifetime(Duration.ofSeconds(30));
    TokenPair device = backend().issuePair("device");
    TokenSession session = session(clock, new InMemoryTokenStore()).build();
    session.set(TokenKind.DEVICE, device);
    AuthsPort auths = port(session.credentials());

    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMillis(100));
      assertThat(auths.requestLoginCode(LOGIN_CODE).success()).isTrue();
    }
    assertThat(renews()).as("10 calls over 1 s").isLessThanOrEqualTo(1).isZero();

    clock.set(T0.plusSeconds(21));
    assertThat(auths.requestLoginCode(LOGIN_CODE).success()).isTrue();
    assertThat(renews()).as("renewed once two thirds into its life").isEqualTo(1);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMillis(100));
      assertThat(auths.requestLoginCode(LOGIN_CODE).success()).isTrue();
    }
    assertThat(renews()).as("the pair just received is not renewed").isEqualTo(1);
    assertThat(loginCodes()).isEqualTo(21);
  }

  /**
   * A local clock 2 h ahead of the server's, 1 h tokens: the pair set looks expired and is renewed
   * once; the pair that brings is fresh, whatever the offset: no renew storm. 2 h behind: none.
   *
   * @param direction whether the local clock is ahead or behind
   */
  @ParameterizedTest
  @EnumSource(Offset.class)
  public void aLocalClockFarFromTheServersCausesNoRenewStorm(Offset direction) {
    Clock skewed = Clock.offset(clock, direction == Offset.AHEAD ? Duration.ofHours(2) : Duration.ofHours(-2));
    TokenSession session = session(skewed, new InMemoryTokenStore()).build();
    session.set(TokenKind.DEVICE, backend().issuePair("device"));
    AuthsPort auths = port(session.credentials());

    assertThat(auths.requestLoginCode(LOGIN_CODE).success()).isTrue();
    int first = renews();
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(auths.requestLoginCode(LOGIN_CODE).success()).isTrue();
    }

    assertThat(first).isEqualTo(direction == Offset.AHEAD ? 1 : 0);
    assertThat(renews()).as("after the first renew, 10 calls renew nothing").isEqualTo(first);
    assertThat(loginCodes()).isEqualTo(11);
  }

  /** Where the local clock stands against the server's. */
  public enum Offset {
    /** 2 h ahead. */
    AHEAD,
    /** 2 h behind. */
    BEHIND
  }

  /** A token really expiring in 5 s with a 60 s skew is renewed before it is used. */
  @Test
  public void aTokenExpiringWithinTheSkewIsRenewedBeforeUse() {
    TokenSession session = session(clock, new InMemoryTokenStore()).renewSkew(Duration.ofSeconds(60)).build();
    session.set(TokenKind.DEVICE, backend().issuePair("device"));
    clock.advance(LIFETIME.minusSeconds(5));

    assertThat(port(session.credentials()).requestLoginCode(LOGIN_CODE).success()).isTrue();

    assertThat(renews()).isEqualTo(1);
    assertThat(loginCodes()).as("sent once, with the new token").isEqualTo(1);
    assertThat(session.current(TokenKind.DEVICE)).isEqualTo(backend().currentPair("device"));
  }

  /**
   * 1,000 threads on an expiring device token, renew answered in 300 ms, through the deprecated
   * {@code bearerToken(session.bearerToken())} wiring and through {@code credentials(...)}: one
   * renew, exactly 1,000 login-code requests at the server, each with the new token (the fake
   * refuses the old one), no failure.
   *
   * @param wiring how the port gets its token
   * @throws Exception when the test fails to run
   */
  @ParameterizedTest
  @EnumSource(Wiring.class)
  @SuppressWarnings("deprecation")
  public void callersWaitForTheRenewInFlightInsteadOfSendingTheOldToken(Wiring wiring) throws Exception {
    TokenSession session = session(clock, new InMemoryTokenStore()).build();
    session.set(TokenKind.DEVICE, backend().issuePair("device"));
    clock.advance(LIFETIME.minusSeconds(30));
    backend().latency(DfxEndpoint.RENEW, Duration.ofMillis(300));
    AuthsPort auths = wiring == Wiring.BEARER_TOKEN ? port(session.bearerToken()) : port(session.credentials());

    int n = 1000;
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
          auths.requestLoginCode(LOGIN_CODE);
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    ready.await();
    go.countDown();
    for (Thread t : threads) {
      t.join(120_000);
    }

    assertThat(failures).isEmpty();
    assertThat(renews()).isEqualTo(1);
    assertThat(loginCodes()).isEqualTo(n);
    assertThat(backend().outbox()).hasSize(n);
  }

  /** How a port gets its token from the session. */
  public enum Wiring {
    /** {@code bearerToken(session.bearerToken())}, deprecated. */
    BEARER_TOKEN,
    /** {@code credentials(session.credentials())}. */
    CREDENTIALS
  }

  /**
   * An asynchronous call whose retry finds its token due renews it off the retry timer: while that
   * renew (held back 5 s by the server) runs, another client's 429 {@code Retry-After: 0} is sent
   * again at once, and that client finishes before the renew does.
   *
   * @throws Exception when the test fails to run
   */
  @Test
  public void aRenewForAnAsynchronousRetryNeverHoldsTheRetryTimer() throws Exception {
    TokenSession session = session(clock, new InMemoryTokenStore()).build();
    session.set(TokenKind.DEVICE, backend().issuePair("device"));
    TokenPair other = backend().issuePair("device-other");
    // the clock moves when A's retry asks for its token (its second ask), so that the retry, and
    // only the retry, finds the token due: no race between this thread and the retry's backoff
    AsyncAuthsPort a = asyncPort(new AdvancingOnAsk(session.credentials(), 2, () -> clock.advance(LIFETIME.minusSeconds(30))));
    AsyncAuthsPort b = asyncPort(DfxCredentials.of(other::token));

    // A's first attempt is answered 429 Retry-After 1 s; its retry, on the timer, finds the token due
    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.rateLimited(Duration.ofSeconds(1)));
    backend().latency(DfxEndpoint.RENEW, Duration.ofSeconds(5));
    CompletableFuture<?> first = a.requestLoginCode(LOGIN_CODE);
    waitUntil(() -> renews() == 1);
    assertThat(loginCodes()).as("A's first attempt only: its retry waits for the renew").isEqualTo(1);

    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.rateLimited(Duration.ZERO));
    long start = System.nanoTime();
    b.requestLoginCode(LOGIN_CODE).get(30, TimeUnit.SECONDS);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(first).as("A still waits for its renew").isNotDone();
    assertThat(loginCodes()).as("B's two attempts arrived").isEqualTo(3);
    assertThat(tookMillis).as("B's retry was not queued behind A's renew").isLessThan(2_500);
    first.get(30, TimeUnit.SECONDS);
    assertThat(renews()).isEqualTo(1);
    assertThat(loginCodes()).isEqualTo(4);
  }

  /** Credentials that run an action just before their {@code n}th ask for a token, then delegate. */
  private static final class AdvancingOnAsk implements DfxCredentials {
    private final DfxCredentials delegate;
    private final int n;
    private final Runnable action;
    private final java.util.concurrent.atomic.AtomicInteger asks = new java.util.concurrent.atomic.AtomicInteger();

    AdvancingOnAsk(DfxCredentials delegate, int n, Runnable action) {
      this.delegate = delegate;
      this.n = n;
      this.action = action;
    }

    private void ask() {
      if (asks.incrementAndGet() == n) {
        action.run();
      }
    }

    @Override
    public String token(Credential kind) {
      ask();
      return delegate.token(kind);
    }

    @Override
    public String token(Credential kind, long deadlineNanos) {
      ask();
      return delegate.token(kind, deadlineNanos);
    }

    @Override
    public String currentToken(Credential kind) {
      ask();
      return delegate.currentToken(kind);
    }

    @Override
    public CompletableFuture<String> tokenAsync(Credential kind) {
      ask();
      return delegate.tokenAsync(kind);
    }

    @Override
    public CompletableFuture<String> tokenAsync(Credential kind, long deadlineNanos) {
      ask();
      return delegate.tokenAsync(kind, deadlineNanos);
    }

    @Override
    public boolean renewAfterUnauthorized(Credential kind, String rejected) {
      return delegate.renewAfterUnauthorized(kind, rejected);
    }

    @Override
    public CompletableFuture<Boolean> renewAfterUnauthorizedAsync(Credential kind, String rejected) {
      return delegate.renewAfterUnauthorizedAsync(kind, rejected);
    }
  }

  private static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.get()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("condition not reached within 30 s");
      }
      Thread.sleep(5);
    }
  }

  /** @return distinct values of a list (for readable assertions) */
  static Set<Object> distinct(List<Object> values) {
    return new HashSet<>(values);
  }
}
