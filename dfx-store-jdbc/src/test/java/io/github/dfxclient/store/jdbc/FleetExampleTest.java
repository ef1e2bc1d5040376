package io.github.dfxclient.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's fleet wiring, compiled and run (H2 file; PostgreSQL is the same code). */
class FleetExampleTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void fleetWiringRuns() throws Exception {
    Path dir = Files.createTempDirectory("dfx-fleet-");
    org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();   // a pool is faster; a plain one works
    dataSource.setURL("jdbc:h2:file:" + dir.resolve("tokens") + ";AUTO_SERVER=TRUE;FILE_LOCK=SOCKET");
    dataSource.setUser("dfx");
    dataSource.setPassword(FleetProcesses.H2_PASSWORD);
    KeyGenerator aes = KeyGenerator.getInstance("AES");
    aes.init(256);
    SecretKey tokenKey = aes.generateKey();
    URI baseUri = DFX.baseUri();
    TokenPair devicePair = DFX.backend().issuePair("device");

    // readme:fleet:start
    JdbcTokenStore store = JdbcTokenStore.builder()
        .dataSource(dataSource)                    // your pool (HikariCP...) on H2 or PostgreSQL
        .encryptionKey(tokenKey)                   // optional: AES-GCM at rest; keep the key out of the DB
        .leaseDuration(Duration.ofSeconds(60))     // longer than a renew with its retries
        .build();                                  // creates table dfx_token_pairs if missing
    TokenSession session = TokenSession.builder()
        .auths(JdkAuthsAdapter.builder().baseUri(baseUri).build())
        .store(store)                              // the session takes the store's lease by itself
        .build();
    if (session.current(TokenKind.DEVICE).isEmpty()) {
      session.set(TokenKind.DEVICE, devicePair);   // the first process registers the device
    }
    AuthsPort auths = JdkAuthsAdapter.builder().baseUri(baseUri).credentials(session.credentials()).build();
    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));
    // readme:fleet:end

    TokenPair renewed = session.renewIfStill(TokenKind.DEVICE, devicePair.token());
    assertThat(store.load(TokenKind.DEVICE)).contains(renewed);
    assertThat(DFX.backend().isCurrent(renewed)).isTrue();
    assertThat(DFX.backend().outbox()).hasSize(1);
  }
}
