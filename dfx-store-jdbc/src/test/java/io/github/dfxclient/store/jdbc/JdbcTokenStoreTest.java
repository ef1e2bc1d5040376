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
import io.github.dfxclient.testkit.MutableClock;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
  void oneProcessHoldsTheLeaseUntilItSavesOrItExpires() {
    String url = memoryUrl();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    JdbcTokenStore first = store(url).owner("first").clock(clock).leaseDuration(Duration.ofSeconds(5)).build();
    JdbcTokenStore second = store(url).owner("second").clock(clock).leaseDuration(Duration.ofSeconds(5)).build();
    first.save(TokenKind.DEVICE, A);
    TokenKey device = TokenKey.device();

    assertThat(first.tryLease(device, A)).isInstanceOf(LeasingTokenStore.Acquired.class);
    assertThat(second.tryLease(device, A)).isInstanceOf(LeasingTokenStore.Busy.class);
    first.save(device, B);
    assertThat(second.tryLease(device, A)).isEqualTo(new LeasingTokenStore.Newer(B));

    assertThat(second.tryLease(device, B)).isInstanceOf(LeasingTokenStore.Acquired.class);
    assertThat(first.tryLease(device, B)).isInstanceOf(LeasingTokenStore.Busy.class);
    clock.advance(Duration.ofSeconds(6));
    assertThat(first.tryLease(device, B)).as("a dead holder's lease expires").isInstanceOf(LeasingTokenStore.Acquired.class);
    assertThatThrownBy(() -> second.save(device, A)).as("the old holder cannot save any more")
        .hasMessageContaining("lease");
    first.releaseLease(device);
    assertThat(second.tryLease(device, B)).isInstanceOf(LeasingTokenStore.Acquired.class);
  }

  @Test
  void twoProcessesSharingOneH2FileRenewOnce() throws Exception {
    Path dir = Files.createTempDirectory("dfx-h2-");
    String url = "jdbc:h2:file:" + dir.resolve("fleet") + ";AUTO_SERVER=TRUE";
    try (FakeDfxServer dfx = new FakeDfxServer().start();
         Connection host = DriverManager.getConnection(url, "postgres", "")) {
      TokenPair device = dfx.backend().issuePair("device");
      store(url).build().save(TokenKind.DEVICE, device);
      long startAt = System.currentTimeMillis() + 4_000;
      List<Process> fleet = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        fleet.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
            FleetWorker.class.getName(), url, dfx.baseUri().toString(), "16", Long.toString(startAt), "10000")
            .redirectErrorStream(true).start());
      }
      List<String> outputs = new ArrayList<>();
      try {
        for (Process p : fleet) {
          outputs.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
      } finally {
        fleet.forEach(Process::destroyForcibly);
      }

      TokenPair saved = store(url).build().load(TokenKind.DEVICE).orElseThrow();
      String expected = "TOKENS 1 " + Integer.toHexString(saved.token().hashCode());
      assertThat(outputs).allSatisfy(o -> assertThat(o).contains(expected).doesNotContain("FAILURE"));
      assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
      assertThat(dfx.backend().isCurrent(saved)).isTrue();
    }
  }

  private static SecretKey aes() throws Exception {
    KeyGenerator g = KeyGenerator.getInstance("AES");
    g.init(256);
    return g.generateKey();
  }
}
