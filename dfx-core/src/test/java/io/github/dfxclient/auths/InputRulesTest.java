package io.github.dfxclient.auths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request field against null, empty, blank, surrounding space, control characters, very long
 * values and non-ASCII: accepted as the API would, or refused with a message naming the field and
 * not echoing the value.
 */
class InputRulesTest {

  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
  private static final String REFRESH = "rt-0123456789abcdef";

  enum Field {
    TOKEN_FIELD("token", (v, ok) -> new TokenPair(v, ok)),
    REFRESH_TOKEN("refreshToken", (v, ok) -> new TokenPair(TOKEN, v)),
    PHONE_NUMBER("phoneNumber", (v, ok) -> new LoginCodeRequest(v, "acme")),
    LOGIN_IDENTIFIER("identifier", (v, ok) -> new LoginCodeRequest("+15555550123", v)),
    EMAIL("email", (v, ok) -> new ResetPasswordLinkRequest(v, "acme")),
    RESET_IDENTIFIER("identifier", (v, ok) -> new ResetPasswordLinkRequest("a@b.io", v)),
    MOBILE_EMAIL("email", (v, ok) -> new ResetMobileRequest(v, "+15555550123")),
    MOBILE_PHONE("phoneNumber", (v, ok) -> new ResetMobileRequest("a@b.io", v)),
    GENERATED("token", (v, ok) -> new GeneratedToken(v)),
    ORG_ID("orgId", (v, ok) -> AuthsOperations.ORG_CLIENT_CREDENTIALS.path(v)),
    SSO_REDIRECT_URL("redirectUrl", (v, ok) -> new SsoTokenRequest(v, "acme-health", "c0de-secret-value")),
    SSO_ORG_IDENTIFIER("orgIdentifier", (v, ok) -> new SsoTokenRequest("https://app.example/cb", v, "c0de-secret-value")),
    SSO_CODE("code", (v, ok) -> new SsoTokenRequest("https://app.example/cb", "acme-health", v)),
    SSO_ID_TOKEN("idToken", (v, ok) -> new SsoTokens(v, TOKEN, REFRESH, java.time.Duration.ofHours(1), "Bearer")),
    SSO_ACCESS_TOKEN("accessToken", (v, ok) -> new SsoTokens(TOKEN, v, REFRESH, java.time.Duration.ofHours(1), "Bearer")),
    SSO_REFRESH_TOKEN("refreshToken", (v, ok) -> new SsoTokens(TOKEN, TOKEN, v, java.time.Duration.ofHours(1), "Bearer"));

    final String name;
    final BiFunction<String, String, Object> make;

    Field(String name, BiFunction<String, String, Object> make) {
      this.name = name;
      this.make = make;
    }

