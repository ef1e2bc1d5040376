package io.github.dfxclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxProtocolException;
import java.nio.charset.StandardCharsets;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswersTest {

  /** The media type rule as it read before it stopped copying the value: what the new one must agree with. */
  private static boolean isJsonByCopies(String contentType) {
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "Application/JSON", " application/json ", "application/json; charset=utf-8",
      "application/json;charset=UTF-8", "\tapplication/json\t;q=1", "application/problem+json", "APPLICATION/VND.API+JSON; x=1",
      "application/+json", "application/json+", "application/jsonx", "text/json", "text/plain", "", " ", ";",
      "application/", "+json", "application+json", "xapplication/json", "application/x-json", "application/json ;",
      "applicatio/+json", "application/ld+json ", "application/json\r", "appl\u0131cation/json", "appl\u0130cation/json",
      "application/j\u017fon", "APPLICATION/PROBLEM+JSON", "application/\u212Aey+json"})
  void contentTypeRuleAgreesWithTheCopyingRule(String raw) {
    String contentType = raw.replace("\\t", "\t").replace("\\r", "\r");
    assertThat(Answers.isJson(contentType)).as("[%s]", contentType).isEqualTo(isJsonByCopies(contentType));
  }


  private static Object read(DfxOperation<?, ?> op, int status, String contentType, String retryAfter, byte[] body) {
    Map<String, List<String>> headers = new HashMap<>();
    if (contentType != null) {
      headers.put("Content-Type", List.of(contentType));
    }
    if (retryAfter != null) {
      headers.put("Retry-After", List.of(retryAfter));
    }
    return Answers.read(op, new DfxHttpResponse(status, headers, body));
  }

  private static DfxException failure(DfxOperation<?, ?> op, int status, String retryAfter, byte[] body) {
    return catchThrowableOfType(DfxException.class, () -> read(op, status, null, retryAfter, body));
  }

  private static String encode(Object request) {
    byte[] b = request instanceof TokenPair p ? AuthsOperations.RENEW.requestBody().orElseThrow().encode(p)
        : request instanceof LoginCodeRequest r ? AuthsOperations.REQUEST_LOGIN_CODE.requestBody().orElseThrow().encode(r)
        : AuthsOperations.REQUEST_RESET_PASSWORD_LINK.requestBody().orElseThrow().encode((ResetPasswordLinkRequest) request);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static final String T = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
  private static final String R = "rt-0a9b8c7d6e5f40312233445566778899";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void encodesRequestsWithPascalCaseFields() {
    assertThat(encode(new TokenPair(T, R)))
        .isEqualTo("{\"Token\":\"" + T + "\",\"RefreshToken\":\"" + R + "\"}");
    assertThat(encode(new LoginCodeRequest("+15555550123", "acme")))
        .isEqualTo("{\"PhoneNumber\":\"+15555550123\",\"Identifier\":\"acme\"}");
    assertThat(encode(new ResetPasswordLinkRequest("a@b.io", "Ac\"me")))
        .isEqualTo("{\"Email\":\"a@b.io\",\"Identifier\":\"Ac\\\"me\"}");
  }

  @Test
  void decodesRenewAnswer() {
    Object v = read(AuthsOperations.RENEW, 200, "application/json; charset=utf-8", null,
        utf8("{\"Token\":\"" + T + "\",\"RefreshToken\":\"" + R + "\",\"More\":[{}]}"));

    assertThat(v).isEqualTo(new TokenPair(T, R));
  }

  @Test
  void renewProtocolErrorsNeverCarryTheAnswer() {
    String body = "{\"Token\":\"" + T + "\",\"RefreshToken\":\"" + R + "\"";
    DfxProtocolException e = catchThrowableOfType(DfxProtocolException.class,
        () -> read(AuthsOperations.RENEW, 200, "text/plain", null, utf8(body)));
    DfxProtocolException e2 = catchThrowableOfType(DfxProtocolException.class,
        () -> read(AuthsOperations.RENEW, 200, null, null, utf8(body)));
    DfxProtocolException e3 = catchThrowableOfType(DfxProtocolException.class,
        () -> read(AuthsOperations.RENEW, 200, null, null, utf8("{\"Token\":" + T + "}")));

    for (DfxProtocolException x : new DfxProtocolException[] {e, e2, e3}) {
      assertThat(x).isNotNull();
      assertThat(x.getMessage()).doesNotContain(T).doesNotContain(R).doesNotContain("eyJ");
    }
    assertThat(e2.getMessage()).contains("line 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"success\":\"true\"}", "{\"success\":null}", "{}", "{\"success\":1}"})
  void successMustBeABoolean(String body) {
    DfxProtocolException e = catchThrowableOfType(DfxProtocolException.class,
        () -> read(AuthsOperations.REQUEST_LOGIN_CODE, 200, null, null, utf8(body)));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("success");
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] body = {'{', '"', 's', 'u', 'c', 'c', 'e', 's', 's', '"', ':', 't', 'r', 'u', 'e', ',', '"', 'x', '"', ':',
        '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    DfxProtocolException e = catchThrowableOfType(DfxProtocolException.class,
        () -> read(AuthsOperations.REQUEST_LOGIN_CODE, 200, null, null, body));

    assertThat(e.getMessage()).contains("UTF-8");
  }

  @Test
  void readsBothErrorSpellingsAndRetryAfter() {
    DfxApiException a = (DfxApiException) failure(AuthsOperations.RENEW, 429, "7",
        utf8("{\"Code\":\"RATE_LIMITED\",\"Message\":\"Too many\"}"));
    DfxApiException b = (DfxApiException) failure(AuthsOperations.RENEW, 401, null,
        utf8("{\"errorCode\":\"INVALID_TOKEN\",\"message\":\"expired\"}"));
    DfxApiException c = (DfxApiException) failure(AuthsOperations.RENEW, 400, null,
        utf8("{\"Code\":1234}"));

    assertThat(a.code()).isEqualTo("RATE_LIMITED");
    assertThat(a.serverMessage()).isEqualTo("Too many");
    assertThat(a.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(b.code()).isEqualTo("INVALID_TOKEN");
    assertThat(b.serverMessage()).isEqualTo("expired");
    assertThat(c.code()).isEqualTo("1234");
  }

  @Test
  void sanitisesHostileErrorBodies() {
    String hostile = "{\"Code\":\"BAD\\u001b[31mCODE\\r\\nX\",\"Message\":\"\\u001b]0;owned\\u0007Token "
        + T + " for ada@example.org at +1 555 555 0123 " + "A".repeat(5000) + "\"}";

    DfxApiException e = (DfxApiException) failure(AuthsOperations.RENEW, 400, null, utf8(hostile));

    assertThat(e.code()).isEqualTo("BADCODE_X");
    assertThat(e.serverMessage()).doesNotContain("\u001b").doesNotContain("owned").doesNotContain(T)
        .doesNotContain("ada@example.org").doesNotContain("555 0123");
    assertThat(e.serverMessage().length()).isLessThanOrEqualTo(Excerpts.MAX_EXCERPT + 1);
    assertThat(e.getMessage()).doesNotContainPattern("\\p{Cntrl}");
  }

  @Test
  void redactsSecretShapedErrorCodes() {
    DfxApiException e = (DfxApiException) failure(AuthsOperations.REQUEST_LOGIN_CODE, 400, null,
        utf8("{\"Code\":\"+15555550123\"}"));
    DfxApiException f = (DfxApiException) failure(AuthsOperations.RENEW, 400, null,
        utf8("{\"Code\":\"" + T + "\"}"));

    assertThat(e.code()).isEqualTo("redacted");
    assertThat(f.code()).isEqualTo("redacted");
  }

  private static byte[] bom(String s) {
    byte[] b = utf8(s);
    byte[] out = new byte[b.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(b, 0, out, 3, b.length);
    return out;
  }

  /** Success and error bodies are read by one path: a byte-order mark or white space hides nothing. */
  @Test
  void readsErrorCodesAfterAByteOrderMarkOrWhiteSpace() {
    String refusal = "{\"Code\":\"INVALID_REFRESH_TOKEN\",\"Message\":\"spent\"}";
    for (byte[] body : List.of(bom(refusal), utf8("\n\n" + refusal), utf8(" \t\r\n" + refusal), bom("\r\n" + refusal))) {
      DfxApiException e = (DfxApiException) failure(AuthsOperations.RENEW, 401, null, body);

      assertThat(e.code()).isEqualTo("INVALID_REFRESH_TOKEN");
      assertThat(e.serverMessage()).isEqualTo("spent");
    }
    assertThat(read(AuthsOperations.RENEW, 200, "application/json", null,
        bom("{\"Token\":\"" + T + "\",\"RefreshToken\":\"" + R + "\"}"))).isEqualTo(new TokenPair(T, R));
  }

  /** An error body that is not one strict JSON object gives HTTP_status, as HTML does. */
  @Test
  void readsNoCodeFromABrokenErrorBody() {
    DfxApiException dup = (DfxApiException) failure(AuthsOperations.RENEW, 401, null,
        utf8("{\"Code\":\"A\",\"Code\":\"INVALID_REFRESH_TOKEN\"}"));
    DfxApiException two = (DfxApiException) failure(AuthsOperations.RENEW, 401, null,
        utf8("{\"Code\":\"A\"} {\"Code\":\"B\"}"));

    assertThat(dup.code()).isEqualTo("HTTP_401");
    assertThat(two.code()).isEqualTo("HTTP_401");
  }

  /** A missing promised field: named, with the action and the URI requested. */
  @Test
  void namesAMissingFieldTheActionAndTheUri() {
    java.net.URI target = java.net.URI.create("http://127.0.0.1:8080/gw/v2/auths/renew");
    DfxProtocolException e = catchThrowableOfType(DfxProtocolException.class, () -> Answers.read(AuthsOperations.RENEW,
        target, new DfxHttpResponse(200, Map.of(), utf8("{\"Token\":\"" + T + "\"}")), List::of));

    assertThat(e.getMessage()).contains("\"RefreshToken\"").contains("2304 POST /auths/renew")
        .contains("http://127.0.0.1:8080/gw/v2/auths/renew").doesNotContain(T);
    assertThat(e.requestUri()).contains(target);
  }

  @Test
  void mapsRedirectsToProtocolErrors() {
    assertThat(failure(AuthsOperations.RENEW, 302, null, new byte[0]))
        .isInstanceOf(DfxProtocolException.class).hasMessageContaining("redirect");
  }

  @Test
  void serverSideRoundTrip() {
    DfxOperation<LoginCodeRequest, LoginCodeSent> op = AuthsOperations.REQUEST_LOGIN_CODE;
    byte[] request = op.requestBody().orElseThrow().encode(new LoginCodeRequest("+15555550123", "acme"));

    assertThat(op.requestBody().orElseThrow().decode(request)).isEqualTo(new LoginCodeRequest("+15555550123", "acme"));
    assertThat(read(op, 200, null, null, op.answer().encode(new LoginCodeSent(true)))).isEqualTo(new LoginCodeSent(true));
  }
}
