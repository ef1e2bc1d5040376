package io.github.dfxclient.benchmarks;

import io.github.dfxclient.core.DfxEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH benchmarks against a {@link FixedAnswerServer} started in this JVM (the benchmarks run in
 * a forked JVM and find it through {@code -Ddfx.bench.baseUri}), with the GC profiler for
 * allocation per operation, and prints the {@link RatioTable}.
 */
public final class LoopbackBench {
  private LoopbackBench() {}

  /**
   * @param title the table's heading
   * @param include JMH include pattern (regular expression on benchmark names)
   * @throws Exception when the server cannot start or JMH fails
   */
  public static void run(String title, String include) throws Exception {
    try (FixedAnswerServer server = new FixedAnswerServer()) {
      warmUp(server);
      Collection<RunResult> results = runJmh(server, include);
      System.out.println();
      System.out.println(title + " | " + Runtime.getRuntime().availableProcessors() + " cores | Java "
          + Runtime.version() + " | " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      RatioTable.print(results, System.out);
    }
  }

  /**
   * The server lives in this JVM: warm its JIT before the first benchmark, or the benchmarks that
   * run first would meet a slower server than the ones after them.
   */
  private static void warmUp(FixedAnswerServer server) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
    while (System.nanoTime() < until) {
      for (DfxEndpoint e : DfxEndpoint.values()) {
        if (e.path().indexOf('{') >= 0) {
          continue;   // a path template: the fixed-answer server serves only the plain paths
        }
        client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + e.path()))
            .method(e.method(), HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  private static Collection<RunResult> runJmh(FixedAnswerServer server, String include) throws RunnerException {
    return new Runner(new OptionsBuilder()
        .include(include)
        .jvmArgsAppend("-Ddfx.bench.baseUri=" + server.baseUri(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
        .addProfiler(GCProfiler.class)
        .build()).run();
  }
}
