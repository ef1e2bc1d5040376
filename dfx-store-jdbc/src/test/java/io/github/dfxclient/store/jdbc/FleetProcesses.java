package io.github.dfxclient.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link FleetWorker} JVMs (bound to loopback) and reads what they print. */
final class FleetProcesses {
  /** The password of the tests' H2 databases (the table holds credentials). */
  static final String H2_PASSWORD = "fleet-test-password";

  private FleetProcesses() {}

  /**
   * Issues the shared device pair so that it is due for a renew at once: issued an hour ago (its
   * {@code iat}), expiring in 30 s. The pairs renewals bring are normal one-hour pairs.
   */
  static TokenPair dueDevicePair(FakeAuthsBackend backend) {
    long now = Instant.now().getEpochSecond();
    backend.tokenPayload(FakeAuthsBackend.base64Url("{\"sub\":\"device\",\"iat\":" + (now - 3600) + ",\"exp\":"
        + (now + 30) + "}"));
    try {
      return backend.issuePair("device");
    } finally {
      backend.tokenPayload(null);
    }
  }

  static List<Process> start(int processes, String url, String dataSource, URI dfx, int threads, Duration lease)
      throws IOException {
    long startAt = System.currentTimeMillis() + 4_000;
    List<Process> list = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      list.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dh2.bindAddress=127.0.0.1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-Dorg.slf4j.simpleLogger.log.io.github.dfxclient=" + System.getProperty("dfx.fleet.log", "warn"),
          "-cp", System.getProperty("java.class.path"), FleetWorker.class.getName(), url, dataSource,
          dfx.toString(), Integer.toString(threads), Long.toString(startAt), Long.toString(lease.toMillis()))
          .redirectErrorStream(true).start());
    }
    return list;
  }

  /** @return everything the worker printed, once it exited (within 120 s) */
  static String output(Process p) throws Exception {
    StringBuilder out = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
      }
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out.toString();
  }

  /** @return the outputs of all workers, killing any left when something fails */
  static List<String> outputs(List<Process> fleet) throws Exception {
    List<String> outputs = new ArrayList<>();
    try {
      for (Process p : fleet) {
        outputs.add(output(p));
      }
    } finally {
      fleet.forEach(Process::destroyForcibly);
    }
    return outputs;
  }
}
