package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.core.codec.JsonObjectCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official JavaScript client, {@code @nuralogix.ai/dfx-api-client} 1.0.73, unmodified, reads every
 * answer the standalone fake server gives it: one {@code node} process drives all nine methods of its
 * {@code auths} resource against {@code FakeDfxServer} running as its own process, setting the scene
 * through the admin API ({@code src/test/resources/official-js-client/auths.cjs}); this test asserts
 * status and body as the JS client returns them. The JS client reads a body only when the content
 * type starts with {@code application/json;}: a body it read is proof the fake answered like the real
 * API.
 *
 * <p>Its {@code requestLoginCode} posts to {@code /auths/renew} (the client's own bug, DESIGN "Wire
 * protocol"): the fake serves what the DESIGN says (2303 on {@code PATCH} and {@code POST
 * /auths/users/code}), so that call earns a readable 400 from the renew route and never reaches 2303.
 *
 * <p>Without {@code node}/{@code npm} the test is skipped with a loud message; {@code CI=true} makes
 * that a failure ({@link OfficialJsClient}).
 */
class OfficialJsClientTest {
  private static final String JSON = "application/json; charset=utf-8";

  @Test
  void theOfficialJsClientReadsEveryAnswerOfTheFake() throws Exception {
    OfficialJsClient.Installed js = OfficialJsClient.install(Path.of("target", "official-js-client"));
    Path script = Path.of("src", "test", "resources", "official-js-client", "auths.cjs");
    Map<String, Object> out;
    try (FakeServerProcess server = FakeServerProcess.start()) {
      out = run(js, script, server.baseUri().toString());
    }
    Map<String, Object> calls = object(out.get("calls"));
    Map<String, Object> device = object(out.get("device"));

    assertThat(calls.keySet()).as("all nine methods of client.http.auths were called").contains("authenticate",
        "validate", "ssoToken", "requestLoginCode", "requestResetPasswordLink", "sendResetMobile", "renew",
        "generateToken", "getOrgClientCredentials");
    calls.forEach((name, call) -> assertThat(object(call).get("contentType")).as(name).isEqualTo(JSON));

    Map<String, Object> claims = body(calls, "authenticate", "200");
    long[] times = times((String) device.get("Token"));
    assertThat(claims).containsEntry("OrganizationID", FakeAuthsBackend.FAKE_ORGANIZATION_ID)
        .containsEntry("ID", "device").containsEntry("Type", "device").containsEntry("SessionGen", 1L)
        .containsEntry("Region", FakeAuthsBackend.FAKE_REGION).containsEntry("iat", times[0])
        .containsEntry("exp", times[1]).containsEntry("iss", FakeAuthsBackend.FAKE_ISSUER)
        .containsEntry("RoleID", "DEVICE").containsEntry("Policies", Map.of("LoginUser", true))
        .containsEntry("Permissions", FakeAuthsBackend.DEVICE_PERMISSIONS);
    assertThat(body(calls, "validate", "200")).isEqualTo(claims);

    Map<String, Object> sso = body(calls, "ssoToken", "200");
    assertThat((String) sso.get("idToken")).startsWith("eyJ");
    assertThat((String) sso.get("accessToken")).startsWith("eyJ");
    assertThat((String) sso.get("refreshToken")).startsWith("ssort-");
    assertThat(sso).containsEntry("expiresIn", 3600L).containsEntry("tokenType", "Bearer");
    assertThat(body(calls, "ssoTokenAgain", "400")).isEqualTo(Map.of("Code", FakeAuthsBackend.INVALID_CODE,
        "Message", "The code was already used"));

    Map<String, Object> loginCode = body(calls, "requestLoginCode", "400");
    assertThat(loginCode).containsEntry("Code", "INVALID_REQUEST");
    assertThat((String) loginCode.get("Message")).contains("\"Token\"");
    assertThat(body(calls, "requestResetPasswordLink", "200")).isEqualTo(Map.of("success", true));
    assertThat(body(calls, "sendResetMobile", "200")).isEqualTo(Map.of("success", true));
    assertThat((String) body(calls, "generateToken", "200").get("Token")).startsWith("gt-");
    Map<String, Object> org = body(calls, "getOrgClientCredentials", "200");
    assertThat(org).containsEntry("orgName", "Acme Health").containsEntry("logoURL", null)
        .containsEntry("nativeAuthEnabled", true);
    assertThat((List<?>) org.get("identityProviders")).hasSize(1);
    assertThat(object(((List<?>) org.get("identityProviders")).get(0))).containsEntry("iconURL", null)
        .containsEntry("displayName", "Acme SSO").containsEntry("identityProviderName", "AcmeSaml");
    assertThat(body(calls, "getOrgClientCredentialsUnknown", "404")).containsEntry("Code",
        FakeAuthsBackend.ORGANIZATION_NOT_FOUND);

    Map<String, Object> renewed = body(calls, "renew", "200");
    assertThat((String) renewed.get("Token")).startsWith("eyJ").isNotEqualTo(device.get("Token"));
    assertThat(object(out.get("sessionAfterRenew"))).as("the JS client kept the renewed device token")
        .containsEntry("deviceToken", renewed.get("Token"));
    assertThat(body(calls, "validateAfterRenew", "200")).containsEntry("SessionGen", 2L).containsEntry("ID", "device");
    assertThat(body(calls, "authenticateWithTheSpentToken", "401")).containsEntry("Code", FakeAuthsBackend.INVALID_TOKEN);

    assertThat(object(out.get("requests"))).as("requests per operation, at the fake").isEqualTo(Map.of(
        "2300", 1L, "2302", 1L, "2304", 1L, "2305", 1L, "2306", 2L,
        "get-auth-v1-authenticate", 2L, "get-auth-v1-validate", 2L, "post-auth-v1-sso-token", 2L));
    assertThat((List<?>) out.get("outbox")).hasSize(2);
  }

  /** Runs the script with one node process; its stdout is one JSON object. */
  private static Map<String, Object> run(OfficialJsClient.Installed js, Path script, String base) throws Exception {
    Path stdout = Files.createTempFile(Path.of("target"), "official-js-client-", ".json");
    Path stderr = Files.createTempFile(Path.of("target"), "official-js-client-", ".log");
    try {
      Process node = new ProcessBuilder(js.node().toString(), script.toAbsolutePath().toString(),
          js.library().toAbsolutePath().toString(), base)
          .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      boolean done = node.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        node.destroyForcibly();
      }
      assertThat(done).as("node finished within 120 s").isTrue();
      assertThat(node.exitValue()).as("node's exit code; its stderr: %s",
          Files.readString(stderr, StandardCharsets.UTF_8)).isZero();
      return JsonObjectCodec.anyObject().decode(Files.readAllBytes(stdout));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  /** @return the body of a call as the JS client returned it, after checking its status (a string there) */
  private static Map<String, Object> body(Map<String, Object> calls, String name, String status) {
    Map<String, Object> call = object(calls.get(name));
    assertThat(call.get("status")).as("status of %s: %s", name, call.get("body")).isEqualTo(status);
    return object(call.get("body"));
  }

  /** @return the {@code iat} and {@code exp} claims of a JWT-shaped token */
  private static long[] times(String token) {
    Map<String, Object> payload = JsonObjectCodec.anyObject().decode(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    return new long[] {(Long) payload.get("iat"), (Long) payload.get("exp")};
  }
}
