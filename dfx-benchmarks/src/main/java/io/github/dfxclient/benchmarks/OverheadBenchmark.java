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
 * vs raw {@code HttpClient.send} (Feign's own cost included), and vs a raw {@code Client.execute} of a
 * prebuilt {@code feign.Request} on the same feign-java11 client (what the engine and the transport
 * add to Feign); 256 renews in flight from one thread through the async JDK adapter vs raw {@code
 * sendAsync} on the same client (throughput), with the number of live threads the library added
 * while they waited; the JDK adapter with dfx-micrometer's observation listener on an {@code
 * ObservationRegistry} with a {@code DefaultMeterObservationHandler} over a {@code
 * SimpleMeterRegistry} (a timer, a long task timer per call) vs the same adapter without listener,
 * on the same client. Warm-up and blocks: see {@link Interleaved}. The argument ({@code
 * -Dbench.include=...} with the command above) picks rows: {@code jdk} or {@code listener} (each
 * with a control row of two identical adapters: the harness's own bias), {@code feign}; anything
 * else runs every row.
 */
public final class OverheadBenchmark {
  private static final int CALLS = Integer.getInteger("bench.calls", 1500);
  private static final int IN_FLIGHT = 256;
  private static final int ASYNC_CALLS = Integer.getInteger("bench.asyncCalls", 4096);

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private OverheadBenchmark() {}

  /**
   * @param args none, or {@code listener} for the listener row only
   * @throws Exception when the server cannot start or a call fails
   */
  public static void main(String[] args) throws Exception {
    Process server = startServer();
    try {
      URI base = URI.create(new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8)).readLine());
      List<Interleaved.Result> results = new ArrayList<>();
      HttpClient client = newClient();
      URI renewUri = URI.create(base + "/auths/renew");
      int[] extraThreads = {0};
      String rows = System.getProperty("bench.rows", args.length > 0 ? args[0] : "all");
      if (rows.equals("jdk")) {
        results.add(controlRow(base, client));
        AuthsPort jdk = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client).build();
        results.add(measure("JDK adapter renew vs raw HttpClient.send (same client)",
            () -> raw(client, renewUri, CALLS), () -> adapter(jdk, CALLS)));
        print(results, extraThreads[0]);
        return;
      }
      if (rows.equals("feign")) {
        feignRows(base, renewUri, results);
        print(results, extraThreads[0]);
        return;
      }
      if (rows.equals("listener")) {
        results.add(controlRow(base, client));
        results.add(listenerRow(base, client));
        print(results, extraThreads[0]);
        return;
      }

      AuthsPort jdk = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client).build();
      results.add(measure("JDK adapter renew vs raw HttpClient.send (same client)",
          () -> raw(client, renewUri, CALLS), () -> adapter(jdk, CALLS)));

      feignRows(base, renewUri, results);

      HttpClient asyncClient = newClient();
      AsyncAuthsClient async = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN)
          .httpClient(asyncClient).buildAsync();
      Interleaved.Result asyncResult = measure("256 async renews in flight, one caller thread: adapter vs raw sendAsync",
          () -> rawAsync(asyncClient, renewUri, CALLS), () -> extraThreads[0] = Math.max(extraThreads[0], adapterAsync(async, CALLS)));
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
   * The Feign adapter on its default client (feign-java11's {@code Http2Client} over an HTTP/1.1
   * {@code HttpClient}) against raw {@code HttpClient.send} (what Feign and the engine add
   * together), and against a raw {@code Client.execute} of a prebuilt {@code feign.Request} on the
   * same Feign client (what the engine and the transport add to Feign).
   */
  private static void feignRows(URI base, URI renewUri, List<Interleaved.Result> results) throws Exception {
    HttpClient rawForFeign = newClient();
    AuthsPort feign = FeignAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).build();
    results.add(measure("Feign adapter renew (default client) vs raw HttpClient.send",
        () -> raw(rawForFeign, renewUri, CALLS), () -> adapter(feign, CALLS)));
    feign.Client feignClient = new feign.http2client.Http2Client(newClient());
    AuthsPort sameClient = FeignAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN)
        .client(feignClient).build();
    results.add(measure("Feign adapter renew vs raw feign Client.execute (same Http2Client)",
        () -> rawFeign(feignClient, renewUri, CALLS), () -> adapter(sameClient, CALLS)));
  }

  private static final feign.Request.Options FEIGN_OPTIONS =
      new feign.Request.Options(5, TimeUnit.SECONDS, 15, TimeUnit.SECONDS, false);

  private static void rawFeign(feign.Client client, URI uri, int n) throws Exception {
    java.util.Map<String, java.util.Collection<String>> headers = java.util.Map.of(
        "Content-Type", List.of("application/json"), "Accept", List.of("application/json"),
        "User-Agent", List.of("raw"), "Authorization", List.of("Bearer " + DEVICE_TOKEN));
    String url = uri.toString();
    for (int i = 0; i < n; i++) {
      try (feign.Response response = client.execute(feign.Request.create(feign.Request.HttpMethod.POST, url,
          headers, RENEW_BODY, StandardCharsets.UTF_8, null), FEIGN_OPTIONS)) {
        byte[] body = response.body().asInputStream().readAllBytes();
        if (response.status() != 200 || parse(body, "Token", "RefreshToken")[1] == null) {
          throw new IOException("unexpected answer " + response.status());
        }
      } catch (IOException e) {
        RAW_FAILURES.increment();
      }
    }
  }

  /**
   * Two identical adapters without listener on one client: the harness's own bias between the two
   * sides of a row (its ratio should be 1).
   */
  private static Interleaved.Result controlRow(URI base, HttpClient client) throws Exception {
    AuthsPort first = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client)
        .build();
    AuthsPort second = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client)
        .build();
    return measure("control: JDK adapter renew vs an identical adapter (both without listener)",
        () -> adapter(first, CALLS), () -> adapter(second, CALLS));
  }

  /** The engine with the Micrometer observation listener (timers on a SimpleMeterRegistry) vs without. */
  private static Interleaved.Result listenerRow(URI base, HttpClient client) throws Exception {
    io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    io.micrometer.observation.ObservationRegistry observations = io.micrometer.observation.ObservationRegistry.create();
    observations.observationConfig().observationHandler(
        new io.micrometer.core.instrument.observation.DefaultMeterObservationHandler(meters));
    AuthsPort plain = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client)
        .build();
    AuthsPort observed = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client)
        .listener(new io.github.dfxclient.micrometer.DfxObservationListener(observations)).build();
    Interleaved.Result r = measure("JDK adapter renew with the Micrometer listener (SimpleMeterRegistry) vs without listener",
        () -> adapter(plain, CALLS), () -> adapter(observed, CALLS));
    long timed = meters.get("dfx.client.requests").timer().count();
    if (timed < (long) (r.warmupPairs() + Interleaved.BLOCKS) * CALLS - ADAPTER_FAILURES.sum()) {
      throw new IllegalStateException("the listener timed " + timed + " calls: fewer than were made");
    }
    return r;
  }

  /** Blocks of {@link #CALLS} calls (async rows: {@link #ASYNC_CALLS}) per side, interleaved. */
  private static Interleaved.Result measure(String name, Interleaved.Side raw, Interleaved.Side adapter) throws Exception {
    return Interleaved.measure(name, raw, adapter, name.contains("async") ? ASYNC_CALLS : CALLS);
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

  private static void print(List<Interleaved.Result> results, int asyncExtraThreads) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println();
    System.out.printf(Locale.ROOT, "Interleaved overhead | %d cores | Java %s | %d blocks x %d calls (async: %d calls, %d in flight)%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), Interleaved.BLOCKS, CALLS, ASYNC_CALLS, IN_FLIGHT);
    System.out.println("(a: raw, or the adapter without listener; b: the adapter)");
    System.out.println(Interleaved.HEADER);
    for (Interleaved.Result r : results) {
      System.out.println(r.row());
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
