package io.github.dfxclient.benchmarks;

import static io.github.dfxclient.benchmarks.Baseline.CURRENT;
import static io.github.dfxclient.benchmarks.Baseline.DEVICE_TOKEN;
import static io.github.dfxclient.benchmarks.Baseline.LOGIN;
import static io.github.dfxclient.benchmarks.Baseline.LOGIN_BODY;
import static io.github.dfxclient.benchmarks.Baseline.RENEW_BODY;
import static io.github.dfxclient.benchmarks.Baseline.parse;

import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * {@link JdkAuthsAdapter} against a raw {@link HttpClient} doing the same request (same client
 * instance, same headers, same bytes) plus a Jackson parse of the answer, on the same loopback
 * server ({@code -Ddfx.bench.baseUri}), in one run.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 6, time = 1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JdkAdapterBenchmark {

  private HttpClient client;
  private JdkAuthsAdapter adapter;
  private URI renewUri;
  private URI codeUri;

  @org.openjdk.jmh.annotations.TearDown
  public void reportFailures() {
    Baseline.reportFailures();
  }

  @Setup
  public void setUp() {
    URI base = URI.create(System.getProperty("dfx.bench.baseUri"));
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    adapter = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client).build();
    renewUri = URI.create(base + "/auths/renew");
    codeUri = URI.create(base + "/auths/users/code");
  }

  private String[] raw(String method, URI uri, byte[] body, String... fields) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("User-Agent", "raw").header("Authorization", "Bearer " + DEVICE_TOKEN)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("status " + response.statusCode());
    }
    return parse(response.body(), fields);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public String[] renew_1thread_raw() throws Exception {
    return raw("POST", renewUri, RENEW_BODY, "Token", "RefreshToken");
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
      return raw("POST", renewUri, RENEW_BODY, "Token", "RefreshToken");
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
    return raw("PATCH", codeUri, LOGIN_BODY, "success");
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
      return raw("PATCH", codeUri, LOGIN_BODY, "success");
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
