package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.RefreshTokenSpentException;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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

  /** 1,000 threads, one expiring token: one renew reaches the server, all get the same pair. */
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
    AtomicBoolean broken = new AtomicBoolean(false);
    InMemoryTokenStore memory = new InMemoryTokenStore();
    TokenStore flaky = new TokenStore() {
      @Override
      public Optional<TokenPair> load(TokenKind kind) {
        return memory.load(kind);
      }

      @Override
      public void save(TokenKind kind, TokenPair pair) {
        if (broken.get()) {
          throw new IllegalStateException("disk full");
        }
        memory.save(kind, pair);
      }
    };
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

  /** After a renew whose outcome is unknown, the refresh token is never sent again. */
  @Test
  public void neverResendsARefreshTokenWhoseRenewWasLost() {
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    session.set(TokenKind.USER, user);
    backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.answerLost());

    DfxTransportException lost = catchThrowableOfType(DfxTransportException.class,
        () -> session.renewIfStill(TokenKind.USER, user.token()));
    RefreshTokenSpentException spent = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> session.renewIfStill(TokenKind.USER, user.token()));

    assertThat(lost.outcomeUnknown()).isTrue();
    assertThat(spent.kind()).isEqualTo(TokenKind.USER);
    assertThat(backend().renewAttemptsWith(user.refreshToken())).isEqualTo(1);
  }

  /** A refused renew (the server answered) does not spend the pair: it may be tried again. */
  @Test
  public void serverRefusalDoesNotSpendThePair() {
    TokenSession session = session().build();
    session.set(TokenKind.DEVICE, device);
    session.set(TokenKind.USER, user);
    backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.error(500, "INTERNAL", "try later"));

    assertThat(catchThrowableOfType(DfxApiException.class, () -> session.renewIfStill(TokenKind.USER, user.token())))
        .isNotNull();
    TokenPair next = session.renewIfStill(TokenKind.USER, user.token());

    assertThat(backend().isCurrent(next)).isTrue();
    assertThat(renews()).isEqualTo(2);
  }
}
