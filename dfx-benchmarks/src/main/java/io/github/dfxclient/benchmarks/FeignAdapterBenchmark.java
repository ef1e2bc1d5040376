package io.github.dfxclient.benchmarks;

import feign.Client;
import feign.Feign;
import feign.Request;
import feign.RequestLine;
import feign.Retryer;
import feign.http2client.Http2Client;
import static io.github.dfxclient.benchmarks.Baseline.CURRENT;
import static io.github.dfxclient.benchmarks.Baseline.DEVICE_TOKEN;
import static io.github.dfxclient.benchmarks.Baseline.LOGIN;
import static io.github.dfxclient.benchmarks.Baseline.LOGIN_BODY;
import static io.github.dfxclient.benchmarks.Baseline.RENEW_BODY;
import static io.github.dfxclient.benchmarks.Baseline.parse;

import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.transport.feign.FeignAuthsAdapter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
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
 * {@link FeignAuthsAdapter} against a plain Feign interface doing the same call on the same {@link
 * feign.Client} (feign-java11 over one HttpClient), plus a Jackson parse of the answer.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 6, time = 1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FeignAdapterBenchmark {

  /** The plain Feign interface of the baseline. */
  public interface RawApi {
    @RequestLine("POST /auths/renew")
    byte[] renew(byte[] body);

    @RequestLine("PATCH /auths/users/code")
    byte[] loginCode(byte[] body);
  }

  private FeignAuthsAdapter adapter;
  private RawApi raw;

  @org.openjdk.jmh.annotations.TearDown
  public void reportFailures() {
    Baseline.reportFailures();
  }

  @Setup
  public void setUp() {
    String base = System.getProperty("dfx.bench.baseUri");
    Client client = new Http2Client(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build());
    adapter = FeignAuthsAdapter.builder().baseUri(java.net.URI.create(base)).bearerToken(() -> DEVICE_TOKEN)
        .client(client).build();
    raw = Feign.builder().client(client).retryer(Retryer.NEVER_RETRY)
        .options(new Request.Options(5, TimeUnit.SECONDS, 15, TimeUnit.SECONDS, false))
        .requestInterceptor(t -> t.header("Content-Type", "application/json").header("Accept", "application/json")
            .header("User-Agent", "raw").header("Authorization", "Bearer " + DEVICE_TOKEN))
        .target(RawApi.class, base);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public String[] renew_1thread_raw() throws Exception {
    return parse(raw.renew(RENEW_BODY), "Token", "RefreshToken");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public TokenPair renew_1thread_adapter() {
    return adapter.renew(CURRENT);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public Object renew_16threads_raw() {
    try {
      return parse(raw.renew(RENEW_BODY), "Token", "RefreshToken");
    } catch (Exception e) {
      return Baseline.failed(e);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public Object renew_16threads_adapter() {
    try {
      return adapter.renew(CURRENT);
    } catch (Exception e) {
      return Baseline.failed(e);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public String[] loginCode_1thread_raw() throws Exception {
    return parse(raw.loginCode(LOGIN_BODY), "success");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public LoginCodeSent loginCode_1thread_adapter() {
    return adapter.requestLoginCode(LOGIN);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public Object loginCode_16threads_raw() {
    try {
      return parse(raw.loginCode(LOGIN_BODY), "success");
    } catch (Exception e) {
      return Baseline.failed(e);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public Object loginCode_16threads_adapter() {
    try {
      return adapter.requestLoginCode(LOGIN);
    } catch (Exception e) {
      return Baseline.failed(e);
    }
  }
}
