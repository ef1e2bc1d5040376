package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lifecycle: the adapters close what they created and never what the application passed in; an
 * idle application has no library thread running or waking; nothing the library starts keeps the
 * JVM alive.
 */
class LifecycleTest {
  private static final long IDLE_SECONDS = Long.getLong("dfx.test.idleSeconds", 60);

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void closingNeverClosesTheApplicationsHttpClient() throws Exception {
    HttpClient mine = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    TokenPair device = DFX.backend().issuePair("device");
    JdkAuthsAdapter adapter = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).httpClient(mine)
        .bearerToken(device::token).build();
    adapter.requestLoginCode(new LoginCodeRequest("+15555550123", "acme"));

    adapter.close();

    HttpResponse<String> still = mine.send(HttpRequest.newBuilder(URI.create(DFX.baseUri() + "/nope")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(still.statusCode()).isEqualTo(404);
  }

  @Test
  void closingReleasesTheHttpClientItCreatedWhereTheJdkCan() {
    TokenPair device = DFX.backend().issuePair("device");
    JdkAuthsAdapter adapter = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(device::token).build();
    AsyncAuthsClient async = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(device::token).buildAsync();
    adapter.requestLoginCode(new LoginCodeRequest("+15555550123", "acme"));
    async.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")).join();

    adapter.close();
    async.close();

    if (Runtime.version().feature() >= 21) {
      // HttpClient is AutoCloseable from Java 21: a closed adapter's client refuses new exchanges
      Throwable after = catchThrowable(() -> adapter.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")));
      assertThat(after).isInstanceOf(DfxException.class);
    }
    assertThat(DFX.backend().outbox()).hasSize(2);
  }

  @Test
  void anIdleApplicationHasNoLibraryThreadRunning() throws Exception {
    TokenPair device = DFX.backend().issuePair("device");
    try (JdkAuthsAdapter adapter = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(device::token).build()) {
      adapter.requestLoginCode(new LoginCodeRequest("+15555550123", "acme"));
      assertThat(libraryThreads()).as("the deadline watchdog ran for the call").isNotEmpty();

      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      Map<Long, Long> cpuAtStart = new HashMap<>();
      long until = System.nanoTime() + IDLE_SECONDS * 1_000_000_000L;
      int samples = 0;
      Thread.sleep(2_000);
      while (System.nanoTime() < until) {
        for (Thread t : libraryThreads().keySet()) {
          long cpu = mx.getThreadCpuTime(t.getId());
          Long first = cpuAtStart.putIfAbsent(t.getId(), cpu);
          assertThat(first == null ? 0 : cpu - first).as("CPU of %s while idle", t.getName()).isZero();
        }
        assertThat(libraryThreads()).as("no library thread alive %s s after the call", samples + 2).isEmpty();
        samples++;
        Thread.sleep(1_000);
      }
      assertThat(samples).isGreaterThanOrEqualTo((int) IDLE_SECONDS - 3);
    }
    assertThat(libraryThreads().keySet()).noneMatch(t -> !t.isDaemon());
  }

  private static Map<Thread, StackTraceElement[]> libraryThreads() {
    Map<Thread, StackTraceElement[]> ours = new HashMap<>();
    Thread.getAllStackTraces().forEach((t, s) -> {
      if (t.getName().startsWith("dfx-")) {
        ours.put(t, s);
      }
    });
    return ours;
  }
}
