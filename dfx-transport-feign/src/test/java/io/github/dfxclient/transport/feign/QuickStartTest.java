package io.github.dfxclient.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
    TokenPair devicePair = DFX.backend().issuePair("device");
    RetryRegistry registry = RetryRegistry.ofDefaults();

    // readme:feign-quickstart:start
    try (FeignAuthsAdapter http = FeignAuthsAdapter.builder()
        .baseUri(baseUri)
        .retryPolicy(DfxRetryPolicy.builder().retryRegistry(registry).build())   // your Resilience4j metrics
        .customize(feign -> feign.requestInterceptor(t -> t.header("X-Caller", "sign-in")))  // every request
        .build()) {
      TokenSession session = TokenSession.builder().auths(http).build();        // an InMemoryTokenStore
      session.set(TokenKind.DEVICE, devicePair);
      AuthsClient auths = http.withCredentials(session.credentials());
      auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));
    }
    // readme:feign-quickstart:end

    assertThat(DFX.backend().outbox()).hasSize(1);
    assertThat(DFX.server().journal()).singleElement().satisfies(r -> {
      assertThat(r.header("X-Caller")).isEqualTo("sign-in");
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + devicePair.token());
    });
    assertThat(registry.retry("dfx-request-login-code").getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt())
        .isEqualTo(1);
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
