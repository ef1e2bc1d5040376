package io.github.dfxclient.transport.feign.bench;

import io.github.dfxclient.testkit.bench.LoopbackBench;

/** Runs this module's benchmarks (`mvn -B -ntp -q -Pbench package`) and prints the ratio table. */
public final class BenchMain {
  private BenchMain() {}

  /** @param args an optional JMH include pattern */
  public static void main(String[] args) throws Exception {
    LoopbackBench.run("dfx-transport-feign: FeignAuthsAdapter vs plain Feign",
        args.length > 0 ? args[0] : "io\\.github\\.dfxclient\\.transport\\.feign\\.bench\\..*");
  }
}
