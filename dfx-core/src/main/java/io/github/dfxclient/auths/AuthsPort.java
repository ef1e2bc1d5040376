package io.github.dfxclient.auths;

/**
 * The Auths resource of the DFX Cloud API.
 *
 * <p>Which operations may be sent again after the server may have acted follows one table
 * (README, "Errors and retries"): messages (SMS, e-mail) and the general token never are; renew and
 * the organization GET are. The exceptions, the same for every method of {@link AuthsClient} (the
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
   */
  TokenPair renew(TokenPair current);

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
   */
  LoginCodeSent requestLoginCode(LoginCodeRequest request);

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
   */
  ResetPasswordLinkSent requestResetPasswordLink(ResetPasswordLinkRequest request);

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
   */
  ResetMobileSent sendResetMobile(ResetMobileRequest request);

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
   */
  GeneratedToken generateToken(TokenPair pair);

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
   */
  OrgClientCredentials orgClientCredentials(String orgId);
}
