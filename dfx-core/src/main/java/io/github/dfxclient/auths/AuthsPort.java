package io.github.dfxclient.auths;

/**
 * The Auths resource of the DFX Cloud API.
 *
 * <p>None of the operations is idempotent: renew burns a one-time refresh token, the others send
 * an SMS or an e-mail. Implementations therefore never send a request again once it may have
 * reached the server. Every method throws {@link IllegalArgumentException} for a {@code null}
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
}
