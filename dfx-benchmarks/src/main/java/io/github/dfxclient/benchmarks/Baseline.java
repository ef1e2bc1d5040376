package io.github.dfxclient.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the benchmarks' raw baselines send and how they read the answer, shared by the transports:
 * the request bodies written out by hand (no library code on the baseline's path) and the leanest
 * jackson-core parse of the answer's fields.
 */
public final class Baseline {
  /** The bearer token every benchmark sends. */
  public static final String DEVICE_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXZpY2UifQ.ZGV2aWNlLXNpZ25hdHVyZQ";
  /** The pair every renew sends. */
  public static final TokenPair CURRENT = new TokenPair(
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTcifQ.b2xkLXNpZ25hdHVyZQ", "rt-old-5f1c0a7e9b2d4c3a8e6f1029384756ab");
  /** The login-code request every benchmark sends. */
  public static final LoginCodeRequest LOGIN = new LoginCodeRequest("+15555550123", "acme-health");
  /** {@link #CURRENT} as renew's JSON body. */
  public static final byte[] RENEW_BODY = ("{\"Token\":\"" + CURRENT.token() + "\",\"RefreshToken\":\""
      + CURRENT.refreshToken() + "\"}").getBytes(StandardCharsets.UTF_8);
  /** {@link #LOGIN} as the login-code JSON body. */
  public static final byte[] LOGIN_BODY = ("{\"PhoneNumber\":\"" + LOGIN.phoneNumber() + "\",\"Identifier\":\""
      + LOGIN.identifier() + "\"}").getBytes(StandardCharsets.UTF_8);

  private static final JsonFactory JSON = new JsonFactory();
  private static final LongAdder FAILURES = new LongAdder();

  private Baseline() {}

  /**
   * Counts an exchange that failed in a multi-threaded benchmark instead of aborting it: 16 threads
   * on 2 cores sometimes meet a JDK HttpClient "connection closed" on loopback, raw and adapter
   * alike. Each benchmark runs in its own fork, so the count is per benchmark.
   *
   * @param e the failure
   * @return {@code e}, for the benchmark to return
   */
  public static Object failed(Exception e) {
    FAILURES.increment();
    return e;
  }

  /** Prints how many exchanges failed in this fork, if any; call it from a {@code @TearDown}. */
  public static void reportFailures() {
    if (FAILURES.sum() > 0) {
      System.out.println("failed exchanges in this benchmark: " + FAILURES.sum());
    }
  }

  /**
   * @param body a JSON object
   * @param fields the top-level fields wanted
   * @return their values as text, {@code null} where absent
   * @throws IOException when the body is not JSON
   */
  public static String[] parse(byte[] body, String... fields) throws IOException {
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
}
