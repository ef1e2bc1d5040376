package io.github.dfxclient.store.jdbc;

import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One process of a fleet, run by {@link FleetProcesses} as its own JVM: a session on a shared
 * {@link JdbcTokenStore} (a plain, non-pooled data source) and the fake DFX server; at an agreed
 * instant, {@code threads} threads ask for the device token, which is due for a renew. Prints the
 * distinct tokens it got and exits.
 *
 * <p>Arguments: JDBC URL, data source ({@code pg}: PostgreSQL through {@code DriverManager}; {@code
 * h2}: H2's own {@link JdbcDataSource}), fake server base URI, threads, start instant (epoch
 * millis), lease duration (ms).
 */
public final class FleetWorker {
  private FleetWorker() {}

  /**
   * @param args see the class comment
   * @throws Exception when the run fails
   */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    DataSource dataSource;
    if (args[1].equals("h2")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser("sa");
      h2.setPassword(FleetProcesses.H2_PASSWORD);
      dataSource = h2;
    } else {
      dataSource = new SimpleDataSource(url, "postgres");
    }
    URI dfx = URI.create(args[2]);
    int threads = Integer.parseInt(args[3]);
    long startAt = Long.parseLong(args[4]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
    JdbcTokenStore store = JdbcTokenStore.builder().dataSource(dataSource).leaseDuration(lease).build();
    TokenSession session = TokenSession.builder()
        .auths(JdkAuthsAdapter.builder().baseUri(dfx).requestTimeout(Duration.ofSeconds(30))
            .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(20)).build()).build())
        .store(store)
        .onRotation(r -> System.out.println("ROTATION " + Integer.toHexString(r.pair().token().hashCode())))
        .build();
    System.out.println("READY " + store.owner());
    System.out.flush();
    Set<String> tokens = ConcurrentHashMap.newKeySet();
    List<Throwable> failures = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        try {
          Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
          tokens.add(session.accessToken(TokenKind.DEVICE));
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      });
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    for (Throwable f : failures) {
      System.out.println("FAILURE " + f.getClass().getName() + ": " + f.getMessage());
    }
    System.out.println("TOKENS " + tokens.size() + " " + (tokens.isEmpty() ? "-" : Integer.toHexString(
        tokens.iterator().next().hashCode())));
    System.out.flush();
    System.exit(failures.isEmpty() ? 0 : 1);
  }
}
