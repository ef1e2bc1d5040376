package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.RefreshTokenSpentException;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenPersistenceException;
import io.github.dfxclient.session.TokenRotation;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link TokenSession} rules, checked through a real {@link AuthsPort} against the fake's state
 * (requests counted where they arrive). Runs against {@link FakeAuths} and each HTTP adapter.
 * Implement {@link #backend()} (built on {@link #clock}) and {@link #port}.
 */
public abstract class TokenSessionContract {
  /** Start of the tests' time. */
  protected static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
  /** Tokens are issued for one hour. */
  protected static final Duration LIFETIME = Duration.ofHours(1);

  /** The clock shared by the backend and the session. */
  protected final MutableClock clock = new MutableClock(T0);

  /** @return the fake's state, on {@link #clock}, issuing tokens for {@link #LIFETIME}; fresh per test */
  protected abstract FakeAuthsBackend backend();

  /**
   * @param bearerToken the bearer supplier
   * @return the port under test, reaching {@link #backend()}, with a fast retry policy
   */
  protected abstract AuthsPort port(Supplier<String> bearerToken);

  /**
   * @param credentials the credentials source (a session's)
   * @return the port under test, reaching {@link #backend()}, with a fast retry policy
   */
  protected abstract AuthsPort port(DfxCredentials credentials);

  /**
   * @param credentials the credentials source (a session's)
   * @return the non-blocking port under test, reaching {@link #backend()}, with a fast retry policy
   */
  protected abstract AsyncAuthsPort asyncPort(DfxCredentials credentials);

  private TokenPair device;
  private TokenPair user;

  /** Issues a device and a user pair at {@link #T0}. */
  @BeforeEach
  public void issuePairs() {
    device = backend().issuePair("device");
    user = backend().issuePair("user-7");
  }

  private TokenSession.Builder session() {
    return TokenSession.builder().auths(this::port).clock(clock).renewSkew(Duration.ofSeconds(60));
  }

  private int renews() {
    return backend().requestsReceived(DfxEndpoint.RENEW);
  }

  /**
   * 1,000 threads, one expiring token: one renew reaches the server, all get the same pair.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  public void thousandThreadsCauseOneRenew() throws Exception {
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    session.set(TokenKind.USER, user);
    clock.advance(LIFETIME.minusSeconds(30));
    backend().latency(DfxEndpoint.RENEW, Duration.ofMillis(300));
    int n = 1000;
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Object> results = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
          results.add(session.accessToken(TokenKind.USER));
        } catch (Throwable e) {
          results.add(e);
        }
      });
      t.start();
      threads.add(t);
    }
    ready.await();
    go.countDown();
    for (Thread t : threads) {
      t.join(30_000);
    }

    Set<Object> distinct = new HashSet<>(results);
    assertThat(results).hasSize(n);
    assertThat(distinct).hasSize(1);
    TokenPair now = session.current(TokenKind.USER).orElseThrow();
    assertThat(distinct).containsExactly(now.token());
    assertThat(renews()).isEqualTo(1);
    assertThat(backend().renewAttemptsWith(user.refreshToken())).isEqualTo(1);
    assertThat(backend().isCurrent(now)).isTrue();
  }

  /** A store that fails: the exception carries the new pair; the old refresh token is not sent again. */
  @Test
  public void failingStoreNeverLosesTheRotatedPair() {
    BreakableStore flaky = new BreakableStore(new IllegalStateException("disk full"));
    AtomicBoolean broken = flaky.broken;
    InMemoryTokenStore memory = flaky.memory;
    TokenSession session = session().store(flaky).build();
    session.set(TokenKind.DEVICE, device);
    session.set(TokenKind.USER, user);
    broken.set(true);

    TokenPersistenceException e = catchThrowableOfType(TokenPersistenceException.class,
        () -> session.renewIfStill(TokenKind.USER, user.token()));

    assertThat(e.pair()).isNotNull().isNotEqualTo(user);
    assertThat(backend().isCurrent(e.pair())).isTrue();
    assertThat(e.getMessage()).doesNotContain(e.pair().token()).doesNotContain(e.pair().refreshToken());
    // still broken: the pair is not handed out unsaved, and no second renew happens
    assertThat(catchThrowableOfType(TokenPersistenceException.class, () -> session.accessToken(TokenKind.USER)).pair())
        .isEqualTo(e.pair());
    broken.set(false);
    assertThat(session.accessToken(TokenKind.USER)).isEqualTo(e.pair().token());
    assertThat(memory.load(TokenKind.USER)).contains(e.pair());
    assertThat(renews()).isEqualTo(1);
    assertThat(backend().renewAttemptsWith(user.refreshToken())).isEqualTo(1);
  }

  /** Before the skew no renew; inside it, one renew; then none until the new token nears expiry. */
  @Test
  public void renewsProactivelyInsideTheSkewOnly() {
    List<TokenRotation> rotations = new CopyOnWriteArrayList<>();
    TokenSession session = session().onRotation(rotations::add).build();
    session.set(TokenKind.DEVICE, device);
    session.set(TokenKind.USER, user);

    clock.advance(LIFETIME.minusSeconds(61));
    assertThat(session.accessToken(TokenKind.USER)).isEqualTo(user.token());
    assertThat(renews()).isZero();

    clock.advance(Duration.ofSeconds(2));
    String renewed = session.accessToken(TokenKind.USER);
    assertThat(renewed).isNotEqualTo(user.token());
    assertThat(session.accessToken(TokenKind.USER)).isEqualTo(renewed);
    assertThat(renews()).isEqualTo(1);
    assertThat(rotations).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(TokenKind.USER);
      assertThat(r.pair().token()).isEqualTo(renewed);
      assertThat(r.toString()).doesNotContain(renewed);
    });
  }

  /** 401, renew, retry once: success. A second 401 surfaces. */
  @Test
  public void renewsOnceOn401ThenGivesUp() {
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    AuthsPort auths = port(session.bearerToken());
    LoginCodeRequest request = new LoginCodeRequest("+15555550123", "acme-health");
    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.error(401, "INVALID_TOKEN", "expired"));

    assertThat(session.call(TokenKind.DEVICE, token -> auths.requestLoginCode(request)).success()).isTrue();
    assertThat(renews()).isEqualTo(1);
    assertThat(backend().requestsReceived(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(2);

    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.error(401, "INVALID_TOKEN", "expired"), 2);
    DfxApiException e = catchThrowableOfType(DfxApiException.class,
        () -> session.call(TokenKind.DEVICE, token -> auths.requestLoginCode(request)));

    assertThat(e.status()).isEqualTo(401);
    assertThat(renews()).isEqualTo(2);
    assertThat(backend().requestsReceived(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(4);
  }

  /** The renew of the device pair uses the device token in its own header without recursing. */
  @Test
  public void deviceRenewDoesNotRecurseThroughTheBearerSupplier() {
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    clock.advance(LIFETIME);

    String token = session.bearerToken().get();

    assertThat(token).isNotEqualTo(device.token());
    assertThat(renews()).isEqualTo(1);
    assertThat(backend().currentPair("device").orElseThrow().token()).isEqualTo(token);
  }

  /**
   * The server rotated the pair, then its answer was lost: the renew is sent once more (the only way
   * not to lock out when the server saw nothing), the server refuses it, the store has nothing
   * newer: {@link RefreshTokenSpentException}, and that refresh token is never sent again.
   */
  @Test
  public void lostRenewAnswerIsResentOnceThenTheSessionStops() {
    assertRotatedThenLostEndsThePair(ScriptedFailure.answerLost());
  }

  /** The same when the server rotated the pair and then answered 500 or 503. */
  @Test
  public void rotatedThenServerErrorIsResentOnceThenTheSessionStops() {
    assertRotatedThenLostEndsThePair(ScriptedFailure.errorAfterActing(500));
    issuePairs();
    assertRotatedThenLostEndsThePair(ScriptedFailure.errorAfterActing(503));
  }

  private void assertRotatedThenLostEndsThePair(ScriptedFailure failure) {
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    session.set(TokenKind.USER, user);
    backend().failNext(DfxEndpoint.RENEW, failure);

    RefreshTokenSpentException spent = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> session.renewIfStill(TokenKind.USER, user.token()));
    RefreshTokenSpentException again = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> session.renewIfStill(TokenKind.USER, user.token()));
    clock.advance(LIFETIME);
    RefreshTokenSpentException expired = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> session.accessToken(TokenKind.USER));
    clock.set(T0);

    assertThat(spent).isNotNull();
    assertThat(spent.kind()).isEqualTo(TokenKind.USER);
    assertThat(spent.getCause()).isInstanceOf(DfxApiException.class);
    assertThat(again).isNotNull();
    assertThat(expired).isNotNull();
    assertThat(backend().renewAttemptsWith(user.refreshToken())).isEqualTo(2);

    TokenPair login = backend().issuePair("user-7");
    session.set(TokenKind.USER, login);
    assertThat(session.renewIfStill(TokenKind.USER, login.token())).isNotEqualTo(login);
  }

  /** Failures the server did not act on (resets before acting, 500s) never end the pair. */
  @Test
  public void failuresTheServerDidNotActOnLeaveThePairUsable() {
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    session.set(TokenKind.USER, user);
    backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.connectionReset(), 3);

    DfxTransportException reset = catchThrowableOfType(DfxTransportException.class,
        () -> session.renewIfStill(TokenKind.USER, user.token()));
    backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.error(500, "INTERNAL", "try later"), 3);
    DfxApiException internal = catchThrowableOfType(DfxApiException.class,
        () -> session.renewIfStill(TokenKind.USER, user.token()));
    TokenPair next = session.renewIfStill(TokenKind.USER, user.token());

    assertThat(reset.outcomeUnknown()).isTrue();
    assertThat(internal.status()).isEqualTo(500);
    assertThat(backend().isCurrent(next)).isTrue();
    assertThat(renews()).isEqualTo(7);
  }

  /** A caller interrupted before the renew was sent: nothing reaches the server, the pair stays usable. */
  @Test
  public void anInterruptedCallerSendsNothing() {
    TokenSession session = session().build();
    session.set(TokenKind.USER, user);

    Thread.currentThread().interrupt();
    DfxTransportException e;
    try {
      e = catchThrowableOfType(DfxTransportException.class, () -> session.renewIfStill(TokenKind.USER, user.token()));
    } finally {
      Thread.interrupted();
    }

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(renews()).isZero();
    assertThat(backend().isCurrent(session.renewIfStill(TokenKind.USER, user.token()))).isTrue();
    assertThat(renews()).isEqualTo(1);
  }

  /** After a definite refusal the store is re-read: a pair another process saved there is adopted. */
  @Test
  public void aRefusedPairIsReplacedByANewerOneFromTheStore() {
    InMemoryTokenStore shared = new InMemoryTokenStore();
    TokenSession first = session().store(shared).build();
    first.set(TokenKind.DEVICE, device);
    first.set(TokenKind.USER, user);
    TokenSession second = session().store(shared).build();
    TokenPair rotatedElsewhere = second.renewIfStill(TokenKind.USER, user.token());

    TokenPair adopted = first.renewIfStill(TokenKind.USER, user.token());

    assertThat(adopted).isEqualTo(rotatedElsewhere);
    assertThat(first.accessToken(TokenKind.USER)).isEqualTo(rotatedElsewhere.token());
    assertThat(backend().renewAttemptsWith(user.refreshToken())).isEqualTo(2);
    assertThat(backend().isCurrent(rotatedElsewhere)).isTrue();
  }

  /**
   * A store that throws an Error or an undeclared checked exception: every waiter returns at once.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  public void aStoreThrowingAnythingReleasesEveryWaiter() throws Exception {
    for (Throwable failure : List.of(new Error("store exploded"), new java.io.IOException("sneaky checked"))) {
      issuePairs();
      BreakableStore throwing = new BreakableStore(failure);
      AtomicBoolean broken = throwing.broken;
      InMemoryTokenStore memory = throwing.memory;
      TokenSession session = session().store(throwing).build();
      session.set(TokenKind.DEVICE, device);
      session.set(TokenKind.USER, user);
      broken.set(true);
      clock.advance(LIFETIME);
      backend().latency(DfxEndpoint.RENEW, Duration.ofMillis(200));
      int n = 20;
      CountDownLatch done = new CountDownLatch(n);
      List<Throwable> outcomes = new CopyOnWriteArrayList<>();
      for (int i = 0; i < n; i++) {
        Thread t = new Thread(() -> {
          try {
            session.accessToken(TokenKind.USER);
          } catch (Throwable e) {
            outcomes.add(e);
          } finally {
            done.countDown();
          }
        });
        t.setDaemon(true);
        t.start();
      }

      assertThat(done.await(1_200, TimeUnit.MILLISECONDS))
          .as("every waiter returns within the renew's latency plus 1 s").isTrue();
      assertThat(outcomes).hasSize(n).allSatisfy(e -> assertThat(e).isInstanceOf(TokenPersistenceException.class));
      TokenPair kept = ((TokenPersistenceException) outcomes.get(0)).pair();
      assertThat(outcomes).allSatisfy(e -> assertThat(((TokenPersistenceException) e).pair()).isEqualTo(kept));
      backend().latency(DfxEndpoint.RENEW, Duration.ZERO);
      broken.set(false);
      assertThat(session.accessToken(TokenKind.USER)).isEqualTo(kept.token());
      assertThat(memory.load(TokenKind.USER)).contains(kept);
      assertThat(backend().renewAttemptsWith(user.refreshToken())).isEqualTo(1);
      clock.set(T0);
    }
  }

  /** A store in memory whose saves throw {@code failure} (unchecked or not) while {@code broken}. */
  private static final class BreakableStore implements TokenStore {
    final AtomicBoolean broken = new AtomicBoolean(false);
    final InMemoryTokenStore memory = new InMemoryTokenStore();
    private final Throwable failure;

    BreakableStore(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Optional<TokenPair> load(TokenKind kind) {
      return memory.load(kind);
    }

    @Override
    public void save(TokenKind kind, TokenPair pair) {
      if (broken.get()) {
        throw TokenSessionContract.<RuntimeException>sneaky(failure);
      }
      memory.save(kind, pair);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /** Credentials per call: an adapter with the session's credentials renews after a 401 and resends once. */
  @Test
  public void sessionCredentialsRenewAfter401AndResendOnce() {
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    AuthsPort auths = port(session.credentials());
    LoginCodeRequest request = new LoginCodeRequest("+15555550123", "acme-health");
    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.error(401, "INVALID_TOKEN", "expired"));

    assertThat(auths.requestLoginCode(request).success()).isTrue();
    assertThat(renews()).isEqualTo(1);
    assertThat(backend().requestsReceived(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(2);
    assertThat(backend().currentPair("device").orElseThrow()).isEqualTo(session.current(TokenKind.DEVICE).orElseThrow());
  }

  /** Operations that need a user's token get that user's; the device token goes to the others. */
  @Test
  public void sessionCredentialsGiveEachOperationItsToken() {
    backend().addOrganization("acme", new OrgClientCredentials("Acme", null, null, false, null, List.of()));
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    session.set(TokenKind.USER, user);
    session.set(TokenKey.user("alice"), backend().issuePair("alice"));
    AuthsPort auths = port(session.credentials());
    AuthsPort asAlice = port(session.credentials("alice"));
    AuthsPort asNobody = port(session.credentials("nobody"));

    assertThat(auths.orgClientCredentials("acme").orgName()).isEqualTo("Acme");
    assertThat(asAlice.orgClientCredentials("acme").orgName()).isEqualTo("Acme");
    // no pair for the principal: fails before any I/O
    assertThat(catchThrowableOfType(IllegalStateException.class, () -> asNobody.orgClientCredentials("acme"))
        .getMessage()).containsIgnoringCase("user");
    assertThat(backend().requestsReceived(DfxEndpoint.ORG_CLIENT_CREDENTIALS)).isEqualTo(2);
    assertThat(auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")).success()).isTrue();
    assertThat(renews()).isZero();
  }

  /**
   * Blocking and asynchronous callers on an expiring token share one renew.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  public void blockingAndAsynchronousCallersShareOneRenew() throws Exception {
    TokenSession session = session().asyncAuths(asyncPort(kind -> null)).build();
    session.set(TokenKind.DEVICE, device);
    clock.advance(LIFETIME.minusSeconds(30));
    backend().latency(DfxEndpoint.RENEW, Duration.ofMillis(300));
    AsyncAuthsPort async = asyncPort(session.credentials());
    AuthsPort blocking = port(session.credentials());
    LoginCodeRequest request = new LoginCodeRequest("+15555550123", "acme-health");
    List<CompletableFuture<?>> calls = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(async.requestLoginCode(request));
      Thread t = new Thread(() -> blocking.requestLoginCode(request));
      t.start();
      threads.add(t);
    }
    for (CompletableFuture<?> c : calls) {
      c.get(10, TimeUnit.SECONDS);
    }
    for (Thread t : threads) {
      t.join(10_000);
    }

    assertThat(renews()).isEqualTo(1);
    assertThat(backend().outbox()).hasSize(40);
  }
}
