package io.github.dfxclient.benchmarks;

import static io.github.dfxclient.benchmarks.Baseline.CURRENT;
import static io.github.dfxclient.benchmarks.Baseline.DEVICE_TOKEN;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.DfxHttpRequest;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.DfxTransport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's own cost per call, without I/O: a renew through the blocking and the async client over
 * a transport that answers at once with the renew answer's bytes, against what a raw client does
 * with the same bytes besides its I/O (a jackson-core parse of the answer's two fields). The
 * difference is what the engine adds to any transport: encoding, headers, credentials, the retry
 * wrapper, the deadline, the strict decode and the record's checks.
 *
 * <pre>
 * mvn -B -ntp -q -Pbench package -pl dfx-benchmarks -am "-Dbench.include=.*EngineBenchmark.*"
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@BenchmarkMode(Mode.AverageTime)
@Threads(1)
public class EngineBenchmark {
  private static final byte[] ANSWER = AuthsOperations.RENEW.answer().encode(FixedAnswerServer.ANSWER);
  private static final DfxHttpResponse RESPONSE = new DfxHttpResponse(200,
      Map.of("Content-Type", List.of("application/json")), ANSWER);

  /** Answers every request at once, on the caller's thread. */
  static final class ZeroCostTransport implements DfxTransport {
    @Override
    public DfxHttpResponse send(DfxHttpRequest request) {
      return RESPONSE;
    }

    @Override
    public String name() {
      return "zero-cost";
    }
  }

  /**
   * Answers later, as a socket does: the request's future is left pending and completed by the
   * benchmark after the call returned, so every stage of the engine's chain runs on a future that
   * completes after it was attached (as in place, where the socket's reading thread completes it).
   */
  static final class DeferredTransport implements DfxTransport {
    java.util.concurrent.CompletableFuture<DfxHttpResponse> pending;

    @Override
    public DfxHttpResponse send(DfxHttpRequest request) {
      return RESPONSE;
    }

    @Override
    public java.util.concurrent.CompletableFuture<DfxHttpResponse> sendAsync(DfxHttpRequest request) {
      pending = new java.util.concurrent.CompletableFuture<>();
      return pending;
    }

    @Override
    public String name() {
      return "deferred";
    }
  }

  private AuthsClient blocking;
  private AsyncAuthsClient async;
  private final DeferredTransport deferredTransport = new DeferredTransport();
  private AsyncAuthsClient deferred;

  @Setup
  public void setUp() {
    DfxClient client = DfxClient.builder().transport(new ZeroCostTransport())
        .baseUri(URI.create("http://127.0.0.1:9")).bearerToken(() -> DEVICE_TOKEN).build();
    blocking = new AuthsClient(client);
    async = new AsyncAuthsClient(client);
    deferred = new AsyncAuthsClient(DfxClient.builder().transport(deferredTransport)
        .baseUri(URI.create("http://127.0.0.1:9")).bearerToken(() -> DEVICE_TOKEN).build());
  }

  @Benchmark
  public String[] rawParse_1thread() throws Exception {
    return Baseline.parse(ANSWER, "Token", "RefreshToken");
  }

  @Benchmark
  public Object engineRenew_1thread() {
    return blocking.renew(CURRENT);
  }

  @Benchmark
  public Object engineRenewAsync_1thread() {
    return async.renew(CURRENT).join();
  }

  /** The async chain as it runs in place: the answer arrives after every stage was attached. */
  @Benchmark
  public Object engineRenewAsyncDeferred_1thread() {
    java.util.concurrent.CompletableFuture<?> answer = async(deferred);
    deferredTransport.pending.complete(RESPONSE);
    return answer.join();
  }

  private static java.util.concurrent.CompletableFuture<?> async(AsyncAuthsClient client) {
    return client.renew(CURRENT).whenComplete((v, f) -> { });
  }
}
