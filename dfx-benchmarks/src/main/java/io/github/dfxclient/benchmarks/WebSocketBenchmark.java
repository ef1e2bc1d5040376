package io.github.dfxclient.benchmarks;

import static io.github.dfxclient.benchmarks.Baseline.CURRENT;
import static io.github.dfxclient.benchmarks.Baseline.DEVICE_TOKEN;
import static io.github.dfxclient.benchmarks.Baseline.RENEW_BODY;
import static io.github.dfxclient.benchmarks.Baseline.parse;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.transport.jdk.JdkHttpTransport;
import io.github.dfxclient.transport.websocket.WebSocketTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The WebSocket transport, measured as {@link OverheadBenchmark} measures the HTTP ones: blocks of
 * the two sides of a row alternate in one JVM, from one caller thread keeping 64 renews in flight,
 * against one {@link FixedAnswerServer} in a <em>separate</em> process (HTTP and WebSocket on one
 * port); per block the process CPU time and the wall time per call; the median over blocks, and the
 * median of the per-block ratios.
 *
 * <pre>
 * mvn -B -ntp -q -Pbench package -pl dfx-benchmarks -am -Dbench.mainClass=io.github.dfxclient.benchmarks.WebSocketBenchmark
 * </pre>
 *
 * Rows: the WebSocket transport (one socket) vs the JDK HTTP transport (its HttpClient's HTTP/1.1
 * pool), both under {@code AsyncAuthsClient}: throughput ratio and the connections each used (the
 * server counts them); and the WebSocket transport vs a raw {@code java.net.http.WebSocket} client
 * sending the same frames on one socket and matching answers by request ID (CPU per call; target
 * at most 1.10); and the same raw client vs the transport alone (the engine's request handed to
 * {@code sendAsync}). Warm-up and blocks: see {@link Interleaved}.
 *
 * <p>{@code -Dbench.include="engine-row 5"} measures the row of the target (raw client vs the
 * transport under the engine) 5 times in one JVM and prints their median.
 *
 * <p>For a profiler, {@code -Dbench.include="only raw"} (or {@code "only bare"}, {@code "only
 * engine"}) runs one side alone and prints its CPU per call and the JIT time inside its blocks.
 */
public final class WebSocketBenchmark {
  /** Calls per block of the row against HTTP (whose calls cost 20 times more). */
  private static final int HTTP_CALLS = Integer.getInteger("bench.httpCalls", 4096);
  /**
   * Calls per block of the rows against the raw client: process CPU time moves in 10 ms steps on
   * Linux, so a block must take well over 100 ms for its CPU per call to be read to a few percent.
   */
  private static final int CALLS = Integer.getInteger("bench.calls", 16384);
  private static final int IN_FLIGHT = 64;
  private static final LongAdder FAILURES = new LongAdder();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private WebSocketBenchmark() {}


  /**
   * @param args none
   * @throws Exception when the server cannot start or a call fails
   */
  public static void main(String[] args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        FixedAnswerServer.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      URI base = URI.create(new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8)).readLine());
      double load = OS.getSystemLoadAverage();

      DfxTransport http = JdkHttpTransport.builder().build();
      AsyncAuthsClient overHttp = new AsyncAuthsClient(DfxClient.builder().transport(http).baseUri(base)
          .bearerToken(() -> DEVICE_TOKEN).build());
      DfxTransport ws = WebSocketTransport.builder().build();
      AsyncAuthsClient overWs = new AsyncAuthsClient(DfxClient.builder().transport(ws).baseUri(base)
          .bearerToken(() -> DEVICE_TOKEN).build());
      if (args.length == 1) {
        args = args[0].trim().split("\\s+");   // "-Dbench.include=only raw" arrives as one argument
      }
      if (args.length > 1 && args[0].equals("only")) {
        // one side alone, for a profiler: raw, bare (the transport alone) or engine
        RawSocket raw = new RawSocket(URI.create("ws://" + base.getRawAuthority()));
        URI renewUri = URI.create(base + "/auths/renew");
        Interleaved.Side side = switch (args[1]) {
          case "raw" -> () -> inFlight(raw::renew);
          case "bare" -> () -> inFlight(() -> bare(ws, renewUri));
          case "engine" -> () -> inFlight(() -> overWs.renew(CURRENT));
          default -> throw new IllegalArgumentException("only takes raw, bare or engine, not " + args[1]);
        };
        Interleaved.warmUp(side);
        System.err.println("measuring");
        long jitMillis = Interleaved.jitMillis();
        java.util.Map<String, Long> threadsBefore = threadCpu();
        long switches = contextSwitches();
        long allocated = allocatedBytes();
        long cpu = OS.getProcessCpuTime();
        for (int i = 0; i < Interleaved.BLOCKS; i++) {
          side.run();
        }
        long calls = (long) Interleaved.BLOCKS * CALLS;
        System.out.printf(Locale.ROOT, "%s alone: CPU %.2f us/call; JIT compiling during the blocks: %d ms%n", args[1],
            (OS.getProcessCpuTime() - cpu) / 1000.0 / calls, Interleaved.jitMillis() - jitMillis);
        System.out.printf(Locale.ROOT, "  context switches of the process's threads: %.2f per call; allocated: %.0f bytes"
            + " per call%n", (contextSwitches() - switches) / (double) calls, (allocatedBytes() - allocated) / (double) calls);
        // where the CPU went, by thread (threads alive before and after the blocks)
        threadCpu().forEach((name, nanos) -> {
          long spent = nanos - threadsBefore.getOrDefault(name, 0L);
          if (spent * 100 > (OS.getProcessCpuTime() - cpu)) {
            System.out.printf(Locale.ROOT, "  thread %-40s %.2f us/call%n", name, spent / 1000.0 / calls);
          }
        });
        raw.close();
        ws.close();
        http.close();
        return;
      }
      if (args.length > 0 && args[0].equals("engine-row")) {
        // the row of the target only, measured again and again in one JVM: its spread between runs
        int times = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        RawSocket raw = new RawSocket(URI.create("ws://" + base.getRawAuthority()));
        java.util.List<Interleaved.Result> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= times; i++) {
          rows.add(Interleaved.measure("64 renews in flight: raw java.net.http.WebSocket (a) vs WebSocket transport (b),"
              + " measurement " + i, () -> inFlight(raw::renew), () -> inFlight(() -> overWs.renew(CURRENT)), CALLS));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "WebSocket benchmark, the engine row %d times | %d cores | Java %s | load average at"
            + " start %.2f | %d blocks x %d calls, %d in flight, one caller thread%n", times,
            Runtime.getRuntime().availableProcessors(), Runtime.version(), load, Interleaved.BLOCKS, CALLS, IN_FLIGHT);
        System.out.println(Interleaved.HEADER);
        double[] ratios = new double[rows.size()];
        for (int i = 0; i < ratios.length; i++) {
          System.out.println(rows.get(i).row());
          ratios[i] = rows.get(i).cpuRatio();
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "median CPU ratio of the %d measurements: %.3f; failed calls: %d; load average at"
            + " the end %.2f%n", ratios.length, ratios[ratios.length / 2], FAILURES.sum(), OS.getSystemLoadAverage());
        raw.close();
        ws.close();
        http.close();
        return;
      }
      int[] before = stats(base);
      Interleaved.Result throughput = Interleaved.measure("64 renews in flight: JDK HTTP transport (a) vs WebSocket transport (b)",
          () -> inFlight(() -> overHttp.renew(CURRENT), HTTP_CALLS), () -> inFlight(() -> overWs.renew(CURRENT), HTTP_CALLS),
          HTTP_CALLS);
      int[] after = stats(base);

      RawSocket raw = new RawSocket(URI.create("ws://" + base.getRawAuthority()));
      Interleaved.Result overhead = Interleaved.measure("64 renews in flight: raw java.net.http.WebSocket (a) vs WebSocket transport (b)",
          () -> inFlight(raw::renew), () -> inFlight(() -> overWs.renew(CURRENT)), CALLS);

      URI renewUri = URI.create(base + "/auths/renew");
      Interleaved.Result transportOnly = Interleaved.measure("64 renews in flight: raw java.net.http.WebSocket (a) vs the WebSocket transport"
          + " alone, without the engine (b)", () -> inFlight(raw::renew), () -> inFlight(() -> bare(ws, renewUri)), CALLS);

      System.out.println();
      System.out.printf(Locale.ROOT, "WebSocket benchmark | %d cores | Java %s | load average at start %.2f |"
          + " %d blocks x %d calls (against HTTP: %d), %d in flight, one caller thread%n",
          Runtime.getRuntime().availableProcessors(), Runtime.version(), load, Interleaved.BLOCKS, CALLS, HTTP_CALLS, IN_FLIGHT);
      System.out.println(Interleaved.HEADER);
      for (Interleaved.Result r : new Interleaved.Result[] {throughput, overhead, transportOnly}) {
        System.out.println(r.row());
      }
      System.out.printf(Locale.ROOT, "throughput ratio (WebSocket / HTTP, calls per second): %.3f%n",
          1 / throughput.wallRatio());
      System.out.printf(Locale.ROOT, "connections the server accepted during the first row: HTTP %d, WebSocket %d%n",
          after[0] - before[0] - 1, after[1] - before[1]);
      System.out.printf(Locale.ROOT, "failed calls: %d; load average at the end %.2f%n", FAILURES.sum(),
          OS.getSystemLoadAverage());
      ws.close();
      http.close();
      raw.close();
    } finally {
      server.getOutputStream().close();
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static final java.util.Map<String, String> HEADERS = java.util.Map.of("Content-Type", "application/json",
      "Accept", "application/json", "User-Agent", "bench", "Authorization", "Bearer " + DEVICE_TOKEN);

  /**
   * The transport's own share: the request the engine would form, handed to the transport directly,
   * and the answer's two fields parsed as the raw side parses them (no engine, no codec, no retry).
   */
  private static CompletableFuture<String[]> bare(DfxTransport ws, URI renewUri) {
    io.github.dfxclient.core.spi.DfxHttpRequest request = new io.github.dfxclient.core.spi.DfxHttpRequest("POST",
        renewUri, HEADERS, RENEW_BODY, System.nanoTime() + 15_000_000_000L, 65536,
        io.github.dfxclient.auths.AuthsOperations.RENEW, java.util.Map.of(), java.util.Map.of());
    return ws.sendAsync(request).thenApply(r -> {
      try {
        return parse(r.body(), "Token", "RefreshToken");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** @return the bytes the live Java threads allocated so far */
  private static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long n = 0;
    for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      n += Math.max(b, 0);
    }
    return n;
  }

  /** @return the voluntary and involuntary context switches of this process's threads so far (Linux; else 0) */
  private static long contextSwitches() {
    long n = 0;
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return 0;
    }
    for (java.io.File task : tasks) {
      try {
        for (String line : java.nio.file.Files.readAllLines(task.toPath().resolve("status"))) {
          if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
            n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
          }
        }
      } catch (IOException | RuntimeException gone) {
        // the thread ended meanwhile
      }
    }
    return n;
  }

  /** @return CPU time of every live thread, by name and ID */
  private static java.util.Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> cpu = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null) {
        long nanos = threads.getThreadCpuTime(t.getThreadId());
        if (nanos > 0) {
          cpu.put(t.getThreadName() + "#" + t.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }

  /** @return connections the server accepted so far: HTTP (this query's included), WebSocket */
  private static int[] stats(URI base) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String body = client.send(HttpRequest.newBuilder(URI.create(base + "/__stats")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String[] v = parse(body.getBytes(StandardCharsets.UTF_8), "http", "ws");
    return new int[] {Integer.parseInt(v[0]), Integer.parseInt(v[1])};
  }

  /** {@link #CALLS} calls with at most {@link #IN_FLIGHT} in flight, all issued from this thread. */
  private static void inFlight(Supplier<CompletableFuture<?>> call) throws Exception {
    inFlight(call, CALLS);
  }

  private static void inFlight(Supplier<CompletableFuture<?>> call, int calls) throws Exception {
    Semaphore window = new Semaphore(IN_FLIGHT);
    CompletableFuture<?>[] all = new CompletableFuture<?>[calls];
    for (int i = 0; i < calls; i++) {
      window.acquire();
      all[i] = call.get().whenComplete((v, f) -> {
        window.release();
        if (f != null) {
          FAILURES.increment();
        }
      });
    }
    CompletableFuture.allOf(all).handle((v, f) -> null).get(120, TimeUnit.SECONDS);
  }

  /**
   * The raw baseline: one {@code java.net.http.WebSocket}, the same request frames (action ID,
   * request ID, the renew JSON), one write at a time (the JDK's rule), answers matched by request ID
   * and their two fields parsed with jackson-core, as the raw HTTP baselines do.
   */
  static final class RawSocket implements WebSocket.Listener {
    private static final byte[] LETTERS =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    private final HttpClient client = HttpClient.newHttpClient();
    private final WebSocket socket;
    private final ConcurrentHashMap<String, CompletableFuture<String[]>> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();

    RawSocket(URI uri) {
      socket = client.newWebSocketBuilder().header("Authorization", "Bearer " + DEVICE_TOKEN).subprotocols("json")
          .connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, this).join();
    }

    CompletableFuture<String[]> renew() {
      byte[] frame = new byte[14 + RENEW_BODY.length];
      frame[0] = '2';
      frame[1] = '3';
      frame[2] = '0';
      frame[3] = '4';
      System.arraycopy(frame, 0, frame, 4, 4);
      long n = sequence.getAndIncrement();
      for (int i = 13; i >= 8; i--) {
        frame[i] = LETTERS[(int) (n % 52)];
        n /= 52;
      }
      System.arraycopy(RENEW_BODY, 0, frame, 14, RENEW_BODY.length);
      CompletableFuture<String[]> answer = new CompletableFuture<>();
      pending.put(new String(frame, 4, 10, StandardCharsets.ISO_8859_1), answer);
      queue.add(frame);
      drain();
      return answer;
    }

    private void drain() {
      while (sending.compareAndSet(false, true)) {
        byte[] next = queue.poll();
        if (next == null) {
          sending.set(false);
          if (queue.isEmpty()) {
            return;
          }
          continue;
        }
        CompletableFuture<WebSocket> write = socket.sendBinary(ByteBuffer.wrap(next), true);
        if (write.isDone()) {
          sending.set(false);
          continue;
        }
        write.whenComplete((w, f) -> {
          sending.set(false);
          drain();
        });
        return;
      }
    }

    /** The parts of a message the JDK delivered so far (a frame split across reads comes in parts). */
    private byte[] part;

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      if (part != null) {
        byte[] joined = Arrays.copyOf(part, part.length + b.length);
        System.arraycopy(b, 0, joined, part.length, b.length);
        b = joined;
        part = null;
      }
      if (!last) {
        part = b;
        webSocket.request(1);
        return null;
      }
      CompletableFuture<String[]> answer = pending.remove(new String(b, 0, 10, StandardCharsets.ISO_8859_1));
      if (answer != null) {
        try {
          String[] pair = parse(Arrays.copyOfRange(b, 13, b.length), "Token", "RefreshToken");
          if (b[10] != '2' || pair[1] == null) {
            throw new IOException("unexpected answer");
          }
          answer.complete(pair);
        } catch (IOException e) {
          answer.completeExceptionally(e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      failAll(new IOException("closed by the server: " + statusCode));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      failAll(error);
    }

    private void failAll(Throwable t) {
      System.err.println("raw WebSocket ended: " + t);
      pending.values().forEach(f -> f.completeExceptionally(t));
    }

    void close() {
      socket.abort();
    }
  }
}
