package io.github.dfxclient.onboarding.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.core.codec.JsonObjectCodec;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fake as a process ({@code FakeOnboarding.main}) serves both operations to any client over
 * plain HTTP, as its welcome says (what a JavaScript front end's end-to-end tests would send), and
 * the testkit's admin API scripts and counts them too.
 */
class StandaloneFakeTest {
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void servesRegistrationAndLoginAsTheWelcomeSays() throws Exception {
    ByteArrayOutputStream welcome = new ByteArrayOutputStream();
    try (FakeDfxServer server = FakeOnboarding.start(new FakeAuthsBackend(), 0,
        new PrintStream(welcome, true, StandardCharsets.UTF_8))) {
      String text = welcome.toString(StandardCharsets.UTF_8);
      String key = find(text, "Fake license key \\(10 devices\\): (\\S+)");
      String password = find(text, "Fake user: alice@example.com / (\\S+)");
      URI base = server.baseUri();
      assertThat(text).contains(base.toString());

      HttpResponse<String> registered = post(base.resolve("/organizations/licenses"), null,
          "{\"DeviceTypeID\":\"LINUX\",\"Key\":\"" + key + "\",\"Name\":\"Kiosk 7\",\"Identifier\":\"k\",\"Version\":\"1\"}");
      Map<String, Object> device = JsonObjectCodec.anyObject().decode(registered.body().getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> login = post(base.resolve("/users/auth"), (String) device.get("Token"),
          "{\"Email\":\"alice@example.com\",\"Password\":\"" + password + "\"}");
      HttpResponse<String> wrong = post(base.resolve("/users/auth"), (String) device.get("Token"),
          "{\"Email\":\"alice@example.com\",\"Password\":\"nope\"}");
      post(base.resolve("/__dfx/failures/705"), null, "{\"kind\":\"unavailable\"}");
      HttpResponse<String> scripted = post(base.resolve("/organizations/licenses"), null,
          "{\"DeviceTypeID\":\"LINUX\",\"Key\":\"" + key + "\",\"Name\":\"Kiosk 8\",\"Identifier\":\"k\",\"Version\":\"1\"}");
      HttpResponse<String> counts = http.send(HttpRequest.newBuilder(base.resolve("/__dfx/requests")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(registered.statusCode()).isEqualTo(200);
      assertThat(registered.headers().firstValue("Content-Type")).contains(FakeDfxServer.CONTENT_TYPE);
      assertThat(device).containsKeys("DeviceID", "Token", "RefreshToken", "RoleID", "UserID");
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("\"Token\":", "\"RefreshToken\":");
      assertThat(wrong.statusCode()).isEqualTo(400);
      assertThat(wrong.body()).contains("\"Code\":\"" + FakeOnboarding.INVALID_CREDENTIALS + "\"");
      assertThat(scripted.statusCode()).isEqualTo(503);
      assertThat(JsonObjectCodec.anyObject().decode(counts.body().getBytes(StandardCharsets.UTF_8)))
          .containsEntry("705", 2L).containsEntry("201", 2L);
    }
  }

  private HttpResponse<String> post(URI uri, String bearer, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("the welcome shows %s", regex).isTrue();
    return m.group(1);
  }
}
