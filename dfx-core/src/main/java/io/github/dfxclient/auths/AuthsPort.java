package io.github.dfxclient.auths;

/**
 * The Auths resource of the DFX Cloud API.
 *
 * <p>Which operations may be sent again after the server may have acted follows one table
 * (README, "Errors and retries"): messages (SMS, e-mail) and the general token never are; renew,
 * the SSO code exchange and the GETs (the organization's settings, authenticate, validate) are. The exceptions, the same for every method of {@link AuthsClient} (the
 * adapters and the testkit's fake):
 *
 * <ul>
 *   <li>{@link IllegalArgumentException}, before any I/O: a {@code null} or invalid argument (the
 *       message names the field, never its value), or a token that is not visible ASCII;
 *   <li>{@link IllegalStateException}, before any I/O: the operation needs a device or user token
 *       and the credentials hold none (the message names the credential); a credentials source's
 *       own exception surfaces unchanged (a token session's {@link
 *       io.github.dfxclient.session.RefreshTokenSpentException}, {@link
 *       io.github.dfxclient.session.TokenPersistenceException}, {@link
 *       io.github.dfxclient.session.TokenStoreUnavailableException});
 *   <li>{@link io.github.dfxclient.core.DfxApiException}: the server answered with an error status
 *       (after the retries the table allows), with its status and code;
 *   <li>{@link io.github.dfxclient.core.DfxTransportException}: no answer; {@code outcomeUnknown()}
 *       says whether the request may have reached the server;
 *   <li>{@link io.github.dfxclient.core.DfxProtocolException}: an answer that cannot be used
 *       (malformed, wrong content type, a missing field, over the size bound, a redirect).
 * </ul>
 *
 * <p>Every method is a {@code default} method that throws {@link UnsupportedOperationException}
 * naming the operation (the AWS SDK for Java 2 convention): an application's own implementation or
 * decorator of this interface overrides what it serves and keeps compiling when the library adds an
 * operation. The library's {@link AuthsClient} (so the adapters, the testkit's fake and every {@code
 * withCredentials} view) implements all of them. A port given to a {@link
 * io.github.dfxclient.session.TokenSession} must implement {@link #renew}.
 */
public interface AuthsPort {

