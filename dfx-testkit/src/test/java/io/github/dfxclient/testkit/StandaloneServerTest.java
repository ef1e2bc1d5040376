package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standalone fake server as a team without a JVM client uses it: its own process, driven over
 * plain HTTP (no dfx-java class), through every operation and the admin API, checking status,
 * headers and bodies the way the official JS client reads them.
 */
class StandaloneServerTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static FakeServerProcess server;
  private static URI base;
  private static String welcomeText;
  private static String deviceToken;
  private static String deviceRefresh;

  @BeforeAll
  static void startTheProcess() throws Exception {
    server = FakeServerProcess.start();
    base = server.baseUri();
    String welcome = server.welcome();
    Matcher t = Pattern.compile("Token: +(\\S+)\\n +RefreshToken: +(\\S+)").matcher(welcome);
    assertThat(t.find()).isTrue();
    deviceToken = t.group(1);
    deviceRefresh = t.group(2);
    assertThat(welcome).contains("curl -s -X PATCH " + base + "/auths/users/code")
        .contains("curl -s " + base + "/auth/v1/authenticate").contains(base + "/__dfx/sso/codes");
    welcomeText = welcome;
  }

  /**
   * The process offers the WebSocket face on the same port: its welcome names it, a token minted with
   * the admin API logs the socket in with the official client's in-band 0718 frame, and an unknown
   * action ID is answered 400 (neither is an operation the backend counts).
   * @throws Exception when the test fails to run
   */
  @Test
  void theProcessSpeaksTheWebSocketApiOnTheSamePort() throws Exception {
    assertThat(welcomeText).contains("WebSocket API on ws://127.0.0.1:" + base.getPort());
    String pair = send("POST", "/__dfx/pairs", null, "{\"subject\":\"device-ws\"}").body();
    java.util.concurrent.LinkedBlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();
    java.net.http.WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("json")
        .buildAsync(URI.create("ws://127.0.0.1:" + base.getPort()), new java.net.http.WebSocket.Listener() {
          private final java.io.ByteArrayOutputStream parts = new java.io.ByteArrayOutputStream();

          @Override
          public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket w, java.nio.ByteBuffer data,
              boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            parts.writeBytes(b);
            if (last) {
              answers.add(parts.toString(StandardCharsets.UTF_8));
              parts.reset();
            }
            w.request(1);
            return null;
          }
        }).get(30, TimeUnit.SECONDS);
    try {
      ws.sendBinary(java.nio.ByteBuffer.wrap(("07180718AbCdEf" + pair).getBytes(StandardCharsets.UTF_8)), true)
          .get(10, TimeUnit.SECONDS);
      assertThat(answers.poll(10, TimeUnit.SECONDS)).isEqualTo("0718AbCdEf200{}");
      ws.sendBinary(java.nio.ByteBuffer.wrap("09990999AbCdEg{}".getBytes(StandardCharsets.UTF_8)), true)
          .get(10, TimeUnit.SECONDS);
      assertThat(answers.poll(10, TimeUnit.SECONDS))
          .isEqualTo("0999AbCdEg400{\"Code\":\"INCORRECT_REQUEST\",\"Message\":\"Invalid Route Number\"}");
    } finally {
      ws.abort();
    }
  }

  @AfterAll
  static void stopTheProcess() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  private static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertLikeTheRealApi(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    assertThat(r.headers().firstValue("Content-Length")).contains(
        Integer.toString(r.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("matched-stub"));
  }

  @Test
  void servesEveryOperationAndTheAdminApiOverPlainHttp() throws Exception {
    HttpResponse<String> code = send("PATCH", "/auths/users/code", deviceToken,
        "{\"PhoneNumber\":\"+15555550123\",\"Identifier\":\"acme-health\"}");
    assertThat(code.statusCode()).isEqualTo(200);
    assertThat(code.body()).isEqualTo("{\"success\":true}");
    assertLikeTheRealApi(code);

    HttpResponse<String> link = send("PATCH", "/auths/users/reset", deviceToken,
        "{\"Email\":\"ada@example.org\",\"Identifier\":\"acme-health\"}");
    HttpResponse<String> mobile = send("PATCH", "/auths/users/reset/mobile", deviceToken, "{\"Email\":\"ada@example.org\"}");
    HttpResponse<String> general = send("POST", "/auths/generateToken", deviceToken,
        "{\"Token\":\"" + deviceToken + "\",\"RefreshToken\":\"" + deviceRefresh + "\"}");
    assertThat(link.body()).isEqualTo("{\"success\":true}");
    assertThat(mobile.body()).isEqualTo("{\"success\":true}");
    assertThat(general.statusCode()).isEqualTo(200);
    assertThat(general.body()).matches("\\{\"Token\":\"gt-[0-9a-f]+\"}");

    HttpResponse<String> outbox = send("GET", "/__dfx/outbox", null, null);
    assertThat(outbox.statusCode()).isEqualTo(200);
    assertLikeTheRealApi(outbox);
    assertThat(outbox.body()).contains("\"kind\":\"LOGIN_CODE\",\"recipient\":\"+15555550123\"")
        .contains("\"kind\":\"RESET_PASSWORD_LINK\"").contains("\"kind\":\"RESET_BY_EMAIL\"");
    assertThat(send("DELETE", "/__dfx/outbox", null, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/__dfx/outbox", null, null).body()).isEqualTo("[]");

    HttpResponse<String> user = send("POST", "/__dfx/pairs", null, "{\"subject\":\"user-7\"}");
    assertThat(user.statusCode()).isEqualTo(201);
    Matcher pair = Pattern.compile("\\{\"Token\":\"(\\S+?)\",\"RefreshToken\":\"(\\S+?)\"}").matcher(user.body());
    assertThat(pair.matches()).isTrue();
    String org = "{\"orgName\":\"Acme Health\",\"logoURL\":null,\"userPoolId\":\"pool\",\"nativeAuthEnabled\":true,"
        + "\"cognitoDomainUrl\":\"https://auth.acme.example\",\"identityProviders\":[{\"iconURL\":null,"
        + "\"displayName\":\"Google\",\"identityProviderName\":\"Google\"}]}";
    assertThat(send("PUT", "/__dfx/organizations/acme%20health", null, org).statusCode()).isEqualTo(204);
    // the official JS client does not path-encode orgId, and sends a Content-Type on the GET: both accepted
    HttpResponse<String> orgAnswer = send("GET", "/auths/organization/credentials/acme%20health", pair.group(1), null);
    assertThat(orgAnswer.statusCode()).isEqualTo(200);
    assertLikeTheRealApi(orgAnswer);
    assertThat(orgAnswer.body()).contains("\"orgName\":\"Acme Health\"").contains("\"displayName\":\"Google\"");
    assertThat(send("PUT", "/__dfx/organizations/acme-health", null, org).statusCode()).isEqualTo(204);
    HttpResponse<String> unencoded = HTTP.send(HttpRequest.newBuilder(URI.create(base
        + "/auths/organization/credentials/acme-health")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + pair.group(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unencoded.statusCode()).isEqualTo(200);
    HttpResponse<String> unknown = send("GET", "/auths/organization/credentials/nope", pair.group(1), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("ORGANIZATION_NOT_FOUND");

    HttpResponse<String> renew = send("POST", "/auths/renew", null,
        "{\"Token\":\"" + pair.group(1) + "\",\"RefreshToken\":\"" + pair.group(2) + "\"}");
    assertThat(renew.statusCode()).isEqualTo(200);
    assertThat(renew.body()).startsWith("{\"Token\":\"eyJ");
    HttpResponse<String> spent = send("POST", "/auths/renew", null,
        "{\"Token\":\"" + pair.group(1) + "\",\"RefreshToken\":\"" + pair.group(2) + "\"}");
    assertThat(spent.statusCode()).isEqualTo(401);
    assertThat(spent.body()).contains("\"Code\":\"INVALID_REFRESH_TOKEN\"");
    assertLikeTheRealApi(spent);

    assertThat(send("POST", "/__dfx/failures/2303", null, "{\"kind\":\"unavailable\",\"times\":1}").statusCode())
        .isEqualTo(204);
    HttpResponse<String> busy = send("PATCH", "/auths/users/code", deviceToken,
        "{\"PhoneNumber\":\"+15555550123\",\"Identifier\":\"acme-health\"}");
    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.body()).contains("\"Code\":\"UNAVAILABLE\"");
    // the sources disagree on 2303's verb (a route table says POST): served on both, counted as 2303
    HttpResponse<String> posted = send("POST", "/auths/users/code", deviceToken,
        "{\"PhoneNumber\":\"+15555550123\",\"Identifier\":\"acme-health\"}");
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).isEqualTo("{\"success\":true}");

    HttpResponse<String> counts = send("GET", "/__dfx/requests", null, null);
    assertThat(counts.body()).contains("\"2303\":3").contains("\"2304\":2").contains("\"2306\":3");

    HttpResponse<String> bad = send("PATCH", "/auths/users/code", deviceToken, "{\"PhoneNumber\":\"12\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("INVALID_REQUEST");
    assertThat(send("GET", "/nope", null, null).statusCode()).isEqualTo(404);
    assertThat(send("POST", "/__dfx/reset", null, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/__dfx/requests", null, null).body()).isEqualTo("{}");
  }

  /**
   * The three operations without an action ID over plain HTTP, as a JavaScript team drives them:
   * the claims of the bearer (with the JS client's {@code Content-Type} on the GET), an SSO code
   * minted by the admin API and exchanged once, scripted failures and counts by operation name.
   */
  @Test
  void servesTheAuthV1OperationsAndMintsSsoCodes() throws Exception {
    HttpResponse<String> minted = send("POST", "/__dfx/pairs", null, "{\"subject\":\"device-sso\"}");
    Matcher pair = Pattern.compile("\\{\"Token\":\"(\\S+?)\",\"RefreshToken\":\"(\\S+?)\"}").matcher(minted.body());
    assertThat(pair.matches()).isTrue();
    String token = pair.group(1);

    HttpResponse<String> claims = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/auth/v1/authenticate"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(claims.statusCode()).isEqualTo(200);
    assertLikeTheRealApi(claims);
    assertThat(claims.body()).startsWith("{\"OrganizationID\":\"" + FakeAuthsBackend.FAKE_ORGANIZATION_ID
        + "\",\"ID\":\"device-sso\",\"Type\":\"device\",\"SessionGen\":1,\"Region\":\"na-east\",\"exp\":")
        .contains(",\"iss\":\"fake-dfx\",\"RoleID\":\"DEVICE\",\"Policies\":{\"LoginUser\":true},\"Permissions\":"
            + "{\"Auths\":{\"Actions\":[\"2300\",\"2302\",\"2303\",\"2304\",\"2305\"]},");
    HttpResponse<String> validate = send("GET", "/auth/v1/validate", token, null);
    assertThat(validate.body()).isEqualTo(claims.body());
    HttpResponse<String> anonymous = send("GET", "/auth/v1/validate", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"Code\":\"INVALID_TOKEN\"");
    assertLikeTheRealApi(anonymous);

    HttpResponse<String> code = send("POST", "/__dfx/sso/codes", null,
        "{\"orgIdentifier\":\"acme-health\",\"redirectURL\":\"https://app.example/cb\"}");
    assertThat(code.statusCode()).isEqualTo(201);
    assertLikeTheRealApi(code);
    Matcher c = Pattern.compile("\\{\"code\":\"([0-9a-f-]{36})\"}").matcher(code.body());
    assertThat(c.matches()).as(code.body()).isTrue();
    String exchange = "{\"redirectURL\":\"https://app.example/cb\",\"orgIdentifier\":\"acme-health\",\"code\":\""
        + c.group(1) + "\"}";
    assertThat(send("POST", "/__dfx/failures/post-auth-v1-sso-token", null, "{\"kind\":\"error\",\"status\":500}")
        .statusCode()).isEqualTo(204);
    assertThat(send("POST", "/auth/v1/sso/token", token, exchange).statusCode()).isEqualTo(500);
    HttpResponse<String> tokens = send("POST", "/auth/v1/sso/token", token, exchange);
    assertThat(tokens.statusCode()).isEqualTo(200);
    assertLikeTheRealApi(tokens);
    assertThat(tokens.body()).matches("\\{\"idToken\":\"eyJ[^\"]+\",\"accessToken\":\"eyJ[^\"]+\",\"refreshToken\":"
        + "\"ssort-[0-9a-f]+\",\"expiresIn\":3600,\"tokenType\":\"Bearer\"}");
    HttpResponse<String> again = send("POST", "/auth/v1/sso/token", token, exchange);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).isEqualTo("{\"Code\":\"INVALID_CODE\",\"Message\":\"The code was already used\"}");
    assertThat(send("POST", "/__dfx/sso/codes", null, "{\"orgIdentifier\":\"acme-health\"}").statusCode())
        .isEqualTo(400);

    HttpResponse<String> counts = send("GET", "/__dfx/requests", null, null);
    assertThat(counts.body()).contains("\"get-auth-v1-authenticate\":1").contains("\"get-auth-v1-validate\":2")
        .contains("\"post-auth-v1-sso-token\":3");
  }

  @Test
  void aBadArgumentGetsAUsageLine() throws IOException, InterruptedException {
    Process p = FakeServerProcess.java("8080x").start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output).contains("usage: FakeDfxServer [port]").doesNotContain("NumberFormatException");
  }
}
