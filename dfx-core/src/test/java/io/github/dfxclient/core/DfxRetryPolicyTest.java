package io.github.dfxclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry table of DESIGN.md, row by row, without any network. */
class DfxRetryPolicyTest {

  private static final DfxEndpoint E = DfxEndpoint.RENEW;

  private final DfxRetryPolicy policy = DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).jitter(0).build();

  private static DfxApiException api(int status, Duration retryAfter) {
    return new DfxApiException(E, status, "C", "m", retryAfter);
  }

  @Test
  void retriesOnlyWhatSurelyWasNotActedOn() {
    assertThat(policy.shouldRetry(new DfxTransportException(E, false, "refused", null))).isTrue();
    assertThat(policy.shouldRetry(new DfxTransportException(E, true, "reset", null))).isFalse();
    assertThat(policy.shouldRetry(api(429, null))).isTrue();
    assertThat(policy.shouldRetry(api(503, null))).isTrue();
    assertThat(policy.shouldRetry(api(503, Duration.ofSeconds(10)))).isTrue();
    assertThat(policy.shouldRetry(api(429, Duration.ofSeconds(11)))).isFalse();
    assertThat(policy.shouldRetry(new DfxProtocolException(E, 200, "bad"))).isFalse();
    assertThat(policy.shouldRetry(new IllegalArgumentException("x"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 500, 502, 504})
  void neverRetriesOtherStatuses(int status) {
    assertThat(policy.shouldRetry(api(status, null))).isFalse();
  }

  @Test
  void stopsAfterMaxAttemptsAndRethrowsLast() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(() -> policy.execute(E, () -> {
      calls.incrementAndGet();
      throw api(503, null);
    })).isInstanceOf(DfxApiException.class);

    assertThat(calls).hasValue(3);
  }

  @Test
  void stopsAtOnceOnNonRetryable() {
    AtomicInteger calls = new AtomicInteger();
    DfxEndpoint message = DfxEndpoint.REQUEST_LOGIN_CODE;

    assertThatThrownBy(() -> policy.execute(message, () -> {
      calls.incrementAndGet();
      throw new DfxTransportException(message, true, "reset", null);
    })).isInstanceOf(DfxTransportException.class);

    assertThat(calls).hasValue(1);
  }

  /** The DESIGN table: renew and the GET are sent again after "maybe acted"; messages never. */
  @Test
  void resendsAfterMaybeActedOnlyWhereTheCatalogueAllowsIt() {
    for (DfxEndpoint endpoint : DfxEndpoint.values()) {
      AtomicInteger calls = new AtomicInteger();
      assertThatThrownBy(() -> policy.execute(endpoint, () -> {
        calls.incrementAndGet();
        throw new DfxTransportException(endpoint, true, "reset", null);
      })).isInstanceOf(DfxTransportException.class);

      boolean resend = endpoint == DfxEndpoint.RENEW || endpoint == DfxEndpoint.ORG_CLIENT_CREDENTIALS;
      assertThat(calls).as("%s", endpoint).hasValue(resend ? 3 : 1);
    }
  }

  @Test
  void backsOffExponentiallyWithoutJitterWhenAskedTo() {
    DfxRetryPolicy slow = DfxRetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(100))
        .backoffMultiplier(2).jitter(0).build();
    List<Long> times = new ArrayList<>();

    assertThatThrownBy(() -> slow.execute(E, () -> {
      times.add(System.nanoTime());
      throw new DfxTransportException(E, false, "refused", null);
    })).isInstanceOf(DfxTransportException.class);

    assertThat((times.get(1) - times.get(0)) / 1_000_000).isBetween(95L, 1_000L);
    assertThat((times.get(2) - times.get(1)) / 1_000_000).isBetween(195L, 1_500L);
  }

  @Test
  void publishesToTheApplicationsRegistry() {
    RetryRegistry registry = RetryRegistry.ofDefaults();
    DfxRetryPolicy p = DfxRetryPolicy.builder().retryRegistry(registry).name("myapp").initialBackoff(Duration.ofMillis(1)).build();
    AtomicInteger calls = new AtomicInteger();

    String result = p.execute(DfxEndpoint.REQUEST_LOGIN_CODE, () -> {
      if (calls.incrementAndGet() < 2) {
        throw api(429, Duration.ZERO);
      }
      return "ok";
    });

    assertThat(result).isEqualTo("ok");
    assertThat(registry.getAllRetries()).extracting(r -> r.getName())
        .contains("myapp-renew", "myapp-request-login-code", "myapp-request-reset-password-link");
    assertThat(registry.retry("myapp-request-login-code").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
        .isEqualTo(1);
  }

  @Test
  void refusesNonsenseSettings() {
    assertThatThrownBy(() -> DfxRetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> DfxRetryPolicy.builder().initialBackoff(Duration.ZERO)).hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> DfxRetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> DfxRetryPolicy.builder().maxRetryAfter(null)).hasMessageContaining("maxRetryAfter");
    assertThatThrownBy(() -> DfxRetryPolicy.builder().retryRegistry(null)).hasMessageContaining("retryRegistry");
  }
}
