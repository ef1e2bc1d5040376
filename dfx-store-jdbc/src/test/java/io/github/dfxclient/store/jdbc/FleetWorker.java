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

/**
 * One process of a fleet, run by {@link FleetTest} as its own JVM: a session on a shared {@link
 * JdbcTokenStore} and the fake DFX server; at an agreed instant, {@code threads} threads ask for the
 * device token, which is about to expire (the renew skew is longer than its lifetime). Prints the
 * distinct tokens it got and exits.
 *
 * <p>Arguments: JDBC URL, fake server base URI, threads, start instant (epoch millis), lease
 * duration (ms).
 */
public final class FleetWorker {
  private FleetWorker() {}

  /**
   * @param args see the class comment
   * @throws Exception when the run fails
   */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    URI dfx = URI.create(args[1]);
    int threads = Integer.parseInt(args[2]);
    long startAt = Long.parseLong(args[3]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
    JdbcTokenStore store = JdbcTokenStore.builder().dataSource(new SimpleDataSource(url, "postgres"))
        .leaseDuration(lease).build();
    TokenSession session = TokenSession.builder()
        .auths(JdkAuthsAdapter.builder().baseUri(dfx).requestTimeout(Duration.ofSeconds(30))
            .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(20)).build()).build())
        .store(store)
        .renewSkew(Duration.ofHours(2))
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
