package io.github.dfxclient.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServer;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Two processes (sessions on stores of their own) on one database, the second one's clock 3 min
 * ahead, a 60 s lease, a renew answered in 1.5 s: the lease is on the database's clock, so exactly
 * one renew is sent and both end with the server's pair, without an exception. (On the processes'
 * clocks the second would find the first's lease expired and spend the same refresh token.)
 */
final class SkewedFleet {
  private SkewedFleet() {}

  @SuppressWarnings("deprecation")
  static void assertOneRenew(DataSource dataSource, FakeDfxServer dfx) throws Exception {
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3));
    JdbcTokenStore first = JdbcTokenStore.builder().dataSource(dataSource).owner("first")
        .leaseDuration(Duration.ofSeconds(60)).build();
    JdbcTokenStore second = JdbcTokenStore.builder().dataSource(dataSource).owner("second").clock(ahead)
        .leaseDuration(Duration.ofSeconds(60)).build();
    TokenPair device = dfx.backend().issuePair("device");
    first.save(TokenKind.DEVICE, device);
    TokenSession a = TokenSession.builder().auths(JdkAuthsAdapter.builder().baseUri(dfx.baseUri()).build())
        .store(first).build();
    TokenSession b = TokenSession.builder().auths(JdkAuthsAdapter.builder().baseUri(dfx.baseUri()).build())
        .store(second).clock(ahead).build();
    dfx.backend().latency(DfxEndpoint.RENEW, Duration.ofMillis(1500));

    List<CompletableFuture<TokenPair>> both = new ArrayList<>();
    for (TokenSession s : List.of(a, b)) {
      both.add(CompletableFuture.supplyAsync(() -> s.renewIfStill(TokenKind.DEVICE, device.token())));
    }
    TokenPair fromA = both.get(0).get(60, TimeUnit.SECONDS);
    TokenPair fromB = both.get(1).get(60, TimeUnit.SECONDS);

    TokenPair server = dfx.backend().currentPair("device").orElseThrow();
    assertThat(dfx.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
    assertThat(fromA).isEqualTo(server);
    assertThat(fromB).isEqualTo(server);
    assertThat(a.accessToken(TokenKind.DEVICE)).isEqualTo(server.token());
    assertThat(b.accessToken(TokenKind.DEVICE)).isEqualTo(server.token());
    assertThat(first.load(TokenKind.DEVICE)).contains(server);
  }
}
