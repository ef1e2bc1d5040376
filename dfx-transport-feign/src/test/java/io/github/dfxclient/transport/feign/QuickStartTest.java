package io.github.dfxclient.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Logger;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's Feign quick start, compiled and run against the fake DFX server; and shown verbatim. */
class QuickStartTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void quickStartRuns() {
    URI baseUri = DFX.baseUri();
    String deviceToken = DFX.backend().issuePair("device").token();
    TokenPair current = DFX.backend().issuePair("user-7");
    RetryRegistry registry = RetryRegistry.ofDefaults();

    // readme:feign-quickstart:start
    AuthsPort auths = FeignAuthsAdapter.builder()
        .baseUri(baseUri)
        .bearerToken(() -> deviceToken)
        .retryPolicy(DfxRetryPolicy.builder().retryRegistry(registry).build())  // your metrics
        .customize(feign -> feign.logLevel(Logger.Level.FULL))  // still no header or body in logs
        .build();

    TokenPair next = auths.renew(current);
    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));
    // readme:feign-quickstart:end

    assertThat(DFX.backend().isCurrent(next)).isTrue();
    assertThat(registry.retry("dfx-renew").getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt()).isEqualTo(1);
  }

  @Test
  void readmeShowsThisCode() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/io/github/dfxclient/transport/feign/QuickStartTest.java"));
    int start = lines.indexOf("    // readme:feign-quickstart:start");
    int end = lines.indexOf("    // readme:feign-quickstart:end");
    String snippet = lines.subList(start + 1, end).stream().map(l -> l.isBlank() ? "" : l.substring(4))
        .collect(Collectors.joining("\n"));

    assertThat(start).isPositive();
    assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
  }
}