    Object make(String value) {
      return make.apply(value, REFRESH);
    }
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // null, empty, blank: refused everywhere
        Arguments.of(Field.TOKEN_FIELD, null), Arguments.of(Field.TOKEN_FIELD, ""), Arguments.of(Field.TOKEN_FIELD, "   "),
        Arguments.of(Field.REFRESH_TOKEN, null), Arguments.of(Field.REFRESH_TOKEN, ""), Arguments.of(Field.REFRESH_TOKEN, "\t"),
        Arguments.of(Field.PHONE_NUMBER, null), Arguments.of(Field.PHONE_NUMBER, ""), Arguments.of(Field.PHONE_NUMBER, " "),
        Arguments.of(Field.LOGIN_IDENTIFIER, null), Arguments.of(Field.LOGIN_IDENTIFIER, ""), Arguments.of(Field.LOGIN_IDENTIFIER, "  "),
        Arguments.of(Field.EMAIL, null), Arguments.of(Field.EMAIL, ""), Arguments.of(Field.EMAIL, "  "),
        Arguments.of(Field.RESET_IDENTIFIER, null), Arguments.of(Field.RESET_IDENTIFIER, ""), Arguments.of(Field.RESET_IDENTIFIER, " "),
        // surrounding space: refused (never silently trimmed)
        Arguments.of(Field.TOKEN_FIELD, " secret-token-value"), Arguments.of(Field.REFRESH_TOKEN, "secret-refresh "),
        Arguments.of(Field.PHONE_NUMBER, " +15555550123"), Arguments.of(Field.EMAIL, "secret@example.org "),
        Arguments.of(Field.LOGIN_IDENTIFIER, " acme"), Arguments.of(Field.RESET_IDENTIFIER, "acme\t"),
        // control characters and header injection
        Arguments.of(Field.TOKEN_FIELD, "secret\r\nX-Evil: 1"), Arguments.of(Field.REFRESH_TOKEN, "secret\u0000x"),
        Arguments.of(Field.PHONE_NUMBER, "+1555\n5550123"), Arguments.of(Field.EMAIL, "secret@exa\u001bmple.org"),
        Arguments.of(Field.LOGIN_IDENTIFIER, "ac\u0007me"), Arguments.of(Field.RESET_IDENTIFIER, "ac\u202eme"),
        Arguments.of(Field.RESET_IDENTIFIER, "ac\ud800me"),
        // very long
        Arguments.of(Field.TOKEN_FIELD, "s".repeat(8193)), Arguments.of(Field.REFRESH_TOKEN, "s".repeat(100_000)),
        Arguments.of(Field.PHONE_NUMBER, "+1234567890123456"), Arguments.of(Field.EMAIL, "s".repeat(250) + "@x.io"),
        Arguments.of(Field.LOGIN_IDENTIFIER, "a".repeat(129)),
        // non-ASCII where the field is ASCII by nature
        Arguments.of(Field.TOKEN_FIELD, "sécret-token"), Arguments.of(Field.PHONE_NUMBER, "+١٥٥٥٥٥٥٠١٢٣"),
        // wrong shape
        Arguments.of(Field.TOKEN_FIELD, "secret token"), Arguments.of(Field.PHONE_NUMBER, "555-0123-44"),
        Arguments.of(Field.PHONE_NUMBER, "+1 555 555 0123"), Arguments.of(Field.PHONE_NUMBER, "12345"),
        Arguments.of(Field.EMAIL, "secret.example.org"), Arguments.of(Field.EMAIL, "secret@@example.org"),
        Arguments.of(Field.EMAIL, "@example.org"), Arguments.of(Field.EMAIL, "secret@localhost"),
        Arguments.of(Field.EMAIL, "sec ret@example.org"),
        // E.164: the country code starts with 1-9
        Arguments.of(Field.PHONE_NUMBER, "+0000000"), Arguments.of(Field.PHONE_NUMBER, "0155555501"),
        // the new operations' fields
        Arguments.of(Field.MOBILE_EMAIL, "secret.example.org"), Arguments.of(Field.MOBILE_EMAIL, " secret@example.org"),
        Arguments.of(Field.MOBILE_PHONE, "+0555555012"), Arguments.of(Field.MOBILE_PHONE, "555-0123-44"),
        Arguments.of(Field.GENERATED, null), Arguments.of(Field.GENERATED, "secret token"),
        Arguments.of(Field.ORG_ID, null), Arguments.of(Field.ORG_ID, " "), Arguments.of(Field.ORG_ID, " acme"),
        Arguments.of(Field.ORG_ID, "ac\nme"), Arguments.of(Field.ORG_ID, "a".repeat(129)),
        // a dot-segment would make a normalizing proxy or server call another endpoint
        Arguments.of(Field.ORG_ID, "."), Arguments.of(Field.ORG_ID, ".."), Arguments.of(Field.ORG_ID, ""),
        // ssoToken: null and blank everywhere; the code is a secret never echoed
        Arguments.of(Field.SSO_REDIRECT_URL, null), Arguments.of(Field.SSO_REDIRECT_URL, ""),
        Arguments.of(Field.SSO_REDIRECT_URL, "   "), Arguments.of(Field.SSO_ORG_IDENTIFIER, null),
        Arguments.of(Field.SSO_ORG_IDENTIFIER, ""), Arguments.of(Field.SSO_ORG_IDENTIFIER, " \t"),
        Arguments.of(Field.SSO_CODE, null), Arguments.of(Field.SSO_CODE, ""), Arguments.of(Field.SSO_CODE, "  "),
        Arguments.of(Field.SSO_CODE, " secret-code-4711"), Arguments.of(Field.SSO_CODE, "secret-code\r\nX-Evil: 1"),
        Arguments.of(Field.SSO_CODE, "secret code 4711"), Arguments.of(Field.SSO_CODE, "sécret-code-4711"),
        Arguments.of(Field.SSO_CODE, "c".repeat(8193)),
        // a redirect URI is absolute, ASCII, without space, and at most 2048 characters
        Arguments.of(Field.SSO_REDIRECT_URL, "/callback"), Arguments.of(Field.SSO_REDIRECT_URL, "app.example/cb"),
        Arguments.of(Field.SSO_REDIRECT_URL, "https://app.example/c b"),
        Arguments.of(Field.SSO_REDIRECT_URL, "https://app.example/\u00e9"),
        Arguments.of(Field.SSO_REDIRECT_URL, "https://app.example/cb\nX-Evil: 1"),
        Arguments.of(Field.SSO_REDIRECT_URL, "https://app.example/cb#%zz"),
        Arguments.of(Field.SSO_REDIRECT_URL, "https://app.example/" + "x".repeat(2030)),
        Arguments.of(Field.SSO_ORG_IDENTIFIER, " acme"), Arguments.of(Field.SSO_ORG_IDENTIFIER, "ac\u0000me"),
        Arguments.of(Field.SSO_ORG_IDENTIFIER, "a".repeat(129)),
        // the SSO answer's tokens (checked when an answer is decoded)
        Arguments.of(Field.SSO_ID_TOKEN, null), Arguments.of(Field.SSO_ID_TOKEN, ""),
        Arguments.of(Field.SSO_ACCESS_TOKEN, "secret token"), Arguments.of(Field.SSO_REFRESH_TOKEN, " "));
  }

  @Test
  void aResetMessageNeedsAnEmailOrAPhone() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new ResetMobileRequest(null, null)))
        .hasMessageStartingWith("email or phoneNumber");
    assertThat(new ResetMobileRequest(null, "+15555550123").toString()).doesNotContain("5555550123");
    assertThat(new ResetMobileRequest("ada@example.org", null).toString()).doesNotContain("ada@example.org");
    assertThat(new GeneratedToken(TOKEN).toString()).doesNotContain(TOKEN);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("refused")
  void refusesWithMessageNamingFieldButNotValue(Field field, String value) {
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> field.make(value));

    assertThat(e).as("refused").isNotNull();
    assertThat(e.getMessage()).startsWith(field.name + " ");
    if (value != null && value.strip().length() > 3) {
      assertThat(e.getMessage()).doesNotContain(value.strip());
    }
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of(Field.TOKEN_FIELD, TOKEN), Arguments.of(Field.TOKEN_FIELD, "t".repeat(8192)),
        Arguments.of(Field.REFRESH_TOKEN, "a"), Arguments.of(Field.REFRESH_TOKEN, "Zm9v+/=~_-."),
        Arguments.of(Field.PHONE_NUMBER, "+15555550123"), Arguments.of(Field.PHONE_NUMBER, "5555550123"),
        Arguments.of(Field.PHONE_NUMBER, "+123456789012345"),
        Arguments.of(Field.EMAIL, "ada.lovelace+dfx@example.org"), Arguments.of(Field.EMAIL, "jürgen@münchen.de"),
        Arguments.of(Field.LOGIN_IDENTIFIER, "acme"), Arguments.of(Field.LOGIN_IDENTIFIER, "Acme Health Inc."),
        Arguments.of(Field.RESET_IDENTIFIER, "日本の組織"), Arguments.of(Field.RESET_IDENTIFIER, "org-😀"),
        Arguments.of(Field.RESET_IDENTIFIER, "a".repeat(128)),
        Arguments.of(Field.ORG_ID, "acme health/eu"), Arguments.of(Field.ORG_ID, "組織"),
        Arguments.of(Field.ORG_ID, "..."), Arguments.of(Field.ORG_ID, "a/../b"),
        Arguments.of(Field.MOBILE_PHONE, "15555550123"),
        Arguments.of(Field.SSO_REDIRECT_URL, "https://app.example/callback?x=1"),
        Arguments.of(Field.SSO_REDIRECT_URL, "com.example.app:/oauth2redirect"),
        Arguments.of(Field.SSO_REDIRECT_URL, "http://127.0.0.1:8080/cb"),
        Arguments.of(Field.SSO_ORG_IDENTIFIER, "Acme Health Inc."), Arguments.of(Field.SSO_ORG_IDENTIFIER, "組織"),
        Arguments.of(Field.SSO_CODE, "3f4ad9a8-2b4e-4d4f-9bd5-1e0d4b2c3a9e"), Arguments.of(Field.SSO_CODE, "c"),
        Arguments.of(Field.SSO_ACCESS_TOKEN, "a.b.c"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("accepted")
  void acceptsWhatTheApiAccepts(Field field, String value) {
    assertThat(field.make(value)).isNotNull();
  }

  @Test
  void toStringNeverShowsSecrets() {
    TokenPair pair = new TokenPair(TOKEN, REFRESH);
    LoginCodeRequest code = new LoginCodeRequest("+15555550123", "acme");
    ResetPasswordLinkRequest reset = new ResetPasswordLinkRequest("ada@example.org", "acme");

    assertThat(pair.toString()).doesNotContain(TOKEN).doesNotContain(REFRESH).contains("TokenPair");
    assertThat(code.toString()).doesNotContain("5555550123").contains("acme");
    assertThat(reset.toString()).doesNotContain("ada@example.org").contains("acme");
  }

  @Test
  void ssoValuesNeverShowTheirSecrets() {
    SsoTokenRequest request = new SsoTokenRequest("https://app.example/cb", "acme-health", "c0de-4711-secret");
    SsoTokens tokens = new SsoTokens("id-" + TOKEN, "access-" + TOKEN, "refresh-" + REFRESH,
        java.time.Duration.ofSeconds(3600), "Bearer");

    assertThat(request.toString()).doesNotContain("c0de-4711-secret").contains("acme-health")
        .contains("https://app.example/cb");
    assertThat(tokens.toString()).doesNotContain(TOKEN).doesNotContain(REFRESH).contains("PT1H").contains("Bearer");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new SsoTokens(TOKEN, TOKEN, REFRESH,
        java.time.Duration.ofSeconds(-1), "Bearer"))).hasMessageStartingWith("expiresIn ");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new SsoTokens(TOKEN, TOKEN, REFRESH,
        null, "Bearer"))).hasMessageStartingWith("expiresIn ");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new SsoTokens(TOKEN, TOKEN, REFRESH,
        java.time.Duration.ZERO, null))).hasMessageStartingWith("tokenType ");
  }

  @Test
  void valuesStayComparable() {
    assertThat(new TokenPair(TOKEN, REFRESH)).isEqualTo(new TokenPair(TOKEN, REFRESH))
        .isNotEqualTo(new TokenPair(TOKEN, REFRESH + "x"));
  }
}
