package io.github.dfxclient.benchmarks;

/**
 * Runs the JMH benchmarks of both adapters and the session against a loopback {@link
 * FixedAnswerServer} and prints the ratio table ({@code mvn -B -ntp -q -Pbench package}).
 */
public final class BenchMain {
  private BenchMain() {}

  /**
   * @param args an optional JMH include pattern
   * @throws Exception when the server cannot start or JMH fails
   */
  public static void main(String[] args) throws Exception {
    LoopbackBench.run("dfx-java: adapters vs raw clients; TokenSession",
        args.length > 0 ? args[0] : "io\\.github\\.dfxclient\\.benchmarks\\..*Benchmark.*");
  }
}
