package io.github.dfxclient.auths;

/**
 * The Auths resource of the DFX Cloud API.
 *
 * <p>Which operations may be sent again after the server may have acted follows one table
 * (README, "Errors and retries"): messages (SMS, e-mail) and the general token never are; the
 * organization GET is. Every method throws {@link IllegalArgumentException} for a {@code null}
 * argument before any I/O, and a {@link io.github.dfxclient.core.DfxException} when the call fails.
 */
public interface AuthsPort {

  /**
   * Exchanges the current pair for a new one (action 2304). The current pair is invalid once this
   * returns.
   *
   * @param current the pair to exchange
   * @return the new pair
   */
  TokenPair renew(TokenPair current);

  /**
   * Asks the server to send a login code by SMS (action 2303).
   *
   * @param request phone number and organization
   * @return the server's answer
   */
  LoginCodeSent requestLoginCode(LoginCodeRequest request);

  /**
   * Asks the server to e-mail a password-reset link (action 2300).
   *
   * @param request e-mail address and organization
   * @return the server's answer
   */
  ResetPasswordLinkSent requestResetPasswordLink(ResetPasswordLinkRequest request);

  /**
   * Asks the server to send a reset message to an e-mail address or phone (action 2302).
   *
   * @param request the e-mail address, the phone number, or both
   * @return the server's answer
   */
  ResetMobileSent sendResetMobile(ResetMobileRequest request);

  /**
   * Asks for a general token for a pair (action 2305). Whether this spends the refresh token is
   * not documented; it is never sent again once it may have arrived.
   *
   * @param pair the current pair
   * @return the token (a secret)
   */
  GeneratedToken generateToken(TokenPair pair);

  /**
   * Reads an organization's sign-in settings (action 2306), with the user's token.
   *
   * @param orgId the organization's ID, 1 to 128 characters; path-encoded
   * @return its settings
   */
  OrgClientCredentials orgClientCredentials(String orgId);
}