  /**
   * Exchanges the current pair for a new one (action 2304). The current pair is invalid once this
   * returns.
   *
   * @param current the pair to exchange
   * @return the new pair
   * @throws IllegalArgumentException before any I/O, when {@code current} is {@code null} or invalid
   * @throws IllegalStateException as the credentials source threw it (a renew carries its own pair: it is
   *     sent without a device token when none is held)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused (401 {@code
   *     INVALID_REFRESH_TOKEN}: the pair was already used or revoked and can no longer be renewed)
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()}); a renew is sent again after it may have arrived (its pair is then either still
   *     valid or already spent)
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default TokenPair renew(TokenPair current) {
    throw unsupported("renew", AuthsOperations.RENEW);
  }

  /**
   * Asks the server to send a login code by SMS (action 2303).
   *
   * @param request phone number and organization
   * @return the server's answer
   * @throws IllegalArgumentException before any I/O, when {@code request} is {@code null} or invalid
   * @throws IllegalStateException before any I/O, when the credentials hold no device token (or as the
   *     credentials source threw it)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused (e.g. 404 for an unknown
   *     organization, 429 when rate-limited)
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()}); never sent again once it may have arrived (an SMS)
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default LoginCodeSent requestLoginCode(LoginCodeRequest request) {
    throw unsupported("requestLoginCode", AuthsOperations.REQUEST_LOGIN_CODE);
  }

  /**
   * Asks the server to e-mail a password-reset link (action 2300).
   *
   * @param request e-mail address and organization
   * @return the server's answer
   * @throws IllegalArgumentException before any I/O, when {@code request} is {@code null} or invalid
   * @throws IllegalStateException before any I/O, when the credentials hold no device token (or as the
   *     credentials source threw it)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()}); never sent again once it may have arrived (an e-mail)
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default ResetPasswordLinkSent requestResetPasswordLink(ResetPasswordLinkRequest request) {
    throw unsupported("requestResetPasswordLink", AuthsOperations.REQUEST_RESET_PASSWORD_LINK);
  }

  /**
   * Asks the server to send a reset message to an e-mail address or phone (action 2302).
   *
   * @param request the e-mail address, the phone number, or both
   * @return the server's answer
   * @throws IllegalArgumentException before any I/O, when {@code request} is {@code null} or invalid
   * @throws IllegalStateException before any I/O, when the credentials hold no device token (or as the
   *     credentials source threw it)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()}); never sent again once it may have arrived (an e-mail or SMS)
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default ResetMobileSent sendResetMobile(ResetMobileRequest request) {
    throw unsupported("sendResetMobile", AuthsOperations.SEND_RESET_MOBILE);
  }

  /**
   * Asks for a general token for a pair (action 2305). Whether this spends the refresh token is
   * not documented; it is never sent again once it may have arrived.
   *
   * @param pair the current pair
   * @return the token (a secret)
   * @throws IllegalArgumentException before any I/O, when {@code pair} is {@code null} or invalid
   * @throws IllegalStateException before any I/O, when the credentials hold no device token (or as the
   *     credentials source threw it)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()}); never sent again once it may have arrived
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default GeneratedToken generateToken(TokenPair pair) {
    throw unsupported("generateToken", AuthsOperations.GENERATE_TOKEN);
  }

  /**
   * Reads an organization's sign-in settings (action 2306), with the user's token.
   *
   * @param orgId the organization's ID, 1 to 128 characters; path-encoded
   * @return its settings
   * @throws IllegalArgumentException before any I/O, when {@code orgId} is {@code null} or invalid
   * @throws IllegalStateException before any I/O, when the credentials hold no user token (or as the
   *     credentials source threw it)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused (404 for an unknown
   *     organization, 401 for a token that is not a user's)
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()}); a GET, sent again when the table allows
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default OrgClientCredentials orgClientCredentials(String orgId) {
    throw unsupported("orgClientCredentials", AuthsOperations.ORG_CLIENT_CREDENTIALS);
  }

  /**
   * Reads the claims of the device token the call is sent with ({@code GET /auth/v1/authenticate}, an
   * operation without an action ID): the server validates the token and answers what it holds.
   *
   * @return the token's claims; every component present
   * @throws IllegalStateException before any I/O, when the credentials hold no device token (or as the
   *     credentials source threw it)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused (401 {@code INVALID_TOKEN}
   *     for a missing, unknown or expired token, after the one renew a token session allows)
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()}); a GET, sent again when the table allows
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used (a field
   *     missing or {@code null}, named in the message)
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default TokenClaims authenticate() {
    throw unsupported("authenticate", AuthsOperations.AUTHENTICATE);
  }

  /**
   * Validates the device token the call is sent with and reads its claims ({@code GET
   * /auth/v1/validate}, an operation without an action ID); the answer is that of {@link
   * #authenticate()}.
   *
   * @return the token's claims; every component present
   * @throws IllegalStateException before any I/O, when the credentials hold no device token (or as the
   *     credentials source threw it)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused (401 {@code INVALID_TOKEN}
   *     for a missing, unknown or expired token, after the one renew a token session allows)
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()}); a GET, sent again when the table allows
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used (a field
   *     missing or {@code null}, named in the message)
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default TokenClaims validate() {
    throw unsupported("validate", AuthsOperations.VALIDATE);
  }

  /**
   * Exchanges a one-time SSO authorization code for a token set ({@code POST /auth/v1/sso/token}, an
   * operation without an action ID), with the device token. It is sent again after it may have
   * arrived, as a renew is: a code the server already exchanged can only earn a refusal. The code is
   * redacted from every exception message; the answer is never quoted.
   *
   * @param request the redirect URI, the organization identifier and the code
   * @return the tokens (secrets)
   * @throws IllegalArgumentException before any I/O, when {@code request} is {@code null}
   * @throws IllegalStateException before any I/O, when the credentials hold no device token (or as the
   *     credentials source threw it)
   * @throws io.github.dfxclient.core.DfxApiException when the server refused (a 4xx for a code that is
   *     unknown, expired, already used or not issued for this redirect URI and organization)
   * @throws io.github.dfxclient.core.DfxTransportException when no answer arrived (see {@code
   *     outcomeUnknown()})
   * @throws io.github.dfxclient.core.DfxProtocolException when the answer cannot be used
   * @throws UnsupportedOperationException when this implementation does not serve the operation (the
   *     library's clients serve it)
   */
  default SsoTokens ssoToken(SsoTokenRequest request) {
    throw unsupported("ssoToken", AuthsOperations.SSO_TOKEN);
  }

  /**
   * @param method the port method
   * @param operation its operation
   * @return the exception of a port method an implementation does not serve, naming both
   */
  private static UnsupportedOperationException unsupported(String method, io.github.dfxclient.core.DfxOperation<?, ?> operation) {
    return new UnsupportedOperationException(method + " (" + operation + ") is not implemented by this AuthsPort;"
        + " the library's AuthsClient implements every operation");
  }
}
