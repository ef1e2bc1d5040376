package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call the same way for every transport: attempts under the {@link DfxRetryPolicy}, one
 * DEBUG line per attempt on the logger {@code io.github.dfxclient.auths} (action ID, method, path,
 * status, attempt, duration; never a header or a body).
 */
public final class CallPipeline {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.auths");

  private final DfxRetryPolicy policy;

  /** @param policy the retry policy */
  public CallPipeline(DfxRetryPolicy policy) {
    if (policy == null) {
      throw new IllegalArgumentException("retryPolicy must not be null");
    }
    this.policy = policy;
  }

  /** @return the retry policy */
  public DfxRetryPolicy policy() {
    return policy;
  }

  /**
   * @param endpoint the endpoint
   * @param attempt one HTTP exchange; throws a {@code DfxException} on failure
   * @param <T> the answer type
   * @return the answer of the successful attempt
   */
  public <T> T run(DfxEndpoint endpoint, Supplier<Answer<T>> attempt) {
    int[] attempts = {0};
    return policy.execute(endpoint, () -> {
      int number = ++attempts[0];
      long start = System.nanoTime();
      try {
        Answer<T> answer = attempt.get();
        log(endpoint, Integer.toString(answer.status()), number, start);
        return answer.value();
      } catch (DfxApiException e) {
        log(endpoint, e.status() + " " + e.code(), number, start);
        throw e;
      } catch (DfxProtocolException e) {
        log(endpoint, e.status() + " (unusable answer)", number, start);
        throw e;
      } catch (DfxTransportException e) {
        log(endpoint, e.outcomeUnknown() ? "none (outcome unknown)" : "none (not sent)", number, start);
        throw e;
      }
    });
  }

  private static void log(DfxEndpoint endpoint, String status, int attempt, long startNanos) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("dfx action={} {} {} status={} attempt={} duration={}ms", endpoint.actionId(),
          endpoint.method(), endpoint.path(), status, attempt, (System.nanoTime() - startNanos) / 1_000_000);
    }
  }
}
