package io.github.dfxclient.benchmarks;

import static io.github.dfxclient.benchmarks.Baseline.CURRENT;
import static io.github.dfxclient.benchmarks.Baseline.DEVICE_TOKEN;
import static io.github.dfxclient.benchmarks.Baseline.RENEW_BODY;
import static io.github.dfxclient.benchmarks.Baseline.parse;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.transport.feign.FeignAuthsAdapter;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The interleaved overhead benchmark: blocks of raw calls and adapter calls alternate in one JVM, on
 * one client thread, against one {@link FixedAnswerServer} running in a <em>separate</em> process
 * (so that only the client's CPU is counted). For each block it records the process CPU time and
 * the wall time per call; it prints the median over blocks and the adapter/raw ratios. Alternating
 * blocks cancel the drift (JIT, GC, the other tenant of a shared core) that separate runs suffer.
 *
 * <pre>
 * mvn -B -ntp -q -Pbench package -Dbench.mainClass=io.github.dfxclient.benchmarks.OverheadBenchmark
 * </pre>
 *
 * Rows: JDK adapter vs raw {@code HttpClient.send} on the same client; Feign adapter (default client)
 * vs raw {@code HttpClient.send}; 256 renews in flight from one thread through the async JDK adapter
 * vs raw {@code sendAsync} on the same client (throughput), with the number of live threads the
 * library added while they waited; the JDK adapter with dfx-micrometer's observation listener on an
 * {@code ObservationRegistry} with a {@code DefaultMeterObservationHandler} over a {@code
 * SimpleMeterRegistry} (a timer, a long task timer per call) vs the same adapter without listener, on
 * the same client (the "raw" columns of that row are the adapter without listener). The argument
 * {@code listener} ({@code -Dbench.include=listener} with the command above) runs that row only.
 */
public final class OverheadBenchmark {
  private static final int WARMUP_BLOCKS = Integer.getInteger("bench.warmupBlocks", 6);
  private static final int BLOCKS = Integer.getInteger("bench.blocks", 20);
  private static final int CALLS = Integer.getInteger("bench.calls", 1500);
  private static final int IN_FLIGHT = 256;
  private static final int ASYNC_CALLS = Integer.getInteger("bench.asyncCalls", 4096);

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private OverheadBenchmark() {}

  /** One measured side: runs {@code n} calls. */
  @FunctionalInterface
  interface Side {
    void run(int n) throws Exception;
  }

  /**
   * Median per-call costs of both sides, and the median of the per-block ratios (each adapter block
   * against the raw block beside it, which cancels slow drift better than a ratio of medians).
   */
  record Result(String name, double rawCpuUs, double adapterCpuUs, double rawWallUs, double adapterWallUs,
      double cpuRatio, double wallRatio) {}

  /**
   * @param args none, or {@code listener} for the listener row only
   * @throws Exception when the server cannot start or a call fails
   */
  public static void main(String[] args) throws Exception {
    Process server = startServer();
    try {
      URI base = URI.create(new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8)).readLine());
      List<Result> results = new ArrayList<>();
      HttpClient client = newClient();
      URI renewUri = URI.create(base + "/auths/renew");
      int[] extraThreads = {0};
      if ("listener".equals(System.getProperty("bench.rows")) || (args.length > 0 && args[0].equals("listener"))) {
        results.add(controlRow(base, client));
        results.add(listenerRow(base, client));
        print(results, extraThreads[0]);
        return;
      }

      AuthsPort jdk = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client).build();
      results.add(measure("JDK adapter renew vs raw HttpClient.send (same client)",
          n -> raw(client, renewUri, n), n -> adapter(jdk, n)));

      HttpClient rawForFeign = newClient();
      AuthsPort feign = FeignAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).build();
      results.add(measure("Feign adapter renew (default client) vs raw HttpClient.send",
          n -> raw(rawForFeign, renewUri, n), n -> adapter(feign, n)));

      HttpClient asyncClient = newClient();
      AsyncAuthsClient async = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN)
          .httpClient(asyncClient).buildAsync();
      Result asyncResult = measure("256 async renews in flight, one caller thread: adapter vs raw sendAsync",
          n -> rawAsync(asyncClient, renewUri, n), n -> extraThreads[0] = Math.max(extraThreads[0], adapterAsync(async, n)));
      results.add(asyncResult);
      results.add(listenerRow(base, client));

      print(results, extraThreads[0]);
    } finally {
      server.getOutputStream().close();
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /**
   * Two identical adapters without listener on one client: the harness's own bias between the two
   * sides of a row (its ratio should be 1).
   */
  private static Result controlRow(URI base, HttpClient client) throws Exception {
    AuthsPort first = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client)
        .build();
    AuthsPort second = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client)
        .build();
    return measure("control: JDK adapter renew vs an identical adapter (both without listener)",
        n -> adapter(first, n), n -> adapter(second, n));
  }

  /** The engine with the Micrometer observation listener (timers on a SimpleMeterRegistry) vs without. */
  private static Result listenerRow(URI base, HttpClient client) throws Exception {
    io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    io.micrometer.observation.ObservationRegistry observations = io.micrometer.observation.ObservationRegistry.create();
    observations.observationConfig().observationHandler(
        new io.micrometer.core.instrument.observation.DefaultMeterObservationHandler(meters));
    AuthsPort plain = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client)
        .build();
    AuthsPort observed = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client)
        .listener(new io.github.dfxclient.micrometer.DfxObservationListener(observations)).build();
    Result r = measure("JDK adapter renew with the Micrometer listener (SimpleMeterRegistry) vs without listener",
        n -> adapter(plain, n), n -> adapter(observed, n));
    long timed = meters.get("dfx.client.requests").timer().count();
    if (timed < (long) (WARMUP_BLOCKS + BLOCKS) * CALLS - ADAPTER_FAILURES.sum()) {
      throw new IllegalStateException("the listener timed " + timed + " calls: fewer than were made");
    }
    return r;
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static Process startServer() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        FixedAnswerServer.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static final java.util.concurrent.atomic.LongAdder RAW_FAILURES = new java.util.concurrent.atomic.LongAdder();
  private static final java.util.concurrent.atomic.LongAdder ADAPTER_FAILURES = new java.util.concurrent.atomic.LongAdder();

  private static void raw(HttpClient client, URI uri, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      try {
        HttpResponse<byte[]> response = client.send(rawRequest(uri), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || parse(response.body(), "Token", "RefreshToken")[1] == null) {
          throw new IOException("unexpected answer " + response.statusCode());
        }
      } catch (IOException e) {
        // JDK 17's HttpClient sometimes loses a pooled loopback connection; counted, not fatal
        RAW_FAILURES.increment();
      }
    }
  }

  private static HttpRequest rawRequest(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("User-Agent", "raw").header("Authorization", "Bearer " + DEVICE_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(RENEW_BODY)).build();
  }

  private static void adapter(AuthsPort port, int n) {
    for (int i = 0; i < n; i++) {
      try {
        if (port.renew(CURRENT).refreshToken() == null) {
          throw new AssertionError();
        }
      } catch (io.github.dfxclient.core.DfxTransportException e) {
        ADAPTER_FAILURES.increment();
      }
    }
  }

  /** {@code n} calls with at most 256 in flight, all issued from this thread. */
  private static void rawAsync(HttpClient client, URI uri, int ignored) throws Exception {
    int[] n = {0};
    inFlight(() -> {
      // the same sampling as the adapter side, so that its cost is on both
      if (n[0]++ % 512 == 0) {
        libraryThreads();
      }
      return client.sendAsync(rawRequest(uri), HttpResponse.BodyHandlers.ofByteArray())
          .thenApply(r -> {
            try {
              return parse(r.body(), "Token", "RefreshToken");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    });
  }

  /** @return the most threads of the library ({@code dfx-*}) seen alive while calls were in flight */
  private static int adapterAsync(AsyncAuthsClient async, int ignored) throws Exception {
    int[] peak = {0};
    int[] n = {0};
    inFlight(() -> {
      if (n[0]++ % 512 == 0) {
        peak[0] = Math.max(peak[0], libraryThreads());
      }
      return async.renew(CURRENT);
    });
    return peak[0];
  }

  /** Counts live {@code dfx-*} threads without taking stack traces (no safepoint). */
  private static int libraryThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (threads[i].getName().startsWith("dfx-")) {
        count++;
      }
    }
    return count;
  }

  private static void inFlight(Supplier<CompletableFuture<?>> call) throws Exception {
    Semaphore window = new Semaphore(IN_FLIGHT);
    CompletableFuture<?>[] all = new CompletableFuture<?>[ASYNC_CALLS];
    for (int i = 0; i < ASYNC_CALLS; i++) {
      window.acquire();
      all[i] = call.get().whenComplete((v, f) -> {
        window.release();
        if (f != null) {
          (f.getCause() instanceof io.github.dfxclient.core.DfxException || f instanceof io.github.dfxclient.core.DfxException
              ? ADAPTER_FAILURES : RAW_FAILURES).increment();
        }
      });
    }
    CompletableFuture.allOf(all).handle((v, f) -> null).get(120, TimeUnit.SECONDS);
  }

  private static Result measure(String name, Side raw, Side adapter) throws Exception {
    System.err.println("measuring: " + name);
    for (int i = 0; i < WARMUP_BLOCKS; i++) {
      raw.run(CALLS);
      adapter.run(CALLS);
    }
    double[] rawCpu = new double[BLOCKS];
    double[] adapterCpu = new double[BLOCKS];
    double[] rawWall = new double[BLOCKS];
    double[] adapterWall = new double[BLOCKS];
    boolean async = name.contains("async");
    int per = async ? ASYNC_CALLS : CALLS;
    for (int b = 0; b < BLOCKS; b++) {
      // alternate which side goes first, so neither always meets a warmer machine
      boolean rawFirst = b % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean isRaw = (k == 0) == rawFirst;
        System.gc();
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        (isRaw ? raw : adapter).run(CALLS);
        double cpuUs = (OS.getProcessCpuTime() - cpu) / 1000.0 / per;
        double wallUs = (System.nanoTime() - wall) / 1000.0 / per;
        if (isRaw) {
          rawCpu[b] = cpuUs;
          rawWall[b] = wallUs;
        } else {
          adapterCpu[b] = cpuUs;
          adapterWall[b] = wallUs;
        }
      }
    }
    double[] cpuRatios = new double[BLOCKS];
    double[] wallRatios = new double[BLOCKS];
    for (int b = 0; b < BLOCKS; b++) {
      cpuRatios[b] = adapterCpu[b] / rawCpu[b];
      wallRatios[b] = adapterWall[b] / rawWall[b];
    }
    return new Result(name, median(rawCpu), median(adapterCpu), median(rawWall), median(adapterWall),
        median(cpuRatios), median(wallRatios));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static void print(List<Result> results, int asyncExtraThreads) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println();
    System.out.printf(Locale.ROOT, "Interleaved overhead | %d cores | Java %s | %d blocks x %d calls (async: %d calls, %d in flight)%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), BLOCKS, CALLS, ASYNC_CALLS, IN_FLIGHT);
    System.out.println("| comparison | raw CPU us/call | adapter CPU us/call | CPU ratio | raw wall us/call | adapter wall us/call | wall ratio |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.1f | %.1f | %.3f |%n", r.name(), r.rawCpuUs(),
          r.adapterCpuUs(), r.cpuRatio(), r.rawWallUs(), r.adapterWallUs(), r.wallRatio());
    }
    System.out.printf(Locale.ROOT, "failed exchanges (not timed out; JDK HttpClient on loopback): raw %d, adapter %d%n",
        RAW_FAILURES.sum(), ADAPTER_FAILURES.sum());
    results.stream().filter(r -> r.name().contains("async")).findFirst().ifPresent(async -> {
      System.out.printf(Locale.ROOT, "async throughput ratio (adapter/raw, calls per second): %.3f%n",
          1 / async.wallRatio());
      System.out.printf(Locale.ROOT, "library threads (dfx-*) alive while 256 renews were in flight: at most %d"
          + " (the deadline watchdog; no thread per call; live threads in the JVM now: %d)%n",
          asyncExtraThreads, threads.getThreadCount());
    });
  }
}
