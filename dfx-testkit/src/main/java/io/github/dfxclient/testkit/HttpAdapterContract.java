package io.github.dfxclient.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wire behaviour every HTTP adapter of {@link AuthsPort} shows, against WireMock on loopback:
 * exact method, path, headers and JSON; error bodies; and every row of the failure table, counting
 * the requests that reached the server. A transport module extends this class and implements
 * {@link #newAdapter(AdapterSettings)} with its builder; the suite itself is the same for all.
 */
public abstract class HttpAdapterContract {

  /** A device token as the server issues them (a JWT). */
  public static final String DEVICE_TOKEN =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXZpY2UtNDIiLCJleHAiOjQxMDI0NDQ4MDB9.ZGV2aWNlLXNpZ25hdHVyZQ";
  /** The current pair sent to renew. */
  public static final TokenPair CURRENT = new TokenPair(
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTciLCJleHAiOjE3MDAwMDAwMDB9.b2xkLXNpZ25hdHVyZQ",
      "rt-old-5f1c0a7e9b2d4c3a8e6f1029384756ab");
  /** The pair the server answers with. */
  public static final TokenPair NEXT = new TokenPair(
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTciLCJleHAiOjQxMDI0NDQ4MDB9.bmV3LXNpZ25hdHVyZQ",
      "rt-new-0a9b8c7d6e5f40312233445566778899");
  /** The phone number asked for a login code. */
  public static final String PHONE = "+15555550123";
  /** The e-mail asked for a reset link. */
  public static final String EMAIL = "ada.lovelace@example.org";
  /** The organization identifier. */
  public static final String ORG = "acme-health";

  /** The loopback WireMock server the suite talks to; reset before each test. */
  @RegisterExtension
  protected static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
      .build();

  /**
   * Builds the adapter under test with these settings (every other builder setting at its default).
   *
   * @param settings base URI, bearer token supplier, request timeout, retry policy
   * @return the adapter
   */
  protected abstract AuthsPort newAdapter(AdapterSettings settings);

  /** The three operations, with their requests and answers on the wire. */
  public enum Operation {
    /** 2304. */
    RENEW(DfxEndpoint.RENEW,
        "{\"Token\":\"" + CURRENT.token() + "\",\"RefreshToken\":\"" + CURRENT.refreshToken() + "\"}",
        "{\"Token\":\"" + NEXT.token() + "\",\"RefreshToken\":\"" + NEXT.refreshToken() + "\"}",
        NEXT) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.renew(CURRENT);
      }
    },
    /** 2303. */
    REQUEST_LOGIN_CODE(DfxEndpoint.REQUEST_LOGIN_CODE,
        "{\"PhoneNumber\":\"" + PHONE + "\",\"Identifier\":\"" + ORG + "\"}",
        "{\"success\":true}",
        new LoginCodeSent(true)) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.requestLoginCode(new LoginCodeRequest(PHONE, ORG));
      }
    },
    /** 2300. */
    REQUEST_RESET_PASSWORD_LINK(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK,
        "{\"Email\":\"" + EMAIL + "\",\"Identifier\":\"" + ORG + "\"}",
        "{\"success\":true}",
        new ResetPasswordLinkSent(true)) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, ORG));
      }
    };

    /** The endpoint. */
    public final DfxEndpoint endpoint;
    /** The exact JSON the adapter must send. */
    public final String requestJson;
    /** A successful answer. */
    public final String answerJson;
    /** What the adapter returns for {@link #answerJson}. */
    public final Object expected;

    Operation(DfxEndpoint endpoint, String requestJson, String answerJson, Object expected) {
      this.endpoint = endpoint;
      this.requestJson = requestJson;
      this.answerJson = answerJson;
      this.expected = expected;
    }

    /** @return the result of calling this operation on {@code port} */
    public abstract Object invoke(AuthsPort port);
  }

  // ------------------------------------------------------------------ helpers

  /** @return settings pointing at the suite's server, with the device token and a fast retry policy */
  protected AdapterSettings settings() {
    return new AdapterSettings(URI.create(WIREMOCK.baseUrl()), () -> DEVICE_TOKEN,
        Duration.ofSeconds(2), fastRetries(RetryRegistry.ofDefaults()));
  }

  /** @return the default policy, but with a 10 ms backoff without jitter, so tests run fast */
  protected static DfxRetryPolicy fastRetries(RetryRegistry registry) {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).jitter(0)
        .retryRegistry(registry).build();
  }

  private AuthsPort adapter() {
    return newAdapter(settings());
  }

  private static void stub(Operation op, ResponseDefinitionBuilder answer) {
    WIREMOCK.stubFor(request(op.endpoint.method(), urlEqualTo(op.endpoint.path())).willReturn(answer));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** @return how many requests reached the server since the test started */
  protected static int requestsReceived() {
    return WIREMOCK.getAllServeEvents().size();
  }

  private static RequestPatternBuilder sent(Operation op) {
    return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(op.endpoint.method()),
        urlEqualTo(op.endpoint.path()));
  }

  private static <T extends Throwable> T failure(Class<T> type, Operation op, AuthsPort port) {
    T thrown = catchThrowableOfType(type, () -> op.invoke(port));
    assertThat(thrown).as("expected %s", type.getSimpleName()).isNotNull();
    return thrown;
  }

  // ------------------------------------------------------------------ the wire

  /** Method, path, the four headers and the exact JSON body. */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void sendsExactMethodPathHeadersAndJson(Operation op) {
    stub(op, json(200, op.answerJson));

    assertThat(op.invoke(adapter())).isEqualTo(op.expected);

    WIREMOCK.verify(1, sent(op)
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("Authorization", equalTo("Bearer " + DEVICE_TOKEN))
        .withHeader("User-Agent", matching("dfx-java/\\S+ \\(\\S+; Java \\d+\\)"))
        .withRequestBody(equalToJson(op.requestJson, false, false)));
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** A null or blank token omits the header instead of sending {@code Bearer null}. */
  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "null"})
  public void omitsAuthorizationWithoutToken(String token) {
    Operation op = Operation.REQUEST_LOGIN_CODE;
    stub(op, json(200, op.answerJson));
    Supplier<String> supplier = token.equals("null") ? () -> null : () -> token;
    AdapterSettings s = settings();

    op.invoke(newAdapter(new AdapterSettings(s.baseUri(), supplier, s.requestTimeout(), s.retryPolicy())));

    WIREMOCK.verify(1, sent(op).withHeader("Authorization", absent()));
  }

  /** The bearer supplier is asked on every call, so a renewed token is used at once. */
  @Test
  public void asksTheBearerSupplierOnEveryCall() {
    Operation op = Operation.REQUEST_LOGIN_CODE;
    stub(op, json(200, op.answerJson));
    AtomicInteger n = new AtomicInteger();
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), () -> "token-" + n.incrementAndGet(),
        s.requestTimeout(), s.retryPolicy()));

    op.invoke(port);
    op.invoke(port);

    WIREMOCK.verify(1, sent(op).withHeader("Authorization", equalTo("Bearer token-1")));
    WIREMOCK.verify(1, sent(op).withHeader("Authorization", equalTo("Bearer token-2")));
  }

  /** The API grows: unknown fields, nested or not, are ignored. */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void ignoresUnknownFieldsInAnswers(Operation op) {
    String extended = op.answerJson.substring(0, op.answerJson.length() - 1)
        + ",\"Extra\":{\"nested\":[1,2,{\"x\":null}]},\"Version\":3,\"Flag\":false}";
    stub(op, json(200, "{\"First\":\"x\"," + extended.substring(1)));

    assertThat(op.invoke(adapter())).isEqualTo(op.expected);
  }

  /** A {@code success: false} answer is passed on as it is. */
  @Test
  public void passesOnSuccessFalse() {
    stub(Operation.REQUEST_RESET_PASSWORD_LINK, json(200, "{\"success\":false}"));

    assertThat(Operation.REQUEST_RESET_PASSWORD_LINK.invoke(adapter()))
        .isEqualTo(new ResetPasswordLinkSent(false));
  }

  // ------------------------------------------------------------------ error bodies

  /** The server's {@code {Code, Message}} body. */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void readsServerErrorBody(Operation op) {
    stub(op, json(400, "{\"Code\":\"INVALID_REQUEST\",\"Message\":\"Identifier is unknown\",\"Errors\":[]}"));

    DfxApiException e = failure(DfxApiException.class, op, adapter());

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("INVALID_REQUEST");
    assertThat(e.serverMessage()).isEqualTo("Identifier is unknown");
    assertThat(e.getMessage()).contains("Identifier is unknown").contains("400");
    assertThat(e.endpoint()).isEqualTo(op.endpoint);
    assertThat(e.retryAfter()).isEmpty();
  }

  /** The published typings' {@code {errorCode, message}} spelling. */
  @Test
  public void readsTypedErrorBody() {
    stub(Operation.RENEW, json(401, "{\"errorCode\":\"INVALID_TOKEN\",\"message\":\"Token expired\"}"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo("INVALID_TOKEN");
    assertThat(e.serverMessage()).isEqualTo("Token expired");
  }

  /** A proxy's HTML page: {@code HTTP_502} and a short excerpt without markup. */
  @Test
  public void mapsProxyHtmlToHttpStatusCode() {
    stub(Operation.RENEW, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
            + "</h1></center><hr><center>nginx</center></body></html>"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.code()).isEqualTo("HTTP_502");
    assertThat(e.serverMessage()).isEqualTo("502 Bad Gateway 502 Bad Gateway nginx");
  }

  /** An empty error body: {@code HTTP_<status>}, no message. */
  @Test
  public void mapsEmptyErrorBodyToHttpStatusCode() {
    stub(Operation.REQUEST_LOGIN_CODE, aResponse().withStatus(404));

    DfxApiException e = failure(DfxApiException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.code()).isEqualTo("HTTP_404");
    assertThat(e.serverMessage()).isEmpty();
  }

  // ------------------------------------------------------------------ the failure table

  /** Refused connection: never sent, so retried with backoff; all attempts fail. */
  @Test
  public void refusedConnectionIsNotSentAndRetried() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RetryRegistry registry = RetryRegistry.ofDefaults();
    DfxRetryPolicy policy = fastRetries(registry);
    AtomicInteger retries = new AtomicInteger();
    policy.retry(DfxEndpoint.RENEW).getEventPublisher().onRetry(event -> retries.incrementAndGet());
    AuthsPort port2 = newAdapter(new AdapterSettings(URI.create("http://127.0.0.1:" + port),
        () -> DEVICE_TOKEN, Duration.ofSeconds(2), policy));

    DfxTransportException e = failure(DfxTransportException.class, Operation.RENEW, port2);

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(retries).hasValue(2);
  }

  /** Reset after the request was sent: exactly one request, outcome unknown. */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void resetAfterSendingIsNotRetried(Operation op) {
    stub(op, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    DfxTransportException e = failure(DfxTransportException.class, op, adapter());

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.endpoint()).isEqualTo(op.endpoint);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** EOF before any answer: exactly one request, outcome unknown. */
  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK"})
  public void brokenAnswerIsNotRetried(Fault fault) {
    stub(Operation.RENEW, aResponse().withFault(fault));

    DfxException e = failure(DfxException.class, Operation.RENEW, adapter());

    assertThat(e).isInstanceOfAny(DfxTransportException.class, DfxProtocolException.class);
    if (e instanceof DfxTransportException t) {
      assertThat(t.outcomeUnknown()).isTrue();
    }
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** Read timeout: exactly one request, outcome unknown, within the request timeout. */
  @Test
  public void readTimeoutIsNotRetried() {
    stub(Operation.RENEW, json(200, Operation.RENEW.answerJson).withFixedDelay(3_000));
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), s.bearerToken(), Duration.ofMillis(400),
        s.retryPolicy()));

    long start = System.nanoTime();
    DfxTransportException e = failure(DfxTransportException.class, Operation.RENEW, port);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(millis).isBetween(350L, 2_500L);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** 503, 503, 200: three requests and success. */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void retries503UntilSuccess(Operation op) {
    WIREMOCK.stubFor(request(op.endpoint.method(), urlEqualTo(op.endpoint.path())).inScenario("busy")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
        .willReturn(json(503, "{\"Code\":\"UNAVAILABLE\",\"Message\":\"busy\"}")));
    WIREMOCK.stubFor(request(op.endpoint.method(), urlEqualTo(op.endpoint.path())).inScenario("busy")
        .whenScenarioStateIs("second").willSetStateTo("third")
        .willReturn(aResponse().withStatus(503)));
    WIREMOCK.stubFor(request(op.endpoint.method(), urlEqualTo(op.endpoint.path())).inScenario("busy")
        .whenScenarioStateIs("third").willReturn(json(200, op.answerJson)));

    assertThat(op.invoke(adapter())).isEqualTo(op.expected);
    assertThat(requestsReceived()).isEqualTo(3);
  }

  /** 503 every time: the attempts are used up, the last error surfaces. */
  @Test
  public void gives503UpAfterMaxAttempts() {
    stub(Operation.RENEW, json(503, "{\"Code\":\"UNAVAILABLE\",\"Message\":\"busy\"}"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(503);
    assertThat(requestsReceived()).isEqualTo(3);
  }

  /** 429 with {@code Retry-After: 1}: the retry waits at least that second. */
  @Test
  public void waitsRetryAfterSecondsOn429() {
    Operation op = Operation.REQUEST_LOGIN_CODE;
    WIREMOCK.stubFor(request(op.endpoint.method(), urlEqualTo(op.endpoint.path())).inScenario("limited")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
        .willReturn(json(429, "{\"Code\":\"TOO_MANY\",\"Message\":\"slow down\"}").withHeader("Retry-After", "1")));
    WIREMOCK.stubFor(request(op.endpoint.method(), urlEqualTo(op.endpoint.path())).inScenario("limited")
        .whenScenarioStateIs("free").willReturn(json(200, op.answerJson)));

    long start = System.nanoTime();
    assertThat(op.invoke(adapter())).isEqualTo(op.expected);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(millis).isGreaterThanOrEqualTo(1_000L);
    assertThat(requestsReceived()).isEqualTo(2);
  }

  /** A Retry-After beyond the cap fails at once, telling how long to wait. */
  @Test
  public void failsAtOnceWhenRetryAfterExceedsCap() {
    stub(Operation.RENEW, json(429, "{\"Code\":\"TOO_MANY\"}").withHeader("Retry-After", "60"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** Retry-After as an HTTP date. */
  @Test
  public void readsRetryAfterHttpDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    stub(Operation.RENEW, aResponse().withStatus(503).withHeader("Retry-After", date));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d.getSeconds()).isBetween(25L, 31L));
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** 500, 502, 504 and the other 4xx: one request, no retry. */
  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 500, 502, 504})
  public void doesNotRetryOtherErrors(int status) {
    stub(Operation.RENEW, json(status, "{\"Code\":\"E" + status + "\",\"Message\":\"no\"}"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.code()).isEqualTo("E" + status);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** A 2xx whose body does not parse: protocol error, one request. */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void unparseableSuccessIsProtocolError(Operation op) {
    stub(op, json(200, "{\"Token\": tru"));

    DfxProtocolException e = failure(DfxProtocolException.class, op, adapter());

    assertThat(e.status()).isEqualTo(200);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** Fields missing, null or of the wrong type in the renew answer. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"Token\":\"abc\"}", "{\"Token\":null,\"RefreshToken\":\"r\"}",
      "{\"Token\":\"a\",\"RefreshToken\":42}", "[]", "\"Token\"", "{\"Token\":\"a\",\"RefreshToken\":\"\"}",
      "{\"Token\":\"a\",\"RefreshToken\":\"b\"} {}", "{\"Token\":\"a\",\"Token\":\"b\",\"RefreshToken\":\"c\"}"})
  public void renewAnswerOfWrongShapeIsProtocolError(String body) {
    stub(Operation.RENEW, json(200, body));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(200);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** A 2xx that is not JSON at all (a captive portal's page). */
  @Test
  public void nonJsonContentTypeIsProtocolError() {
    stub(Operation.REQUEST_LOGIN_CODE, aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<html>Welcome to the hotel Wi-Fi</html>"));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.getMessage()).contains("text/html");
  }

  /** Redirects are never followed: the token stays with this host. */
  @Test
  public void doesNotFollowRedirects() {
    stub(Operation.RENEW, aResponse().withStatus(307).withHeader("Location", "http://127.0.0.2:1/steal"));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(307);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** Answers larger than the bound are refused. */
  @Test
  public void refusesOversizedAnswer() {
    stub(Operation.REQUEST_LOGIN_CODE, json(200, "{\"success\":true,\"pad\":\"" + "x".repeat(200_000) + "\"}"));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.getMessage()).contains("larger than");
  }

  // ------------------------------------------------------------------ bad input

  /** A null argument is refused before any I/O, naming the argument. */
  @Test
  public void refusesNullArgumentsBeforeAnyIo() {
    AuthsPort port = adapter();

    assertThatThrownBy(() -> port.renew(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current");
    assertThatThrownBy(() -> port.requestLoginCode(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> port.requestResetPasswordLink(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request");
    assertThat(requestsReceived()).isZero();
  }

  /** A bearer token that would break the header is refused before any I/O, without echoing it. */
  @Test
  public void refusesHeaderBreakingBearerTokenBeforeAnyIo() {
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), () -> "abc\r\nX-Evil: 1", s.requestTimeout(),
        s.retryPolicy()));

    assertThatThrownBy(() -> Operation.RENEW.invoke(port)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bearerToken").hasMessageNotContaining("abc");
    assertThat(requestsReceived()).isZero();
  }

  /** Plain http to a non-loopback host is refused when the adapter is built. */
  @Test
  public void refusesPlainHttpToRemoteHost() {
    AdapterSettings s = settings();

    assertThatThrownBy(() -> newAdapter(new AdapterSettings(URI.create("http://api.deepaffex.ai"),
        s.bearerToken(), s.requestTimeout(), s.retryPolicy())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri");
  }
}
