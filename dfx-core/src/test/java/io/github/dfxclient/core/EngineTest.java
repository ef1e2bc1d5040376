package io.github.dfxclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.spi.DfxHttpRequest;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.core.spi.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's rules, once, against a scripted in-memory transport: headers, credentials per
 * attempt, the retry table for operations that may and may not be sent again, failure
 * classification, interruption, the 401 hook, and the non-blocking path.
 */
class EngineTest {

  /** A message-like operation: POST with a body, never sent again after it may have arrived. */
  static final DfxCodec<String> TEXT = new DfxCodec<>() {
    @Override
    public byte[] encode(String value) {
      return ("{\"v\":\"" + value + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] json) {
      String s = new String(json, StandardCharsets.UTF_8);
      if (!s.startsWith("{\"v\":\"")) {
        throw new IllegalArgumentException("lacks \"v\"");
      }
      return s.substring(6, s.length() - 2);
    }
  };

  static final DfxOperation<String, String> SEND = DfxOperation.<String, String>builder(9001, "POST", "/send")
      .requestBody(TEXT).answer(TEXT).credential(Credential.DEVICE).build();
  static final DfxOperation<String, String> READ = DfxOperation.<String, String>builder(9002, "GET", "/read/{id}")
      .argument("id").pathParameters(List::of, v -> v.get(0)).answer(TEXT).credential(Credential.USER)
      .resendAfterMaybeActed(true).build();
  static final DfxOperation<String, String> PUBLIC = DfxOperation.<String, String>builder(9003, "GET", "/public/{id}")
      .pathParameters(List::of, v -> v.get(0)).answer(TEXT).credential(Credential.NONE).build();

  /** Plays a script: each entry answers one request (a response) or fails it (an exception). */
  static class Scripted implements DfxTransport {
    final Deque<Object> script = new ArrayDeque<>();
    final List<DfxHttpRequest> sent = new ArrayList<>();

    Scripted then(Object step) {
      script.add(step);
      return this;
    }

    Scripted ok(String value) {
      return then(new DfxHttpResponse(200, Map.of("Content-Type", List.of("application/json; charset=utf-8")),
          TEXT.encode(value)));
    }

    Scripted status(int status) {
      return status(status, status == 401 ? "INVALID_TOKEN" : "E");
    }

    Scripted status(int status, String code) {
      byte[] body = code == null ? "<html>Unauthorized</html>".getBytes(StandardCharsets.UTF_8)
          : ("{\"Code\":\"" + code + "\",\"Message\":\"m\"}").getBytes(StandardCharsets.UTF_8);
      return then(new DfxHttpResponse(status, Map.of(), body));
    }

    @Override
    public synchronized DfxHttpResponse send(DfxHttpRequest request) throws IOException {
      sent.add(request);
      Object step = script.poll();
      if (step instanceof IOException e) {
        throw e;
      }
      if (step == null) {
        throw new AssertionError("unexpected request " + request);
      }
      return (DfxHttpResponse) step;
    }

    @Override
    public String name() {
      return "scripted";
    }
  }

  private final Scripted transport = new Scripted();
  private final AtomicInteger tokenAsks = new AtomicInteger();

  private DfxClient client() {
    return client(kind -> kind.name().toLowerCase() + "-token-" + tokenAsks.incrementAndGet());
  }

