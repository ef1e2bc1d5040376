package io.github.dfxclient.transport.jdk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
  static final String DEVICE_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXZpY2UifQ.ZGV2aWNlLXNpZ25hdHVyZQ";
  static final TokenPair CURRENT = new TokenPair(
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTcifQ.b2xkLXNpZ25hdHVyZQ", "rt-old-5f1c0a7e9b2d4c3a8e6f1029384756ab");
  static final LoginCodeRequest LOGIN = new LoginCodeRequest("+15555550123", "acme-health");
  private static final JsonFactory JSON = new JsonFactory();

  private HttpClient client;
  private JdkAuthsAdapter adapter;
  private URI renewUri;
  private URI codeUri;
  private byte[] renewBody;
  private byte[] loginBody;

  /** Exchanges that failed in this fork (16 threads on 2 cores sometimes meet a JDK HttpClient
   *  "connection closed" on loopback, raw and adapter alike); counted, reported at the end. */
  private static final java.util.concurrent.atomic.LongAdder FAILURES = new java.util.concurrent.atomic.LongAdder();

  static Object failed(Exception e) {
    FAILURES.increment();
    return e;
  }

  @org.openjdk.jmh.annotations.TearDown
  public void reportFailures() {
    if (FAILURES.sum() > 0) {
      System.out.println("failed exchanges in this benchmark: " + FAILURES.sum());
    }
  }

  @Setup
  public void setUp() {
    URI base = URI.create(System.getProperty("dfx.bench.baseUri"));
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    adapter = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> DEVICE_TOKEN).httpClient(client).build();
    renewUri = URI.create(base + "/auths/renew");
    codeUri = URI.create(base + "/auths/users/code");
    renewBody = ("{\"Token\":\"" + CURRENT.token() + "\",\"RefreshToken\":\"" + CURRENT.refreshToken() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    loginBody = ("{\"PhoneNumber\":\"" + LOGIN.phoneNumber() + "\",\"Identifier\":\"" + LOGIN.identifier() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
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

  /** The leanest Jackson parse: the named top-level fields as text. */
  static String[] parse(byte[] body, String... fields) throws IOException {
    String[] values = new String[fields.length];
    try (JsonParser p = JSON.createParser(body)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        for (int i = 0; i < fields.length; i++) {
          if (fields[i].equals(name)) {
            values[i] = p.getText();
          }
        }
        p.skipChildren();
      }
    }
    return values;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public String[] renew_1thread_raw() throws Exception {
    return raw("POST", renewUri, renewBody, "Token", "RefreshToken");
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
      return raw("POST", renewUri, renewBody, "Token", "RefreshToken");
    } catch (Exception e) {
      return failed(e);
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
      return failed(e);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public String[] loginCode_1thread_raw() throws Exception {
    return raw("PATCH", codeUri, loginBody, "success");
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
      return raw("PATCH", codeUri, loginBody, "success");
    } catch (Exception e) {
      return failed(e);
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
      return failed(e);
    }
  }
}
