package io.github.dfxclient.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.session.RefreshTokenSpentException;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStoreUnavailableException;
import io.github.dfxclient.testkit.FakeDfxServer;
import io.github.dfxclient.testkit.ScriptedFailure;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet on a real PostgreSQL server (started and stopped here) and the fake DFX server: separate
 * JVM processes sharing one device pair renew it once; a process with an old token adopts the
 * fleet's new pair; the lease holder killed with {@code kill -9} mid-renew is taken over after the
 * lease expiry without a split; a database that goes down stops renews (nothing sent, nothing lost)
 * until it is back.
 */
class FleetTest {
  private static Postgres pg;
  private FakeDfxServer dfx;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = Postgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void startDfx() throws Exception {
    dfx = new FakeDfxServer().start();
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS dfx_token_pairs");
    }
  }

  @AfterEach
  void stopDfx() {
    dfx.close();
  }

  private JdbcTokenStore store(String owner, Duration lease) {
    return JdbcTokenStore.builder().dataSource(pg.dataSource()).owner(owner).leaseDuration(lease).build();
  }

  private TokenSession session(JdbcTokenStore store) {
    return TokenSession.builder()
        .auths(JdkAuthsAdapter.builder().baseUri(dfx.baseUri())
            .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build()).build())
        .store(store).build();
  }

  private List<Process> workers(int processes, int threads, Duration lease) throws IOException {
    return FleetProcesses.start(processes, pg.url(), "pg", dfx.baseUri(), threads, lease);
  }

  @Test
  void fourProcessesOfSixtyFourThreadsRenewTheSharedPairOnce() throws Exception {
    TokenPair device = FleetProcesses.dueDevicePair(dfx.backend());
    store("setup", Duration.ofSeconds(10)).save(TokenKind.DEVICE, device);
    List<String> outputs = FleetProcesses.outputs(workers(4, 64, Duration.ofSeconds(10)));

    TokenPair saved = store("check", Duration.ofSeconds(10)).load(TokenKind.DEVICE).orElseThrow();
    String expected = "TOKENS 1 " + Integer.toHexString(saved.token().hashCode());
    assertThat(outputs).hasSize(4).allSatisfy(o -> assertThat(o).contains(expected).doesNotContain("FAILURE"));
    assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
    assertThat(dfx.backend().isCurrent(saved)).isTrue();
    assertThat(saved).isNotEqualTo(device);
  }

  @Test
  void aProcessWithAnOldTokenAdoptsTheFleetsNewPairWithoutRenewing() {
    TokenPair device = dfx.backend().issuePair("device");
    JdbcTokenStore a = store("a", Duration.ofSeconds(10));
    JdbcTokenStore b = store("b", Duration.ofSeconds(10));
    TokenSession first = session(a);
    first.set(TokenKind.DEVICE, device);
    TokenSession second = TokenSession.builder()
        .auths(JdkAuthsAdapter.builder().baseUri(dfx.baseUri()).build()).store(b).build();
    assertThat(second.current(TokenKind.DEVICE)).contains(device);
    TokenPair renewedByFirst = first.renewIfStill(TokenKind.DEVICE, device.token());
    AuthsPort viaSecond = JdkAuthsAdapter.builder().baseUri(dfx.baseUri()).credentials(second.credentials()).build();

    // the second process still holds the old token: 401, it re-reads the store, adopts, sends again
    assertThat(viaSecond.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")).success()).isTrue();

    assertThat(second.current(TokenKind.DEVICE)).contains(renewedByFirst);
    assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
    assertThat(dfx.backend().requestsReceived(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(2);
  }

  @Test
  void aLeaseHolderKilledMidRenewIsTakenOverWithoutASplit() throws Exception {
    TokenPair device = FleetProcesses.dueDevicePair(dfx.backend());
    store("setup", Duration.ofSeconds(2)).save(TokenKind.DEVICE, device);
    // the server acts on the renew at once and holds the answer back: the holder dies with it
    dfx.backend().latency(DfxEndpoint.RENEW, Duration.ofSeconds(20));
    List<Process> holder = workers(1, 1, Duration.ofSeconds(2));
    Process p = holder.get(0);
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (dfx.backend().requestsReceived(DfxEndpoint.RENEW) == 0 && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).as("the holder's renew arrived").isEqualTo(1);
      new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    dfx.backend().latency(DfxEndpoint.RENEW, Duration.ZERO);

    // the others take over after the lease expiry; the pair was rotated and its answer died with the
    // holder: every survivor ends with RefreshTokenSpentException and the store keeps the one pair
    TokenSession survivorA = session(store("a", Duration.ofSeconds(2)));
    TokenSession survivorB = session(store("b", Duration.ofSeconds(2)));
    RefreshTokenSpentException a = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> survivorA.accessToken(TokenKind.DEVICE));
    RefreshTokenSpentException b = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> survivorB.accessToken(TokenKind.DEVICE));

    assertThat(a).isNotNull();
    assertThat(b).isNotNull();
    assertThat(store("check", Duration.ofSeconds(2)).load(TokenKind.DEVICE)).contains(device);
    assertThat(dfx.backend().renewAttemptsWith(device.refreshToken())).isBetween(2, 3);
  }

  @Test
  void aDatabaseThatIsDownStopsRenewsUntilItIsBack() throws Exception {
    TokenPair device = dfx.backend().issuePair("device");
    JdbcTokenStore store = JdbcTokenStore.builder().dataSource(pg.dataSource()).owner("a")
        .leaseDuration(Duration.ofSeconds(5)).retryTransientErrorsFor(Duration.ofMillis(500)).build();
    TokenSession session = session(store);
    session.set(TokenKind.DEVICE, device);

    pg.stop();
    TokenStoreUnavailableException down;
    try {
      down = catchThrowableOfType(TokenStoreUnavailableException.class,
          () -> session.renewIfStill(TokenKind.DEVICE, device.token()));
    } finally {
      pg.restart();
    }

    assertThat(down).isNotNull().hasMessageContaining("no renew was sent");
    assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).isZero();
    assertThat(dfx.backend().isCurrent(device)).isTrue();
    TokenPair next = session.renewIfStill(TokenKind.DEVICE, device.token());
    assertThat(dfx.backend().isCurrent(next)).isTrue();
    assertThat(store.load(TokenKind.DEVICE)).contains(next);
  }

  @Test
  void theLeaseIsOnTheDatabasesClockNotTheProcesses() throws Exception {
    SkewedFleet.assertOneRenew(pg.dataSource(), dfx);
  }

  /**
   * PostgreSQL stops right after a renew reached the server (its answer is held in the holder until
   * the database is down), and starts again 2 s later: the holder keeps trying to save the renewed
   * pair (keeping its lease alive), the store holds the server's pair soon after the restart, a
   * second process that was waiting for the pair gets it, and the server saw one renew.
   */
  @Test
  void aRenewedPairIsSavedOnceTheDatabaseIsBackAndTheWaitingProcessGetsIt() throws Exception {
    TokenPair device = dfx.backend().issuePair("device");
    CountingDataSource countingA = new CountingDataSource(pg.dataSource());
    JdbcTokenStore storeA = JdbcTokenStore.builder().dataSource(countingA).owner("a")
        .leaseDuration(Duration.ofSeconds(30)).build();
    JdbcTokenStore storeB = store("b", Duration.ofSeconds(30));
    CountDownLatch answered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AuthsPort real = JdkAuthsAdapter.builder().baseUri(dfx.baseUri()).build();
    TokenSession a = TokenSession.builder().auths(new HeldRenew(real, answered, release)).store(storeA).build();
    TokenSession b = session(storeB);
    a.set(TokenKind.DEVICE, device);
    b.current(TokenKind.DEVICE);

    CompletableFuture<TokenPair> holder = CompletableFuture.supplyAsync(
        () -> a.renewIfStill(TokenKind.DEVICE, device.token()));
    assertThat(answered.await(30, TimeUnit.SECONDS)).as("the renew reached the server and was answered").isTrue();
    CompletableFuture<TokenPair> waiter = CompletableFuture.supplyAsync(
        () -> b.renewIfStill(TokenKind.DEVICE, device.token()));
    long restartedAt;
    pg.stop();
    try {
      int before = countingA.failures();
      release.countDown();
      Thread.sleep(2_000);
      assertThat(countingA.failures()).as("the holder tried to save while the database was down").isGreaterThan(before);
    } finally {
      pg.restart();
      restartedAt = System.nanoTime();
    }

    TokenPair server = dfx.backend().currentPair("device").orElseThrow();
    waitUntil(() -> storeB.load(TokenKind.DEVICE).filter(server::equals).isPresent(), 30);
    long savedAfterMillis = (System.nanoTime() - restartedAt) / 1_000_000;
    assertThat(savedAfterMillis).as("saved within 10 s of the restart").isLessThan(10_000);
    assertThat(holder.get(60, TimeUnit.SECONDS)).isEqualTo(server);
    assertThat(waiter.get(60, TimeUnit.SECONDS)).isEqualTo(server);
    assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
    assertThat(b.accessToken(TokenKind.DEVICE)).isEqualTo(server.token());
  }

  /** A port whose renew, once answered, is held until released (the other operations are not used). */
  private static final class HeldRenew implements AuthsPort {
    private final AuthsPort real;
    private final CountDownLatch answered;
    private final CountDownLatch release;

    HeldRenew(AuthsPort real, CountDownLatch answered, CountDownLatch release) {
      this.real = real;
      this.answered = answered;
      this.release = release;
    }

    @Override
    public TokenPair renew(TokenPair current) {
      TokenPair next = real.renew(current);
      answered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return next;
    }

    @Override
    public io.github.dfxclient.auths.LoginCodeSent requestLoginCode(LoginCodeRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public io.github.dfxclient.auths.ResetPasswordLinkSent requestResetPasswordLink(
        io.github.dfxclient.auths.ResetPasswordLinkRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public io.github.dfxclient.auths.ResetMobileSent sendResetMobile(io.github.dfxclient.auths.ResetMobileRequest r) {
      throw new UnsupportedOperationException();
    }

    @Override
    public io.github.dfxclient.auths.GeneratedToken generateToken(TokenPair pair) {
      throw new UnsupportedOperationException();
    }

    @Override
    public io.github.dfxclient.auths.OrgClientCredentials orgClientCredentials(String orgId) {
      throw new UnsupportedOperationException();
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not reached within " + seconds + " s");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void theValidTokenHotPathMakesNoDatabaseRoundTrip() throws Exception {
    TokenPair device = dfx.backend().issuePair("device");
    CountingDataSource counting = new CountingDataSource(pg.dataSource());
    JdbcTokenStore store = JdbcTokenStore.builder().dataSource(counting).build();
    TokenSession session = TokenSession.builder().auths(JdkAuthsAdapter.builder().baseUri(dfx.baseUri()).build())
        .store(store).build();
    session.set(TokenKind.DEVICE, device);
    int before = counting.connections();

    for (int i = 0; i < 10_000; i++) {
      assertThat(session.accessToken(TokenKind.DEVICE)).isEqualTo(device.token());
    }

    assertThat(counting.connections()).isEqualTo(before);
  }

  /** A data source that counts the connections taken. */
  static final class CountingDataSource extends DelegatingDataSource {
    private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

    CountingDataSource(DataSource delegate) {
      super(delegate);
    }

    private final java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      count.incrementAndGet();
      try {
        return super.getConnection();
      } catch (java.sql.SQLException e) {
        failed.incrementAndGet();
        throw e;
      }
    }

    int connections() {
      return count.get();
    }

    int failures() {
      return failed.get();
    }
  }
}
