package io.github.dfxclient.testkit.bench;

import java.util.Collection;
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
    try (FixedAnswerServer server = new FixedAnswerServer(4)) {
      Collection<RunResult> results = runJmh(server, include);
      System.out.println();
      System.out.println(title + " | " + Runtime.getRuntime().availableProcessors() + " cores | Java "
          + Runtime.version() + " | " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      RatioTable.print(results, System.out);
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
