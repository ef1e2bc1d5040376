package io.github.dfxclient.auths;

import io.github.dfxclient.core.codec.JsonField;
import io.github.dfxclient.core.codec.JsonObjectCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of the Auths records, declared once on the strict codec layer for the client and
 * the fakes. Field names are PascalCase on requests and on the renew answer, {@code success} is
 * lower case. Every field a record promises is required; {@code null} is accepted only where the
 * record documents it (the strings of {@link OrgClientCredentials} and {@link IdentityProvider});
 * {@link ResetMobileRequest}'s two fields are optional (either may be left out, not both). The
 * {@code /auth/v1/*} answers spell their fields as the server does (PascalCase claims beside JWT's
 * {@code exp}, {@code iat}, {@code iss}; camelCase SSO fields).
 */
final class AuthsCodecs {
  static final JsonField<String> TOKEN = JsonField.string("Token");
  static final JsonField<String> REFRESH_TOKEN = JsonField.string("RefreshToken");
  static final JsonField<String> PHONE_NUMBER = JsonField.string("PhoneNumber");
  static final JsonField<String> EMAIL = JsonField.string("Email");
  static final JsonField<String> IDENTIFIER = JsonField.string("Identifier");
  static final JsonField<Boolean> SUCCESS = JsonField.bool("success");
  static final JsonField<String> OPTIONAL_EMAIL = EMAIL.optional();
  static final JsonField<String> OPTIONAL_PHONE_NUMBER = PHONE_NUMBER.optional();
  static final JsonField<String> ORG_NAME = JsonField.string("orgName").nullable();
  static final JsonField<String> LOGO_URL = JsonField.string("logoURL").nullable();
  static final JsonField<String> USER_POOL_ID = JsonField.string("userPoolId").nullable();
  static final JsonField<Boolean> NATIVE_AUTH_ENABLED = JsonField.bool("nativeAuthEnabled");
  static final JsonField<String> COGNITO_DOMAIN_URL = JsonField.string("cognitoDomainUrl").nullable();
  static final JsonField<String> ICON_URL = JsonField.string("iconURL").nullable();
  static final JsonField<String> DISPLAY_NAME = JsonField.string("displayName").nullable();
  static final JsonField<String> IDENTITY_PROVIDER_NAME = JsonField.string("identityProviderName").nullable();

  static final JsonField<String> ORGANIZATION_ID = JsonField.string("OrganizationID");
  static final JsonField<String> ID = JsonField.string("ID");
  static final JsonField<String> TYPE = JsonField.string("Type");
  static final JsonField<Long> SESSION_GEN = JsonField.int64("SessionGen");
  static final JsonField<String> REGION = JsonField.string("Region");
  static final JsonField<Instant> EXP = JsonField.epochSeconds("exp");
  static final JsonField<Instant> IAT = JsonField.epochSeconds("iat");
  static final JsonField<String> ISS = JsonField.string("iss");
  static final JsonField<String> ROLE_ID = JsonField.string("RoleID");
  static final JsonField<Boolean> LOGIN_USER = JsonField.bool("LoginUser");
  static final JsonField<Object> PERMISSIONS = JsonField.any("Permissions");
  static final JsonField<String> REDIRECT_URL = JsonField.string("redirectURL");
  static final JsonField<String> ORG_IDENTIFIER = JsonField.string("orgIdentifier");
  static final JsonField<String> CODE = JsonField.string("code");
  static final JsonField<String> ID_TOKEN = JsonField.string("idToken");
  static final JsonField<String> ACCESS_TOKEN = JsonField.string("accessToken");
  static final JsonField<String> SSO_REFRESH_TOKEN = JsonField.string("refreshToken");
  static final JsonField<Duration> EXPIRES_IN = JsonField.seconds("expiresIn");
  static final JsonField<String> TOKEN_TYPE = JsonField.string("tokenType");

  private AuthsCodecs() {}

  static final JsonObjectCodec<TokenPair> TOKEN_PAIR = JsonObjectCodec.<TokenPair>builder()
      .field(TOKEN, TokenPair::token)
      .field(REFRESH_TOKEN, TokenPair::refreshToken)
      .build(in -> new TokenPair(in.get(TOKEN), in.get(REFRESH_TOKEN)));

  static final JsonObjectCodec<LoginCodeRequest> LOGIN_CODE_REQUEST = JsonObjectCodec.<LoginCodeRequest>builder()
      .field(PHONE_NUMBER, LoginCodeRequest::phoneNumber)
      .field(IDENTIFIER, LoginCodeRequest::identifier)
      .build(in -> new LoginCodeRequest(in.get(PHONE_NUMBER), in.get(IDENTIFIER)));

  static final JsonObjectCodec<ResetPasswordLinkRequest> RESET_PASSWORD_LINK_REQUEST =
      JsonObjectCodec.<ResetPasswordLinkRequest>builder()
          .field(EMAIL, ResetPasswordLinkRequest::email)
          .field(IDENTIFIER, ResetPasswordLinkRequest::identifier)
          .build(in -> new ResetPasswordLinkRequest(in.get(EMAIL), in.get(IDENTIFIER)));

  static final JsonObjectCodec<ResetMobileRequest> RESET_MOBILE_REQUEST = JsonObjectCodec.<ResetMobileRequest>builder()
      .field(OPTIONAL_EMAIL, ResetMobileRequest::email)
      .field(OPTIONAL_PHONE_NUMBER, ResetMobileRequest::phoneNumber)
      .build(in -> new ResetMobileRequest(in.get(OPTIONAL_EMAIL), in.get(OPTIONAL_PHONE_NUMBER)));

  static final JsonObjectCodec<GeneratedToken> GENERATED_TOKEN = JsonObjectCodec.<GeneratedToken>builder()
      .field(TOKEN, GeneratedToken::token)
      .build(in -> new GeneratedToken(in.get(TOKEN)));

  static final JsonObjectCodec<IdentityProvider> IDENTITY_PROVIDER = JsonObjectCodec.<IdentityProvider>builder()
      .field(ICON_URL, IdentityProvider::iconUrl)
      .field(DISPLAY_NAME, IdentityProvider::displayName)
      .field(IDENTITY_PROVIDER_NAME, IdentityProvider::identityProviderName)
      .build(in -> new IdentityProvider(in.get(ICON_URL), in.get(DISPLAY_NAME), in.get(IDENTITY_PROVIDER_NAME)));

  static final JsonField<List<IdentityProvider>> IDENTITY_PROVIDERS =
      JsonField.list("identityProviders", IDENTITY_PROVIDER);

  static final JsonObjectCodec<OrgClientCredentials> ORG_CLIENT_CREDENTIALS =
      JsonObjectCodec.<OrgClientCredentials>builder()
          .field(ORG_NAME, OrgClientCredentials::orgName)
          .field(LOGO_URL, OrgClientCredentials::logoUrl)
          .field(USER_POOL_ID, OrgClientCredentials::userPoolId)
          .field(NATIVE_AUTH_ENABLED, OrgClientCredentials::nativeAuthEnabled)
          .field(COGNITO_DOMAIN_URL, OrgClientCredentials::cognitoDomainUrl)
          .field(IDENTITY_PROVIDERS, OrgClientCredentials::identityProviders)
          .build(in -> new OrgClientCredentials(in.get(ORG_NAME), in.get(LOGO_URL), in.get(USER_POOL_ID),
              in.get(NATIVE_AUTH_ENABLED), in.get(COGNITO_DOMAIN_URL), in.get(IDENTITY_PROVIDERS)));

  static final JsonObjectCodec<LoginCodeSent> LOGIN_CODE_SENT = JsonObjectCodec.<LoginCodeSent>builder()
      .field(SUCCESS, LoginCodeSent::success)
      .build(in -> new LoginCodeSent(in.get(SUCCESS)));

  static final JsonObjectCodec<ResetPasswordLinkSent> RESET_PASSWORD_LINK_SENT =
      JsonObjectCodec.<ResetPasswordLinkSent>builder()
          .field(SUCCESS, ResetPasswordLinkSent::success)
          .build(in -> new ResetPasswordLinkSent(in.get(SUCCESS)));

  static final JsonObjectCodec<ResetMobileSent> RESET_MOBILE_SENT = JsonObjectCodec.<ResetMobileSent>builder()
      .field(SUCCESS, ResetMobileSent::success)
      .build(in -> new ResetMobileSent(in.get(SUCCESS)));

  /** {@code Policies}: an object of which {@link TokenClaims} keeps {@code LoginUser}. */
  static final JsonObjectCodec<Boolean> POLICIES_CODEC = JsonObjectCodec.<Boolean>builder()
      .field(LOGIN_USER, loginUser -> loginUser)
      .build(in -> in.get(LOGIN_USER));

  static final JsonField<Boolean> POLICIES = JsonField.object("Policies", POLICIES_CODEC);

  static final JsonObjectCodec<TokenClaims> TOKEN_CLAIMS = JsonObjectCodec.<TokenClaims>builder()
      .field(ORGANIZATION_ID, TokenClaims::organizationId)
      .field(ID, TokenClaims::id)
      .field(TYPE, TokenClaims::type)
      .field(SESSION_GEN, TokenClaims::sessionGen)
      .field(REGION, TokenClaims::region)
      .field(EXP, TokenClaims::expiresAt)
      .field(IAT, TokenClaims::issuedAt)
      .field(ISS, TokenClaims::issuer)
      .field(ROLE_ID, TokenClaims::roleId)
      .field(POLICIES, TokenClaims::loginUser)
      .field(PERMISSIONS, TokenClaims::permissions)
      .build(in -> new TokenClaims(in.get(ORGANIZATION_ID), in.get(ID), in.get(TYPE), in.get(SESSION_GEN),
          in.get(REGION), in.get(EXP), in.get(IAT), in.get(ISS), in.get(ROLE_ID), in.get(POLICIES),
          permissions(in.get(PERMISSIONS))));

  /** @return {@code Permissions} as a map; it must be a JSON object */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> permissions(Object value) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(PERMISSIONS.name() + " must be a JSON object");
  }

  static final JsonObjectCodec<SsoTokenRequest> SSO_TOKEN_REQUEST = JsonObjectCodec.<SsoTokenRequest>builder()
      .field(REDIRECT_URL, SsoTokenRequest::redirectUrl)
      .field(ORG_IDENTIFIER, SsoTokenRequest::orgIdentifier)
      .field(CODE, SsoTokenRequest::code)
      .build(in -> new SsoTokenRequest(in.get(REDIRECT_URL), in.get(ORG_IDENTIFIER), in.get(CODE)));

  static final JsonObjectCodec<SsoTokens> SSO_TOKENS = JsonObjectCodec.<SsoTokens>builder()
      .field(ID_TOKEN, SsoTokens::idToken)
      .field(ACCESS_TOKEN, SsoTokens::accessToken)
      .field(SSO_REFRESH_TOKEN, SsoTokens::refreshToken)
      .field(EXPIRES_IN, SsoTokens::expiresIn)
      .field(TOKEN_TYPE, SsoTokens::tokenType)
      .build(in -> new SsoTokens(in.get(ID_TOKEN), in.get(ACCESS_TOKEN), in.get(SSO_REFRESH_TOKEN),
          in.get(EXPIRES_IN), in.get(TOKEN_TYPE)));
}
