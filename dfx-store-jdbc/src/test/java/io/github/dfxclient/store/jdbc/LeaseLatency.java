package io.github.dfxclient.store.jdbc;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.LeasingTokenStore;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the fleet lease adds to each renew, on a real PostgreSQL server on loopback: the lease (a
 * read and one atomic update) and the compare-and-set save, timed per renew, p50 and p99 over
 * 2,000 renews after 500 of warm-up; the renew request itself is not included. Run with
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests &amp;&amp; mvn -B -ntp -q -pl dfx-store-jdbc exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=io.github.dfxclient.store.jdbc.LeaseLatency
 * </pre>
 */
public final class LeaseLatency {
  private LeaseLatency() {}

  /**
   * @param args none
   * @throws Exception when PostgreSQL cannot start
   */
  public static void main(String[] args) throws Exception {
    try (Postgres pg = Postgres.start()) {
      measure("a new connection per operation (no pool)", pg.dataSource());
      java.sql.Connection shared = pg.connect();
      measure("one reused connection (what a pool such as HikariCP gives)", reusing(shared));
      shared.close();
    }
  }

  /** A data source that hands out one connection again and again (its close does nothing). */
  private static javax.sql.DataSource reusing(java.sql.Connection connection) {
    java.sql.Connection unclosable = (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
        LeaseLatency.class.getClassLoader(), new Class<?>[] {java.sql.Connection.class},
        (proxy, method, methodArgs) -> method.getName().equals("close") ? null : method.invoke(connection, methodArgs));
    return new DelegatingDataSource(null) {
      @Override
      public java.sql.Connection getConnection() {
        return unclosable;
      }
    };
  }

  private static void measure(String how, javax.sql.DataSource dataSource) {
    JdbcTokenStore store = JdbcTokenStore.builder().dataSource(dataSource)
        .leaseDuration(Duration.ofSeconds(30)).build();
    TokenKey key = TokenKey.device();
    TokenPair held = pair(0);
    store.save(TokenKind.DEVICE, held);
    int warmUp = 500;
    int n = 2_000;
    long[] lease = new long[n];
    long[] save = new long[n];
    for (int i = 0; i < warmUp + n; i++) {
      long t0 = System.nanoTime();
      if (!(store.tryLease(key, held) instanceof LeasingTokenStore.Acquired)) {
        throw new IllegalStateException("lease not acquired");
      }
      long t1 = System.nanoTime();
      TokenPair next = pair(i + 1);
      store.save(key, next);
      long t2 = System.nanoTime();
      held = next;
      if (i >= warmUp) {
        lease[i - warmUp] = t1 - t0;
        save[i - warmUp] = t2 - t1;
      }
    }
    long[] total = new long[n];
    for (int i = 0; i < n; i++) {
      total[i] = lease[i] + save[i];
    }
    System.out.printf(Locale.ROOT, "PostgreSQL on loopback, %d renews, %s:%n", n, how);
    print("lease (read + atomic update)", lease);
    print("save (compare-and-set, ends the lease)", save);
    print("added per renew", total);
  }

  private static TokenPair pair(int i) {
    return new TokenPair("eyJ.token-" + i + ".sig", "rt-" + i + "-0123456789abcdef");
  }

  private static void print(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "  %-40s p50 %.2f ms, p99 %.2f ms%n", what, s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.99)] / 1e6);
  }
}
