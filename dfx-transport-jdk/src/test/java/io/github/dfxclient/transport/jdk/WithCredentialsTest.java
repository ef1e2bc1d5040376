package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One client, many users: one adapter and a view per user ({@code withCredentials}) over one
 * HttpClient. Every request carries its own user's token (checked at the fake server), and the views
 * open no HttpClient of their own: the threads that appeared during the test are counted by identity
 * and grouped by the HttpClient that owns them (the JDK names them {@code HttpClient-<id>-SelectorManager}
 * and {@code HttpClient-<id>-Worker-<n>}). Every view is held until the count, so a view with its own
 * HttpClient would keep that client's selector thread alive and be counted; no timing decides it.
 *
 * <p>What the count cannot bound: the JDK's default executor of one HttpClient is a cached pool whose
 * workers follow the exchanges in flight (one port alone, no views: about 4 workers for sequential
 * calls, about 30-40 with 200 asynchronous calls in flight; they exit after 60 s idle). Views add
 * none of their own; that is what is asserted.
 */
class WithCredentialsTest {
  private static final OrgClientCredentials ORG =
      new OrgClientCredentials("Acme Health", null, "pool", true, null, List.of());
  private static final Pattern JDK_THREAD = Pattern.compile("HttpClient-(\\d+)-(SelectorManager|Worker-\\d+)");

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void oneAdapterServesAThousandUsersThroughViews() {
    DFX.backend().addOrganization("acme-health", ORG);
    Set<Thread> before = httpClientThreads();
    try (JdkAuthsAdapter auths = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build()) {
      TokenSession session = TokenSession.builder().auths(auths).build();   // the same adapter renews
      List<String> tokens = users(session, 1000);
      List<AuthsClient> views = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        views.add(auths.withCredentials(session.credentials("user-" + i)));
      }

      for (AuthsClient view : views) {
        assertThat(view.orgClientCredentials("acme-health")).isEqualTo(ORG);
      }

      assertThat(bearers(DFX.server().journal())).containsExactlyElementsOf(tokens);
      Set<Thread> added = newThreads(before);
      assertThat(httpClientIds(added)).as("HttpClients behind one adapter and 1,000 views: %s", added).hasSize(1);
      assertThat(selectors(added)).as("selector threads added: %s", added).isEqualTo(1);
      // closing a view leaves the shared transport open for the others
      views.get(0).close();
      assertThat(views.get(1).orgClientCredentials("acme-health")).isEqualTo(ORG);
      assertThat(DFX.requestsReceived()).isEqualTo(1001);
    }
  }

  @Test
  void oneAsyncAdapterServesTwoHundredUsersThroughViewsInFlightTogether() {
    DFX.backend().addOrganization("acme-health", ORG);
    Set<Thread> before = httpClientThreads();
    try (AsyncAuthsClient auths = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).buildAsync();
        JdkAuthsAdapter renews = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build()) {
      TokenSession session = TokenSession.builder().auths(renews).asyncAuths(auths).build();
      List<String> tokens = users(session, 200);
      List<AsyncAuthsClient> views = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        views.add(auths.withCredentials(session.credentials("user-" + i)));
      }

      List<CompletableFuture<OrgClientCredentials>> calls = new ArrayList<>();
      for (AsyncAuthsClient view : views) {
        calls.add(view.orgClientCredentials("acme-health"));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();

      assertThat(calls).allSatisfy(c -> assertThat(c.join()).isEqualTo(ORG));
      assertThat(bearers(DFX.server().journal())).containsExactlyInAnyOrderElementsOf(tokens);
      assertThat(DFX.backend().requestsReceived(DfxEndpoint.ORG_CLIENT_CREDENTIALS)).isEqualTo(200);
      Set<Thread> added = newThreads(before);
      // two adapters were built (the async one the views share, and the session's renew port)
      assertThat(httpClientIds(added)).as("HttpClients behind 2 adapters and 200 views: %s", added).hasSize(2);
      assertThat(selectors(added)).as("selector threads added: %s", added).isEqualTo(2);
      views.forEach(AsyncAuthsClient::close);
      assertThat(views.get(0).orgClientCredentials("acme-health").join()).isEqualTo(ORG);
    }
  }

  /** Issues a pair per user at the fake and sets it in the session; returns the tokens, by user. */
  static List<String> users(TokenSession session, int n) {
    List<String> tokens = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      TokenPair pair = DFX.backend().issuePair("user-" + i);
      session.set(TokenKey.user("user-" + i), pair);
      tokens.add(pair.token());
    }
    return tokens;
  }

  static List<String> bearers(List<RecordedRequest> journal) {
    List<String> out = new ArrayList<>(journal.size());
    for (RecordedRequest r : journal) {
      String h = r.header("Authorization");
      out.add(h == null ? null : h.substring("Bearer ".length()));
    }
    return out;
  }

  static Set<Thread> httpClientThreads() {
    Set<Thread> out = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && JDK_THREAD.matcher(t.getName()).matches()) {
        out.add(t);
      }
    }
    return out;
  }

  static Set<Thread> newThreads(Set<Thread> before) {
    Set<Thread> now = httpClientThreads();
    now.removeAll(before);
    return now;
  }

  static Set<String> httpClientIds(Set<Thread> threads) {
    Set<String> ids = new TreeSet<>();
    for (Thread t : threads) {
      Matcher m = JDK_THREAD.matcher(t.getName());
      if (m.matches()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  static long selectors(Set<Thread> threads) {
    return threads.stream().filter(t -> t.getName().endsWith("-SelectorManager")).count();
  }
}
