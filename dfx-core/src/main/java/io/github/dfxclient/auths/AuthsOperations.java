package io.github.dfxclient.auths;

import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxOperation;
import java.util.List;

/**
 * The operations of the Auths resource, each described once, here: action ID, name, method, path,
 * codecs, credential, resend rule and secrecy. What {@link AuthsClient} runs, what the retry policy,
 * {@link io.github.dfxclient.core.DfxEndpoint} and the transports read, and what the testkit's fakes
 * route, decode and count with.
 *
 * <p>This class must not refer to {@code DfxEndpoint} (which is derived from these fields): then
 * either class may be initialised first.
 */
public final class AuthsOperations {
  private AuthsOperations() {}

  /**
   * 2304: exchange a pair for a new one. Its answer is a secret; a 401 is about the refresh token.
   * May be sent again after it may have arrived (DESIGN "Why a renew may be re-sent").
   */
  public static final DfxOperation<TokenPair, TokenPair> RENEW =
      DfxOperation.<TokenPair, TokenPair>builder(2304, "POST", "/auths/renew")
          .name("renew")
          .argument("current")
          .requestBody(AuthsCodecs.TOKEN_PAIR)
          .answer(AuthsCodecs.TOKEN_PAIR)
          .credential(Credential.DEVICE)
          .resendAfterMaybeActed(true)
          .secretAnswer()
          .noCredentialRenewalOnUnauthorized()
          .build();

  /** 2303: send a login code by SMS; never sent again once it may have arrived. */
  public static final DfxOperation<LoginCodeRequest, LoginCodeSent> REQUEST_LOGIN_CODE =
      DfxOperation.<LoginCodeRequest, LoginCodeSent>builder(2303, "PATCH", "/auths/users/code")
          .name("request-login-code")
          .requestBody(AuthsCodecs.LOGIN_CODE_REQUEST)
          .answer(AuthsCodecs.LOGIN_CODE_SENT)
          .credential(Credential.DEVICE)
          .build();

  /** 2300: e-mail a password-reset link; never sent again once it may have arrived. */
  public static final DfxOperation<ResetPasswordLinkRequest, ResetPasswordLinkSent> REQUEST_RESET_PASSWORD_LINK =
      DfxOperation.<ResetPasswordLinkRequest, ResetPasswordLinkSent>builder(2300, "PATCH", "/auths/users/reset")
          .name("request-reset-password-link")
          .requestBody(AuthsCodecs.RESET_PASSWORD_LINK_REQUEST)
          .answer(AuthsCodecs.RESET_PASSWORD_LINK_SENT)
          .credential(Credential.DEVICE)
          .build();

  /** 2302: send a reset message to an e-mail address or phone; never sent again once it may have arrived. */
  public static final DfxOperation<ResetMobileRequest, ResetMobileSent> SEND_RESET_MOBILE =
      DfxOperation.<ResetMobileRequest, ResetMobileSent>builder(2302, "PATCH", "/auths/users/reset/mobile")
          .name("send-reset-mobile")
          .requestBody(AuthsCodecs.RESET_MOBILE_REQUEST)
          .answer(AuthsCodecs.RESET_MOBILE_SENT)
          .credential(Credential.DEVICE)
          .build();

  /**
   * 2305: a general token for a pair. Whether it spends the refresh token is not documented, so it
   * is never sent again once it may have arrived; its answer is a secret.
   */
  public static final DfxOperation<TokenPair, GeneratedToken> GENERATE_TOKEN =
      DfxOperation.<TokenPair, GeneratedToken>builder(2305, "POST", "/auths/generateToken")
          .name("generate-token")
          .argument("pair")
          .requestBody(AuthsCodecs.TOKEN_PAIR)
          .answer(AuthsCodecs.GENERATED_TOKEN)
          .credential(Credential.DEVICE)
          .secretAnswer()
          .build();

  /** 2306: an organization's sign-in settings, with the user's token; a GET, safe to send again. */
  public static final DfxOperation<String, OrgClientCredentials> ORG_CLIENT_CREDENTIALS =
      DfxOperation.<String, OrgClientCredentials>builder(2306, "GET", "/auths/organization/credentials/{orgId}")
          .name("org-client-credentials")
          .argument("orgId")
          .pathParameters(orgId -> List.of(Fields.orgId("orgId", orgId)), values -> Fields.orgId("orgId", values.get(0)))
          .answer(AuthsCodecs.ORG_CLIENT_CREDENTIALS)
          .credential(Credential.USER)
          .resendAfterMaybeActed(true)
          .build();

  /**
   * {@code GET /auth/v1/authenticate} (no action ID): the claims of the device token the request
   * carries. Takes no request; a GET, safe to send again. Named by method and path ({@code
   * get-auth-v1-authenticate}).
   */
  public static final DfxOperation<Void, TokenClaims> AUTHENTICATE =
      DfxOperation.<Void, TokenClaims>builder("GET", "/auth/v1/authenticate")
          .answer(AuthsCodecs.TOKEN_CLAIMS)
          .credential(Credential.DEVICE)
          .resendAfterMaybeActed(true)
          .build();

  /**
   * {@code GET /auth/v1/validate} (no action ID): the claims of the device token the request carries,
   * as {@link #AUTHENTICATE} answers them. Takes no request; a GET, safe to send again. Named by method
   * and path ({@code get-auth-v1-validate}).
   */
  public static final DfxOperation<Void, TokenClaims> VALIDATE =
      DfxOperation.<Void, TokenClaims>builder("GET", "/auth/v1/validate")
          .answer(AuthsCodecs.TOKEN_CLAIMS)
          .credential(Credential.DEVICE)
          .resendAfterMaybeActed(true)
          .build();

  /**
   * {@code POST /auth/v1/sso/token} (no action ID): exchanges a one-time SSO authorization code for a
   * token set, with the device token. May be sent again after it may have arrived, as renew: a code
   * the server already exchanged can only earn a refusal, while not re-sending would lose a code the
   * server never saw. Its answer is a secret. Named by method and path ({@code post-auth-v1-sso-token}).
   */
  public static final DfxOperation<SsoTokenRequest, SsoTokens> SSO_TOKEN =
      DfxOperation.<SsoTokenRequest, SsoTokens>builder("POST", "/auth/v1/sso/token")
          .requestBody(AuthsCodecs.SSO_TOKEN_REQUEST)
          .answer(AuthsCodecs.SSO_TOKENS)
          .credential(Credential.DEVICE)
          .resendAfterMaybeActed(true)
          .secretAnswer()
          .build();

  /** @return every Auths operation: the six with an action ID, then the three without */
  public static List<DfxOperation<?, ?>> all() {
    return List.of(RENEW, REQUEST_LOGIN_CODE, REQUEST_RESET_PASSWORD_LINK, SEND_RESET_MOBILE, GENERATE_TOKEN,
        ORG_CLIENT_CREDENTIALS, AUTHENTICATE, VALIDATE, SSO_TOKEN);
  }
}
