package io.github.dfxclient.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.dfxclient.testkit.HttpAdapterContract.CURRENT;
import static io.github.dfxclient.testkit.HttpAdapterContract.DEVICE_TOKEN;
import static io.github.dfxclient.testkit.HttpAdapterContract.NEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.core.codec.JsonField;
import io.github.dfxclient.core.codec.JsonObjectCodec;
import io.github.dfxclient.session.RefreshTokenSpentException;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.HttpAdapterContract.Operation;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How every HTTP adapter reads and writes HTTP the way the RFCs say, blocking and asynchronous,
 * against WireMock on loopback, counting the requests that reached it: path parameters are one
 * segment and never a dot-segment (RFC 3986), every field an answer promises is required, a
 * byte-order mark or white space before any body hides nothing, {@code Retry-After} is read in all
 * three HTTP-date forms (RFC 9110, section 5.6.7), a base URI's path prefix is kept and its query,
 * fragment or user info refused, and every failure names {@code host:port} and the path requested.
 * A transport module extends this class and builds its adapters from the settings.
 */
public abstract class WireRulesContract {

  /** Answers a first request with 503 and an HTTP-date a little over 3 s ahead, then the answer. */
  private static final DatedRetryAfter DATED = new DatedRetryAfter();

  /** The loopback WireMock server; reset before each test. */
  @RegisterExtension
  private static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1).extensions(DATED))
      .build();

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * @param settings base URI, bearer token supplier, request timeout, retry policy
   * @return the blocking adapter under test, built by its builder with these settings
   */
  protected abstract AuthsPort newAdapter(AdapterSettings settings);

  /**
   * @param settings base URI, bearer token supplier, request timeout, retry policy
   * @return the asynchronous adapter under test ({@code buildAsync()}) with these settings
   */
  protected abstract AsyncAuthsPort newAsyncAdapter(AdapterSettings settings);

  /** Forgets what the dated 503 served. */
  @BeforeEach
  public void resetTheDatedAnswer() {
    DATED.reset();
  }

  // ------------------------------------------------------------------ helpers

  /** @return e.g. {@code http://127.0.0.1:41234}: the address it listens on (WireMock says localhost) */
  private static String baseUrl() {
    return "http://127.0.0.1:" + WIREMOCK.getPort();
  }

  private static URI base() {
    return URI.create(baseUrl());
  }

  private static AdapterSettings settings(URI base) {
    return settings(base, () -> DEVICE_TOKEN);
  }

  private static AdapterSettings settings(URI base, Supplier<String> bearer) {
    return new AdapterSettings(base, bearer, Duration.ofSeconds(15),
        HttpAdapterContract.fastRetries(RetryRegistry.ofDefaults()));
  }

  private static int requestsReceived() {
    return WIREMOCK.getAllServeEvents().size();
  }

  private static ResponseDefinitionBuilder json(int status, byte[] body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return json(status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void stub(Operation op, String path, ResponseDefinitionBuilder answer) {
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(path)).willReturn(answer));
  }

  private static byte[] withBom(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[BOM.length + b.length];
    System.arraycopy(BOM, 0, out, 0, BOM.length);
    System.arraycopy(b, 0, out, BOM.length, b.length);
    return out;
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static DfxOperation<?, ?> operation(Operation op) {
    return op.operation;
  }

  // ------------------------------------------------------------------ path parameters

  /**
   * An empty or dot-segment organization ID is refused before any I/O, naming {@code orgId} and not
   * its value, blocking and asynchronous.
   * @param orgId the value
   */
  @ParameterizedTest
  @ValueSource(strings = {".", "..", ""})
  public void refusesDotSegmentAndEmptyPathParametersBeforeAnyIo(String orgId) {
    AuthsPort port = newAdapter(settings(base()));
    AsyncAuthsPort async = newAsyncAdapter(settings(base()));

    assertThatThrownBy(() -> port.orgClientCredentials(orgId)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("orgId ").hasMessageNotContaining("..");
    assertThatThrownBy(() -> async.orgClientCredentials(orgId)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("orgId ");
    assertThat(requestsReceived()).isZero();
  }

  /**
   * Every other value is one percent-encoded segment, dots and slashes included.
   * @param value the organization ID
   * @param wire its segment on the wire
   */
  @ParameterizedTest
  @CsvSource({"...,...", "a/../b,a%2F..%2Fb", "./x,.%2Fx", "%2E%2E,%252E%252E", "a?b#c,a%3Fb%23c"})
  public void encodesEveryOtherPathParameterAsOneSegment(String value, String wire) {
    Operation op = Operation.ORG_CLIENT_CREDENTIALS;
    stub(op, "/auths/organization/credentials/" + wire, json(200, op.answerJson));

    assertThat(newAdapter(settings(base())).orgClientCredentials(value)).isEqualTo(op.expected);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ strict answers

  /** One mutation of a good answer: a field removed or set to null, and the field the error must name. */
  private record Mutation(String label, Map<String, Object> body, String field, boolean mustFail) {}

  /** Every field of {@code codec} (and of its nested objects) removed, and set to null. */
  private static void mutations(JsonObjectCodec<?> codec, Map<String, Object> good, String prefix,
      java.util.function.Function<Map<String, Object>, Map<String, Object>> wrap, List<Mutation> out) {
    for (JsonField<?> field : codec.fields()) {
      String path = prefix + field.name();
      Map<String, Object> without = new LinkedHashMap<>(good);
      without.remove(field.name());
      out.add(new Mutation(path + " missing", wrap.apply(without), path,
          field.presence() != JsonField.Presence.OPTIONAL));
      Map<String, Object> nulled = new LinkedHashMap<>(good);
      nulled.put(field.name(), null);
      out.add(new Mutation(path + " null", wrap.apply(nulled), path,
          field.presence() == JsonField.Presence.REQUIRED));
      Object value = good.get(field.name());
      if (field.nestedCodec().isPresent() && value instanceof List<?> items && !items.isEmpty()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) items.get(0);
        mutations(field.nestedCodec().get(), first, path + "[0].", item -> {
          List<Object> list = new ArrayList<>(items);
          list.set(0, item);
          Map<String, Object> outer = new LinkedHashMap<>(good);
          outer.put(field.name(), list);
          return wrap.apply(outer);
        }, out);
      } else if (field.nestedCodec().isPresent() && value instanceof Map<?, ?> object) {
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) object;
        mutations(field.nestedCodec().get(), inner, path + ".", o -> {
          Map<String, Object> outer = new LinkedHashMap<>(good);
          outer.put(field.name(), o);
          return wrap.apply(outer);
        }, out);
      }
    }
  }

  /**
   * Every field every Auths answer promises, removed and set to null: a {@link DfxProtocolException}
   * naming the field, the action and the path, after one request; {@code null} passes only where
   * the record documents it.
   * @param op the operation under test
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void everyPromisedFieldIsRequired(Operation op) {
    DfxOperation<?, ?> operation = operation(op);
    assertThat(operation.answer()).as("the answer codec is declared on the codec layer")
        .isInstanceOf(JsonObjectCodec.class);
    Map<String, Object> good = JsonObjectCodec.anyObject().decode(op.answerJson.getBytes(StandardCharsets.UTF_8));
    List<Mutation> cases = new ArrayList<>();
    mutations((JsonObjectCodec<?>) operation.answer(), good, "", m -> m, cases);
    AuthsPort port = newAdapter(settings(base()));

    for (Mutation m : cases) {
      WIREMOCK.resetAll();
      stub(op, op.path, json(200, JsonObjectCodec.anyObject().encode(m.body())));
      if (!m.mustFail()) {
        assertThat(op.invoke(port)).as(m.label()).isNotNull();
        continue;
      }
      DfxProtocolException e = catchThrowableOfType(DfxProtocolException.class, () -> op.invoke(port));

      assertThat(e).as(m.label()).isNotNull();
      assertThat(e.getMessage()).as(m.label()).contains("\"" + m.field() + "\"").contains(e.action())
          .contains("127.0.0.1:" + WIREMOCK.getPort() + op.path);
      assertThat(e.action()).isEqualTo(op.operation.toString());
      assertThat(e.operation()).isSameAs(op.operation);
      assertThat(requestsReceived()).as(m.label()).isEqualTo(1);
    }
    assertThat(cases).isNotEmpty();
  }

  /** The three cases of the issue, by name: 2306 without nativeAuthEnabled, renew without RefreshToken, 2303 without success. */
  @Test
  public void aMissingFieldIsNeverInvented() {
    AuthsPort port = newAdapter(settings(base()));
    Map<Operation, String> cases = Map.of(
        Operation.ORG_CLIENT_CREDENTIALS, "nativeAuthEnabled",
        Operation.RENEW, "RefreshToken",
        Operation.REQUEST_LOGIN_CODE, "success");
    for (Map.Entry<Operation, String> c : cases.entrySet()) {
      Operation op = c.getKey();
      Map<String, Object> body = new LinkedHashMap<>(
          JsonObjectCodec.anyObject().decode(op.answerJson.getBytes(StandardCharsets.UTF_8)));
      body.remove(c.getValue());
      WIREMOCK.resetAll();
      stub(op, op.path, json(200, JsonObjectCodec.anyObject().encode(body)));

      DfxProtocolException e = catchThrowableOfType(DfxProtocolException.class, () -> op.invoke(port));

      assertThat(e).as(c.getValue()).isNotNull();
      assertThat(e.getMessage()).contains("\"" + c.getValue() + "\"").contains(op.operation.method() + " ");
      assertThat(requestsReceived()).isEqualTo(1);
    }
  }

  /**
   * A byte-order mark and white space before a success body: read like any other.
   * @param op the operation under test
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void readsAnswersAfterAByteOrderMarkAndWhiteSpace(Operation op) {
    AuthsPort port = newAdapter(settings(base()));
    for (byte[] body : List.of(withBom(op.answerJson), withBom("\r\n \t" + op.answerJson),
        ("\n\n" + op.answerJson + "\n").getBytes(StandardCharsets.UTF_8))) {
      WIREMOCK.resetAll();
      stub(op, op.path, json(200, body));

      assertThat(op.invoke(port)).isEqualTo(op.expected);
    }
  }

  /**
   * A byte-order mark or white space before an error body: its code is read, so a refused renew
   * ends the pair after exactly one renew request (the spent refresh token is never sent again).
   * @param prefix what comes before the JSON: a byte-order mark, newlines, or both
   */
  @ParameterizedTest
  @ValueSource(strings = {"bom", "newlines", "bom+crlf"})
  public void aRefusalBehindAByteOrderMarkEndsThePairAfterOneRenew(String prefix) {
    String refusal = "{\"Code\":\"INVALID_REFRESH_TOKEN\",\"Message\":\"Refresh token is invalid\"}";
    byte[] body = switch (prefix) {
      case "bom" -> withBom(refusal);
      case "newlines" -> ("\n\n" + refusal).getBytes(StandardCharsets.UTF_8);
      default -> withBom("\r\n" + refusal);
    };
    stub(Operation.RENEW, Operation.RENEW.path, json(401, body));
    TokenSession session = TokenSession.builder().auths(bearer -> newAdapter(settings(base(), bearer))).build();
    session.set(TokenKind.DEVICE, CURRENT);

    RefreshTokenSpentException spent = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> session.renewIfStill(TokenKind.DEVICE, CURRENT.token()));
    RefreshTokenSpentException again = catchThrowableOfType(RefreshTokenSpentException.class,
        () -> session.accessToken(TokenKind.DEVICE));

    assertThat(spent).isNotNull();
    assertThat(spent.getCause()).isInstanceOf(DfxApiException.class);
    assertThat(((DfxApiException) spent.getCause()).code()).isEqualTo("INVALID_REFRESH_TOKEN");
    assertThat(again).isNotNull();
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** The same refusal read by an adapter directly: the code, not {@code HTTP_401}. */
  @Test
  public void readsErrorCodesAfterAByteOrderMark() {
    stub(Operation.REQUEST_LOGIN_CODE, Operation.REQUEST_LOGIN_CODE.path,
        json(400, withBom("\n{\"Code\":\"INVALID_REQUEST\",\"Message\":\"Identifier is unknown\"}")));

    DfxApiException e = catchThrowableOfType(DfxApiException.class,
        () -> Operation.REQUEST_LOGIN_CODE.invoke(newAdapter(settings(base()))));

    assertThat(e.code()).isEqualTo("INVALID_REQUEST");
    assertThat(e.serverMessage()).isEqualTo("Identifier is unknown");
  }

  // ------------------------------------------------------------------ Retry-After

  /**
   * 503 with a {@code Retry-After} date in the RFC 850 or the asctime form, 3 to 3.5 s ahead: the
   * renew is sent again 2.5 to 4.5 s after the 503 left the server, blocking and asynchronous.
   * @param form {@code rfc850} or {@code asctime}
   * @param async whether the asynchronous adapter runs the call
   * @throws java.lang.Exception when the call fails
   */
  @ParameterizedTest
  @CsvSource({"rfc850,false", "rfc850,true", "asctime,false", "asctime,true"})
  public void waitsForARetryAfterDateInEveryForm(String form, boolean async) throws Exception {
    DATED.arm(form, Operation.RENEW.answerJson);
    WIREMOCK.stubFor(request("POST", urlEqualTo(Operation.RENEW.path))
        .willReturn(aResponse().withTransformers(DatedRetryAfter.NAME)));

    TokenPair next = async ? await(newAsyncAdapter(settings(base())).renew(CURRENT))
        : newAdapter(settings(base())).renew(CURRENT);

    assertThat(next).isEqualTo(NEXT);
    assertThat(requestsReceived()).isEqualTo(2);
    assertThat(DATED.granted()).as("the date was a whole second 3 to 4 s ahead")
        .isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(4));
    assertThat(DATED.gap()).as("sent again after the date %s", DATED.header())
        .isBetween(Duration.ofMillis(2_500), Duration.ofMillis(4_500));
  }

  /** Serves a 503 whose {@code Retry-After} is an HTTP-date, then the answer; records the timing. */
  private static final class DatedRetryAfter implements ResponseDefinitionTransformerV2 {
    static final String NAME = "dfx-dated-retry-after";
    private static final DateTimeFormatter RFC_850 =
        DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
        DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private final AtomicInteger served = new AtomicInteger();
    private volatile String form;
    private volatile String answer;
    private volatile String header;
    private volatile Duration granted;
    private volatile long sentNanos;
    private volatile long againNanos;

    void reset() {
      served.set(0);
      form = null;
      header = null;
      granted = null;
    }

    void arm(String dateForm, String answerJson) {
      reset();
      this.form = dateForm;
      this.answer = answerJson;
    }

    Duration granted() {
      return granted;
    }

    String header() {
      return header;
    }

    Duration gap() {
      return Duration.ofNanos(againNanos - sentNanos);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      if (served.incrementAndGet() > 1) {
        againNanos = System.nanoTime();
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody(answer).build();
      }
      // from the middle of a second, the next whole second 3 s ahead is 3 to 3.5 s away
      long millis = System.currentTimeMillis() % 1000;
      if (millis < 500) {
        try {
          Thread.sleep(510 - millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Instant now = Instant.now();
      Instant at = Instant.ofEpochSecond(now.plusSeconds(3).getEpochSecond() + (now.getNano() > 0 ? 1 : 0));
      granted = Duration.between(now, at);
      header = ("asctime".equals(form) ? ASCTIME : RFC_850).format(at);
      sentNanos = System.nanoTime();
      return ResponseDefinitionBuilder.responseDefinition().withStatus(503)
          .withHeader("Content-Type", "application/json").withHeader("Retry-After", header)
          .withBody("{\"Code\":\"UNAVAILABLE\",\"Message\":\"busy\"}").build();
    }
  }

  // ------------------------------------------------------------------ base URI

  /**
   * A base URI's path prefix is kept, with or without a trailing slash; a 404 from there names the
   * path actually requested, host and port included, blocking and asynchronous.
   * @param prefix the base URI's path
   * @throws java.lang.Exception when the call fails to run
   */
  @ParameterizedTest
  @ValueSource(strings = {"/gw/v2", "/gw/v2/"})
  public void keepsTheBaseUrisPathPrefix(String prefix) throws Exception {
    URI base = URI.create(baseUrl() + prefix);
    String path = "/gw/v2/auths/renew";
    stub(Operation.RENEW, path, json(200, Operation.RENEW.answerJson));

    assertThat(newAdapter(settings(base)).renew(CURRENT)).isEqualTo(NEXT);
    assertThat(await(newAsyncAdapter(settings(base)).renew(CURRENT))).isEqualTo(NEXT);
    assertThat(WIREMOCK.getAllServeEvents()).hasSize(2)
        .allSatisfy(e -> assertThat(e.getRequest().getUrl()).isEqualTo(path));

    WIREMOCK.resetAll();
    stub(Operation.RENEW, path, json(404, "{\"Code\":\"NOT_FOUND\",\"Message\":\"No such endpoint\"}"));
    DfxApiException blocking = catchThrowableOfType(DfxApiException.class,
        () -> newAdapter(settings(base)).renew(CURRENT));
    DfxApiException nonBlocking = catchThrowableOfType(DfxApiException.class,
        () -> await(newAsyncAdapter(settings(base)).renew(CURRENT)));

    for (DfxApiException e : List.of(blocking, nonBlocking)) {
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.getMessage()).contains("127.0.0.1:" + WIREMOCK.getPort() + path).contains("2304");
      assertThat(e.requestUri()).contains(URI.create(baseUrl() + path));
    }
    assertThat(requestsReceived()).isEqualTo(2);
  }

  /**
   * A base URI with a query, a fragment or user info is refused when the adapter is built, saying
   * which, never quoting it.
   * @param base the base URI
   */
  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:1/gw?key=SECRET", "http://127.0.0.1:1/gw#SECRET",
      "http://user:SECRET@127.0.0.1:1/gw"})
  public void refusesABaseUriWithQueryFragmentOrUserInfoAtBuild(String base) {
    String part = base.contains("?") ? "query" : base.contains("#") ? "fragment" : "user info";

    assertThatThrownBy(() -> newAdapter(settings(URI.create(base)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUri").hasMessageContaining(part).hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> newAsyncAdapter(settings(URI.create(base)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUri").hasMessageContaining(part);
  }

  // ------------------------------------------------------------------ messages

  /**
   * A refused connection names {@code 127.0.0.1:<port>} and the path, blocking and asynchronous.
   * @throws java.io.IOException when no free port can be found
   */
  @Test
  public void aRefusedConnectionNamesHostPortAndPath() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI base = URI.create("http://127.0.0.1:" + port + "/gw");
    LoginCodeRequest request = new LoginCodeRequest(HttpAdapterContract.PHONE, HttpAdapterContract.ORG);

    DfxTransportException blocking = catchThrowableOfType(DfxTransportException.class,
        () -> newAdapter(settings(base)).requestLoginCode(request));
    DfxTransportException nonBlocking = catchThrowableOfType(DfxTransportException.class,
        () -> await(newAsyncAdapter(settings(base)).requestLoginCode(request)));

    for (DfxTransportException e : List.of(blocking, nonBlocking)) {
      assertThat(e.outcomeUnknown()).isFalse();
      assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("/gw/auths/users/code")
          .contains("2303").doesNotContain(HttpAdapterContract.PHONE).doesNotContain(DEVICE_TOKEN);
      assertThat(e.requestUri()).contains(URI.create("http://127.0.0.1:" + port + "/gw/auths/users/code"));
    }
  }

  /**
   * Every kind of failure names where the request went: an error answer, a transport failure after
   * sending, an answer of the wrong content type, an answer too large.
   * @param kind the failure
   */
  @ParameterizedTest
  @ValueSource(strings = {"404", "reset", "html", "huge"})
  public void everyFailureNamesHostPortAndPath(String kind) {
    Operation op = Operation.REQUEST_LOGIN_CODE;
    String path = "/gw" + op.path;
    ResponseDefinitionBuilder answer = switch (kind) {
      case "404" -> json(404, "{\"Code\":\"NOT_FOUND\"}");
      case "reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
      case "html" -> aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<p>hi</p>");
      default -> json(200, "{\"success\":true,\"pad\":\"" + "x".repeat(200_000) + "\"}");
    };
    stub(op, path, answer);

    DfxException e = catchThrowableOfType(DfxException.class,
        () -> op.invoke(newAdapter(settings(URI.create(baseUrl() + "/gw")))));

    assertThat(e).as(kind).isNotNull();
    assertThat(e.getMessage()).contains("http://127.0.0.1:" + WIREMOCK.getPort() + path)
        .doesNotContain(HttpAdapterContract.PHONE).doesNotContain(DEVICE_TOKEN);
    assertThat(e.requestUri()).contains(URI.create(baseUrl() + path));
    assertThat(requestsReceived()).isEqualTo(1);
  }
}