  private DfxClient client(DfxCredentials credentials) {
    return DfxClient.create(transport, new ClientSettings()
        .baseUri(URI.create("http://127.0.0.1:9"))
        .credentials(credentials)
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).jitter(0).build()));
  }

  @Test
  void formsHeadersWithTheTokenOfTheOperationsCredentialAskedPerAttempt() {
    transport.then(new ConnectException("refused")).ok("a").ok("b").ok("c");
    DfxClient client = client();

    assertThat(client.call(SEND, "x")).isEqualTo("a");
    assertThat(client.call(READ, "id 1/2")).isEqualTo("b");
    assertThat(client.call(PUBLIC, "p")).isEqualTo("c");

    DfxHttpRequest first = transport.sent.get(0);
    DfxHttpRequest retried = transport.sent.get(1);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.uri()).isEqualTo(URI.create("http://127.0.0.1:9/send"));
    assertThat(first.headers()).containsEntry("Content-Type", "application/json")
        .containsEntry("Accept", "application/json").containsEntry("Authorization", "Bearer device-token-1");
    assertThat(first.headers().get("User-Agent")).matches("dfx-java/\\S+ \\(scripted; Java \\d+\\)");
    assertThat(retried.headers()).containsEntry("Authorization", "Bearer device-token-2");
    assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":\"x\"}");
    DfxHttpRequest get = transport.sent.get(2);
    assertThat(get.uri().getRawPath()).isEqualTo("/read/id%201%2F2");
    assertThat(get.body()).isNull();
    assertThat(get.headers()).doesNotContainKey("Content-Type").containsEntry("Authorization", "Bearer user-token-3");
    assertThat(transport.sent.get(3).headers()).doesNotContainKey("Authorization");
    assertThat(first.maxAnswerBytes()).isEqualTo(ClientSettings.DEFAULT_MAX_ANSWER_BYTES);
  }

  /** The retry table: what happened, then for SEND (never re-sent after it may have arrived) and READ (a GET). */
  @ParameterizedTest
  @CsvSource({
      "refused, 2, 2",
      "notSent, 2, 2",
      "maybeSent, 1, 2",
      "reset, 1, 2",
      "503, 2, 2",
      "429, 2, 2",
      "500, 1, 2",
      "502, 1, 2",
      "504, 1, 2",
      "400, 1, 1",
      "401, 1, 1",
      "404, 1, 1",
      "tooLarge, 1, 1"})
  void followsTheRetryTable(String failure, int sendRequests, int readRequests) {
    for (DfxOperation<String, String> op : List.of(SEND, READ)) {
      Scripted t = new Scripted();
      t.then(step(failure)).ok("done");
      DfxClient client = DfxClient.create(t, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9"))
          .bearerToken(() -> "device-token")
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).jitter(0).build()));
      try {
        client.call(op, "x");
      } catch (DfxException expected) {
        // the row says whether it surfaces
      }
      assertThat(t.sent).as("%s on %s", failure, op).hasSize(op == SEND ? sendRequests : readRequests);
    }
  }

  private static Object step(String failure) {
    switch (failure) {
      case "refused":
        return new ConnectException("Connection refused");
      case "notSent":
        return TransportException.notSent("connect timed out", null);
      case "maybeSent":
        return TransportException.maybeSent("reset after sending", null);
      case "reset":
        return new IOException("Connection reset");
      case "tooLarge":
        return TransportException.answerTooLarge(200, 1024);
      default:
        return new DfxHttpResponse(Integer.parseInt(failure), Map.of(), new byte[0]);
    }
  }

  @Test
  void classifiesFailuresOnce() {
    DfxClient client = DfxClient.create(transport, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9"))
        .bearerToken(() -> "device-token").retryPolicy(DfxRetryPolicy.builder().maxAttempts(1).build()));
    transport.then(new ConnectException("x")).then(new IOException(new UnknownHostException("h")))
        .then(new IOException(new SSLHandshakeException("no"))).then(new IOException("Broken pipe"))
        .then(TransportException.deadlineExceeded()).then(TransportException.answerTooLarge(200, 1024));

    DfxTransportException refused = catchThrowableOfType(DfxTransportException.class, () -> client.call(SEND, "x"));
    DfxTransportException unknownHost = catchThrowableOfType(DfxTransportException.class, () -> client.call(SEND, "x"));
    DfxTransportException tls = catchThrowableOfType(DfxTransportException.class, () -> client.call(SEND, "x"));
    DfxTransportException broken = catchThrowableOfType(DfxTransportException.class, () -> client.call(SEND, "x"));
    DfxTransportException late = catchThrowableOfType(DfxTransportException.class, () -> client.call(SEND, "x"));
    DfxProtocolException large = catchThrowableOfType(DfxProtocolException.class, () -> client.call(SEND, "x"));

    assertThat(refused.outcomeUnknown()).isFalse();
    assertThat(refused).hasMessageContaining("connection refused");
    assertThat(unknownHost.outcomeUnknown()).isFalse();
    assertThat(unknownHost).hasMessageContaining("unknown host");
    assertThat(tls.outcomeUnknown()).isFalse();
    assertThat(broken.outcomeUnknown()).isTrue();
    assertThat(late.outcomeUnknown()).isTrue();
    assertThat(late).hasMessageContaining("no complete answer within PT15S");
    assertThat(large.status()).isEqualTo(200);
    assertThat(large).hasMessageContaining("larger than 1024");
    assertThat(broken.action()).isEqualTo("9001 POST /send");
    assertThat(broken.endpoint()).isNull();
  }

  @Test
  void messagesNameWhatHappenedTheAttemptsAndTheWait() {
    transport.status(503).status(503).status(503)
        .then(new DfxHttpResponse(429, Map.of("Retry-After", List.of("60")), new byte[0]))
        .then(new ConnectException("connect timed out"))
        .then(TransportException.notSent("connect timed out", null));
    DfxClient client = DfxClient.create(transport, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9"))
        .bearerToken(() -> "device-token")
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).jitter(0).build()));

    DfxApiException busy = catchThrowableOfType(DfxApiException.class, () -> client.call(SEND, "x"));
    DfxApiException limited = catchThrowableOfType(DfxApiException.class, () -> client.call(SEND, "x"));

    assertThat(busy.attempts()).isEqualTo(3);
    assertThat(busy.getSuppressed()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(DfxApiException.class));
    assertThat(busy).hasMessageContaining("503").hasMessageEndingWith("after 3 attempts");
    assertThat(limited.attempts()).isEqualTo(1);
    assertThat(limited).hasMessageContaining("the server asked to retry after 60 s");

    DfxClient once = DfxClient.create(transport, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9"))
        .bearerToken(() -> "device-token").retryPolicy(DfxRetryPolicy.builder().maxAttempts(1).build()));
    assertThat(catchThrowableOfType(DfxTransportException.class, () -> once.call(SEND, "x")))
        .hasMessageContaining("connect timed out");
    assertThat(catchThrowableOfType(DfxTransportException.class, () -> once.call(SEND, "x")))
        .hasMessageContaining("connect timed out");
  }

  @Test
  void redactsTheExactSecretsTheCallCarriedFromServerMessages() {
    String bearer = "hunter2hunter2";
    transport.then(new DfxHttpResponse(400, Map.of(), ("{\"Code\":\"" + bearer + "\",\"Message\":\"bad token "
        + bearer + " for sam-the-user-secret-value (sam-the-user-secret-value)\"}").getBytes(StandardCharsets.UTF_8)));
    DfxClient client = client(kind -> bearer);

    DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> client.call(SEND, "sam-the-user-secret-value"));

    assertThat(e.getMessage()).doesNotContain(bearer).doesNotContain("sam-the-user-secret-value")
        .contains("bad token [redacted]");
    assertThat(e.code()).doesNotContain(bearer);
  }

  @Test
  void refusesSettingsThatCannotWork() {
    ClientSettings s = new ClientSettings();

    assertThatThrownBy(() -> s.requestTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> s.connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> s.maxAnswerBytes(10)).hasMessageContaining("maxAnswerBytes");
    assertThatThrownBy(() -> DfxClient.create(transport, s.baseUri(URI.create("http://api.deepaffex.ai"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri");
  }

  @Test
  void anInterruptedCallerSendsNothing() {
    DfxClient client = client();
    Thread.currentThread().interrupt();
    try {
      DfxTransportException e = catchThrowableOfType(DfxTransportException.class, () -> client.call(READ, "x"));

      assertThat(e.outcomeUnknown()).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(transport.sent).isEmpty();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void asksForAFreshTokenOnceAfter401AndSurfacesTheSecond() {
    List<String> rejected = new ArrayList<>();
    DfxCredentials credentials = new DfxCredentials() {
      @Override
      public String token(Credential kind) {
        return "t" + rejected.size();
      }

      @Override
      public boolean renewAfterUnauthorized(Credential kind, String token) {
        rejected.add(token);
        return true;
      }
    };
    transport.status(401).ok("fine").status(401).status(401);
    DfxClient client = client(credentials);

    assertThat(client.call(READ, "x")).isEqualTo("fine");
    DfxApiException second = catchThrowableOfType(DfxApiException.class, () -> client.call(READ, "y"));

    assertThat(second.status()).isEqualTo(401);
    assertThat(rejected).containsExactly("t0", "t1");
    assertThat(transport.sent).hasSize(4);
    assertThat(transport.sent.get(1).headers()).containsEntry("Authorization", "Bearer t1");
  }

  @Test
  void neverAsksForAFreshTokenWhenThe401IsAboutSomethingElse() {
    DfxOperation<String, String> renewLike = DfxOperation.<String, String>builder(9004, "POST", "/renew")
        .requestBody(TEXT).answer(TEXT).noCredentialRenewalOnUnauthorized().build();
    AtomicInteger asked = new AtomicInteger();
    transport.status(401);
    DfxClient client = client(new DfxCredentials() {
      @Override
      public String token(Credential kind) {
        return "t";
      }

      @Override
      public boolean renewAfterUnauthorized(Credential kind, String token) {
        asked.incrementAndGet();
        return true;
      }
    });

    assertThatThrownBy(() -> client.call(renewLike, "x")).isInstanceOf(DfxApiException.class);
    assertThat(asked).hasValue(0);
    assertThat(transport.sent).hasSize(1);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"INVALID_TOKEN, 2", "TOKEN_EXPIRED, 2", ", 2",
      "INVALID_CREDENTIALS, 1", "MFA_TOKEN_REQUIRED, 1", "INVALID_REFRESH_TOKEN, 1"})
  void asksForAFreshTokenOnlyWhenThe401IsAboutTheBearer(String code, int requests) {
    AtomicInteger asked = new AtomicInteger();
    transport.status(401, code).ok("fine");
    DfxClient client = client(new DfxCredentials() {
      @Override
      public String token(Credential kind) {
        return "t" + asked.get();
      }

      @Override
      public boolean renewAfterUnauthorized(Credential kind, String token) {
        asked.incrementAndGet();
        return true;
      }
    });

    if (requests == 2) {
      assertThat(client.call(READ, "x")).isEqualTo("fine");
    } else {
      assertThat(catchThrowableOfType(DfxApiException.class, () -> client.call(READ, "x")).code()).isEqualTo(code);
    }

    assertThat(asked).hasValue(requests - 1);
    assertThat(transport.sent).as("a 401 about a password or code is not sent again").hasSize(requests);
  }

  @Test
  void refusesBadInputBeforeAnyIo() {
    DfxClient client = client(kind -> "bad token\r\n");

    assertThatThrownBy(() -> client.call(SEND, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThatThrownBy(() -> client.call(READ, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> client.call(SEND, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bearerToken").hasMessageNotContaining("bad token");
    assertThat(transport.sent).isEmpty();
  }

  @Test
  void theNonBlockingPathFollowsTheSameTable() throws Exception {
    transport.status(503).ok("a").then(TransportException.maybeSent("reset", null)).ok("never");
    DfxClient client = client();

    assertThat(client.callAsync(SEND, "x").get(5, TimeUnit.SECONDS)).isEqualTo("a");
    CompletableFuture<String> lost = client.callAsync(SEND, "y");

    assertThat(catchThrowableOfType(CompletionException.class, lost::join).getCause())
        .isInstanceOf(DfxTransportException.class);
    assertThat(transport.sent).hasSize(3);
  }

  @Test
  void cancellingDuringABackoffSendsNothingMore() throws Exception {
    transport.then(new ConnectException("refused")).ok("late");
    DfxClient client = DfxClient.create(transport, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9"))
        .bearerToken(() -> "device-token")
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(300)).jitter(0).build()));

    CompletableFuture<String> call = client.callAsync(SEND, "x");
    call.cancel(true);
    Thread.sleep(600);

    assertThat(call).isCancelled();
    assertThat(transport.sent).hasSize(1);
  }

  @Test
  void cancellingACallCancelsItsExchangeInFlight() {
    CompletableFuture<DfxHttpResponse> exchange = new CompletableFuture<>();
    AtomicInteger sends = new AtomicInteger();
    DfxTransport hanging = new DfxTransport() {
      @Override
      public DfxHttpResponse send(DfxHttpRequest request) {
        throw new AssertionError("the async path only");
      }

      @Override
      public CompletableFuture<DfxHttpResponse> sendAsync(DfxHttpRequest request) {
        sends.incrementAndGet();
        return exchange;
      }

      @Override
      public String name() {
        return "hanging";
      }
    };
    DfxClient client = DfxClient.create(hanging, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9"))
        .bearerToken(() -> "device-token"));

    CompletableFuture<String> call = client.callAsync(SEND, "x");
    assertThat(exchange).isNotDone();
    assertThat(call.cancel(true)).isTrue();

    assertThat(call).isCancelled();
    assertThat(exchange).isCancelled();
    assertThat(sends).hasValue(1);
  }

  @Test
  void aCodecThatThrowsSomethingUnexpectedStillEndsTheCallOnBothPaths() {
    DfxCodec<String> broken = new DfxCodec<>() {
      @Override
      public byte[] encode(String value) {
        return TEXT.encode(value);
      }

      @Override
      public String decode(byte[] json) {
        throw new NullPointerException("a bug in the codec");
      }
    };
    DfxOperation<String, String> op = DfxOperation.<String, String>builder(9004, "POST", "/broken")
        .requestBody(TEXT).answer(broken).credential(Credential.DEVICE).build();
    transport.ok("a").ok("b");
    DfxClient client = DfxClient.create(transport, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9"))
        .bearerToken(() -> "device-token"));

    CompletableFuture<String> call = client.callAsync(op, "x");
    DfxTransportException async = catchThrowableOfType(() -> call.get(5, TimeUnit.SECONDS),
        java.util.concurrent.ExecutionException.class).getCause() instanceof DfxTransportException t ? t : null;
    DfxTransportException blocking = catchThrowableOfType(() -> client.call(op, "x"), DfxTransportException.class);

    for (DfxTransportException e : new DfxTransportException[] {async, blocking}) {
      assertThat(e).isNotNull();
      assertThat(e.outcomeUnknown()).isTrue();
      assertThat(e.getMessage()).contains("NullPointerException");
    }
    // the exchange may have acted: a message is not sent again
    assertThat(transport.sent).hasSize(2);
  }
}
