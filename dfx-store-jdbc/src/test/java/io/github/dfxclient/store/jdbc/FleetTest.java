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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        .store(store).renewSkew(Duration.ofHours(2)).build();
  }

  private List<Process> workers(int processes, int threads, Duration lease) throws IOException {
    long startAt = System.currentTimeMillis() + 4_000;
    List<Process> list = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      list.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
          FleetWorker.class.getName(), pg.url(), dfx.baseUri().toString(), Integer.toString(threads),
          Long.toString(startAt), Long.toString(lease.toMillis())).redirectErrorStream(true).start());
    }
    return list;
  }

  private static String output(Process p) throws Exception {
    StringBuilder out = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.toString();
  }

  @Test
  void fourProcessesOfSixtyFourThreadsRenewTheSharedPairOnce() throws Exception {
    TokenPair device = dfx.backend().issuePair("device");
    store("setup", Duration.ofSeconds(10)).save(TokenKind.DEVICE, device);
    List<Process> fleet = workers(4, 64, Duration.ofSeconds(10));
    List<String> outputs = new ArrayList<>();
    try {
      for (Process p : fleet) {
        outputs.add(output(p));
      }
    } finally {
      fleet.forEach(Process::destroyForcibly);
    }

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
    TokenPair device = dfx.backend().issuePair("device");
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
    long start = System.nanoTime();
    RefreshTokenSpentException a = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> survivorA.accessToken(TokenKind.DEVICE));
    RefreshTokenSpentException b = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> survivorB.accessToken(TokenKind.DEVICE));

    assertThat(a).isNotNull();
    assertThat(b).isNotNull();
    assertThat(store("check", Duration.ofSeconds(2)).load(TokenKind.DEVICE)).contains(device);
    assertThat((System.nanoTime() - start) / 1_000_000).as("waited for the lease to expire").isGreaterThan(500L);
    assertThat(dfx.backend().renewAttemptsWith(device.refreshToken())).isBetween(2, 3);
  }

  @Test
  void aDatabaseThatIsDownStopsRenewsUntilItIsBack() throws Exception {
    TokenPair device = dfx.backend().issuePair("device");
    JdbcTokenStore store = store("a", Duration.ofSeconds(5));
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

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      count.incrementAndGet();
      return super.getConnection();
    }

    int connections() {
      return count.get();
    }
  }
}
