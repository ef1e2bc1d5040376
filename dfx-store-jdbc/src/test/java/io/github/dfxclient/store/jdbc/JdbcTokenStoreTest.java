package io.github.dfxclient.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.session.LeasingTokenStore;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServer;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * The store on H2 (embedded, the default engine): rows per principal and kind, the lease, encryption
 * at rest; and two JVM processes sharing one H2 file renewing their shared pair once.
 */
class JdbcTokenStoreTest {
  private static final TokenPair A = new TokenPair("eyJ.token-a.sig", "rt-aaaaaaaaaaaaaaaa");
  private static final TokenPair B = new TokenPair("eyJ.token-b.sig", "rt-bbbbbbbbbbbbbbbb");

  private static String memoryUrl() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  private static JdbcTokenStore.Builder store(String url) {
    return JdbcTokenStore.builder().dataSource(new SimpleDataSource(url, "postgres"));
  }

  @Test
  void keepsAPairPerPrincipalAndKindAndCreatesItsTable() {
    JdbcTokenStore store = store(memoryUrl()).build();

    assertThat(store.load(TokenKind.DEVICE)).isEmpty();
    store.save(TokenKind.DEVICE, A);
    store.save(TokenKey.user("alice"), B);
    store.save(TokenKey.user("alice"), A);

    assertThat(store.load(TokenKind.DEVICE)).contains(A);
    assertThat(store.load(TokenKey.user("alice"))).contains(A);
    assertThat(store.load(TokenKey.user("bob"))).isEmpty();
    assertThat(store.toString()).doesNotContain(A.token());
  }

  @Test
  void encryptsTokensAtRestAndRefusesAWrongKeyClearly() throws Exception {
    String url = memoryUrl();
    SecretKey key = aes();
    JdbcTokenStore store = store(url).encryptionKey(key).build();
    store.save(TokenKind.USER, A);

    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT token, refresh_token FROM dfx_token_pairs")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).startsWith("enc1:").doesNotContain(A.token());
      assertThat(r.getString(2)).doesNotContain(A.refreshToken());
    }
    assertThat(store.load(TokenKind.USER)).contains(A);
    assertThatThrownBy(() -> store(url).encryptionKey(aes()).build().load(TokenKind.USER))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("encryption key does not decrypt")
        .hasMessageNotContaining(A.token());
    assertThatThrownBy(() -> store(url).build().load(TokenKind.USER))
        .hasMessageContaining("encrypted at rest");
    assertThatThrownBy(() -> JdbcTokenStore.builder().encryptionKey(new javax.crypto.spec.SecretKeySpec(new byte[5], "AES")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encryptionKey");
  }

  @Test
  void oneProcessHoldsTheLeaseUntilItSavesOrItExpiresOnTheDatabasesClock() throws Exception {
    String url = memoryUrl();
    JdbcTokenStore first = store(url).owner("first").leaseDuration(Duration.ofSeconds(1)).build();
    JdbcTokenStore second = store(url).owner("second").leaseDuration(Duration.ofSeconds(1)).build();
    first.save(TokenKind.DEVICE, A);
    TokenKey device = TokenKey.device();

    assertThat(first.tryLease(device, A)).isInstanceOf(LeasingTokenStore.Acquired.class);
    assertThat(second.tryLease(device, A)).isInstanceOf(LeasingTokenStore.Busy.class);
    first.save(device, B);
    assertThat(second.tryLease(device, A)).isEqualTo(new LeasingTokenStore.Newer(B));

    assertThat(second.tryLease(device, B)).isInstanceOf(LeasingTokenStore.Acquired.class);
    long taken = System.nanoTime();
    assertThat(first.tryLease(device, B)).isInstanceOf(LeasingTokenStore.Busy.class);
    LeasingTokenStore.Lease lease;
    do {
      Thread.sleep(50);
      lease = first.tryLease(device, B);
    } while (lease instanceof LeasingTokenStore.Busy && System.nanoTime() - taken < TimeUnit.SECONDS.toNanos(30));
    assertThat(lease).as("a dead holder's lease expires").isInstanceOf(LeasingTokenStore.Acquired.class);
    assertThat(System.nanoTime() - taken).as("not before the lease duration").isGreaterThanOrEqualTo(
        TimeUnit.MILLISECONDS.toNanos(900));

    // the old holder's renewed pair still replaces the one it renewed: a renewed pair is never lost
    second.save(device, A);
    assertThat(first.load(device)).contains(A);
    assertThat(first.tryLease(device, B)).isEqualTo(new LeasingTokenStore.Newer(A));
    first.releaseLease(device);
    assertThat(second.tryLease(device, A)).isInstanceOf(LeasingTokenStore.Acquired.class);
  }

  @Test
  void processClocksDoNotDecideTheLease() throws Exception {
    SkewedFleet.assertOneRenew(new SimpleDataSource(memoryUrl(), "postgres"), dfx());
  }

  @Test
  void twoProcessesOfThirtyTwoThreadsOnOneH2FileThroughAPlainDataSourceRenewOnce() throws Exception {
    Path dir = Files.createTempDirectory("dfx-h2-");
    String url = "jdbc:h2:file:" + dir.resolve("fleet") + ";AUTO_SERVER=TRUE;FILE_LOCK=SOCKET";
    try (FakeDfxServer dfx = new FakeDfxServer().start()) {
      TokenPair device = FleetProcesses.dueDevicePair(dfx.backend());
      h2Store(url).build().save(TokenKind.DEVICE, device);
      List<String> outputs = FleetProcesses.outputs(
          FleetProcesses.start(2, url, "h2", dfx.baseUri(), 32, Duration.ofSeconds(10)));

      TokenPair saved = h2Store(url).build().load(TokenKind.DEVICE).orElseThrow();
      String expected = "TOKENS 1 " + Integer.toHexString(saved.token().hashCode());
      assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).as(String.join("\n", outputs)).isEqualTo(1);
      assertThat(outputs).hasSize(2).allSatisfy(o -> assertThat(o).contains(expected).doesNotContain("FAILURE"));
      assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
      assertThat(dfx.backend().isCurrent(saved)).isTrue();
    }
  }

  private static JdbcTokenStore.Builder h2Store(String url) {
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL(url);
    h2.setUser("sa");
    h2.setPassword(FleetProcesses.H2_PASSWORD);
    return JdbcTokenStore.builder().dataSource(h2);
  }

  private FakeDfxServer dfx;

  private FakeDfxServer dfx() throws Exception {
    dfx = new FakeDfxServer().start();
    return dfx;
  }

  @org.junit.jupiter.api.AfterEach
  void stopDfx() {
    if (dfx != null) {
      dfx.close();
    }
  }

  private static SecretKey aes() throws Exception {
    KeyGenerator g = KeyGenerator.getInstance("AES");
    g.init(256);
    return g.generateKey();
  }
}
