package io.github.dfxclient.auths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.core.codec.JsonFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code /auth/v1/*} answers and request on the codec layer: the claims with their nested
 * {@code Policies} and arbitrary {@code Permissions}, the SSO request's exact bytes and the SSO
 * answer in whole seconds.
 */
class AuthV1CodecsTest {
  static final String CLAIMS = "{\"OrganizationID\":\"org-1\",\"ID\":\"device-42\",\"Type\":\"device\","
      + "\"SessionGen\":3,\"Region\":\"na-east\",\"exp\":1700003600,\"iat\":1700000000,\"iss\":\"dfx\","
      + "\"RoleID\":\"DEVICE\",\"Policies\":{\"LoginUser\":true,\"Other\":[1]},\"Permissions\":{\"Measurements\":"
      + "{\"Create\":true,\"Limit\":1000,\"Ratio\":0.5,\"Actions\":[\"502\",\"503\",null]},"
      + "\"Note\":null,\"Big\":123456789012345678901234567890},\"Unknown\":{\"x\":[{}]}}";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void claimsKeepNestedPermissionsAsTheyCame() {
    TokenClaims c = AuthsCodecs.TOKEN_CLAIMS.decode(utf8(CLAIMS));

    assertThat(c.organizationId()).isEqualTo("org-1");
    assertThat(c.id()).isEqualTo("device-42");
    assertThat(c.type()).isEqualTo("device");
    assertThat(c.sessionGen()).isEqualTo(3L);
    assertThat(c.region()).isEqualTo("na-east");
    assertThat(c.expiresAt()).isEqualTo(Instant.ofEpochSecond(1700003600));
    assertThat(c.issuedAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
    assertThat(c.issuer()).isEqualTo("dfx");
    assertThat(c.roleId()).isEqualTo("DEVICE");
    assertThat(c.loginUser()).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) c.permissions().get("Measurements");
    assertThat(m.get("Create")).isEqualTo(Boolean.TRUE);
    assertThat(m.get("Limit")).isEqualTo(1000L);
    assertThat(m.get("Ratio")).isEqualTo(0.5d);
    assertThat(m.get("Actions")).isEqualTo(Arrays.asList("502", "503", null));
    assertThat(c.permissions()).containsEntry("Note", null).containsKey("Big");
    assertThat(c.permissions().get("Big")).isInstanceOf(Double.class);
    assertThat(c.permissions().keySet()).containsExactly("Measurements", "Note", "Big");
    assertThatThrownBy(() -> c.permissions().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> actions = (List<Object>) m.get("Actions");
    assertThatThrownBy(() -> actions.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void claimsSurviveTheirOwnEncoding() {
    TokenClaims c = AuthsCodecs.TOKEN_CLAIMS.decode(utf8(CLAIMS));

    TokenClaims again = AuthsCodecs.TOKEN_CLAIMS.decode(AuthsCodecs.TOKEN_CLAIMS.encode(c));

    assertThat(again).isEqualTo(c);
    assertThat(new String(AuthsCodecs.TOKEN_CLAIMS.encode(c), StandardCharsets.UTF_8))
        .startsWith("{\"OrganizationID\":\"org-1\",\"ID\":\"device-42\",\"Type\":\"device\",\"SessionGen\":3,")
        .contains("\"Policies\":{\"LoginUser\":true},\"Permissions\":{\"Measurements\":{\"Create\":true,");
  }

  @Test
  void aMissingNestedFieldIsNamedByItsPath() {
    JsonFieldException e = catchThrowableOfType(JsonFieldException.class,
        () -> AuthsCodecs.TOKEN_CLAIMS.decode(utf8(CLAIMS.replace("\"LoginUser\":true,", ""))));

    assertThat(e.field()).isEqualTo("Policies.LoginUser");
    assertThat(e.problem()).isEqualTo(JsonFieldException.Problem.MISSING);
  }

  @Test
  void permissionsMustBeAnObject() {
    for (String other : List.of("[1,2]", "\"all\"", "true", "7")) {
      String body = CLAIMS.substring(0, CLAIMS.indexOf("\"Permissions\":") + 14) + other
          + ",\"Unknown\":{\"x\":[{}]}}";

      IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
          () -> AuthsCodecs.TOKEN_CLAIMS.decode(utf8(body)));

      assertThat(e).as(other).hasMessageContaining("Permissions");
    }
  }

  @Test
  void theConstructorCopiesPermissionsIntoTheirJsonForm() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("n", 7);
    inner.put("f", 1.5f);
    inner.put("none", null);
    List<Object> list = new ArrayList<>(List.of(1, "a"));
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("inner", inner);
    given.put("list", list);

    TokenClaims c = new TokenClaims("o", "i", "user", 1, "r", Instant.EPOCH, Instant.EPOCH, "iss", "role", false, given);
    inner.put("later", true);
    list.add("later");

    Map<String, Object> expectedInner = new LinkedHashMap<>();
    expectedInner.put("n", 7L);
    expectedInner.put("f", 1.5d);
    expectedInner.put("none", null);
    assertThat(c.permissions()).isEqualTo(Map.of("inner", expectedInner, "list", List.of(1L, "a")));
    assertThatThrownBy(() -> new TokenClaims("o", "i", "user", 1, "r", Instant.EPOCH, Instant.EPOCH, "iss", "role",
        false, Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("permissions ");
    assertThatThrownBy(() -> new TokenClaims("o", "i", "user", 1, "r", Instant.EPOCH, Instant.EPOCH, "iss", "role",
        false, Map.of("x", Double.NaN))).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("permissions ");
    assertThatThrownBy(() -> new TokenClaims("o", "i", "user", 1, "r", Instant.EPOCH, Instant.EPOCH, "iss", null,
        false, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessage("roleId must not be null");
    assertThatThrownBy(() -> new TokenClaims("o", "i", "user", 1, "r", null, Instant.EPOCH, "iss", "role",
        false, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessage("expiresAt must not be null");
  }

  @Test
  void theSsoRequestIsWrittenAsTheOfficialClientSendsIt() {
    byte[] json = AuthsCodecs.SSO_TOKEN_REQUEST.encode(
        new SsoTokenRequest("https://app.example/cb?x=1", "acme-health", "c0de-4711"));

    assertThat(new String(json, StandardCharsets.UTF_8))
        .isEqualTo("{\"redirectURL\":\"https://app.example/cb?x=1\",\"orgIdentifier\":\"acme-health\",\"code\":\"c0de-4711\"}");
  }

  @Test
  void theSsoAnswerCountsSeconds() {
    SsoTokens t = AuthsCodecs.SSO_TOKENS.decode(utf8("{\"idToken\":\"i.d.t\",\"accessToken\":\"a.c.c\","
        + "\"refreshToken\":\"r\",\"expiresIn\":3600,\"tokenType\":\"Bearer\",\"extra\":1}"));

    assertThat(t).isEqualTo(new SsoTokens("i.d.t", "a.c.c", "r", Duration.ofHours(1), "Bearer"));
    assertThat(catchThrowableOfType(JsonFieldException.class, () -> AuthsCodecs.SSO_TOKENS.decode(utf8(
        "{\"idToken\":\"i\",\"accessToken\":\"a\",\"refreshToken\":\"r\",\"expiresIn\":1.5,\"tokenType\":\"Bearer\"}")))
        .field()).isEqualTo("expiresIn");
    assertThat(catchThrowableOfType(JsonFieldException.class, () -> AuthsCodecs.SSO_TOKENS.decode(utf8(
        "{\"idToken\":\"i\",\"accessToken\":\"a\",\"expiresIn\":1,\"tokenType\":\"Bearer\"}"))).field())
        .isEqualTo("refreshToken");
  }
}
