package io.github.dfxclient.auths;

import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking twin of {@link AuthsPort}: the same six operations, the same retry table,
 * deadline, logging and classification, each returning a {@link CompletableFuture} that completes
 * with the same answer or fails with the same {@link io.github.dfxclient.core.DfxException}. No
 * thread is held while a request waits for its answer or a retry waits for its backoff (on the JDK
 * adapter). Bad input throws {@link IllegalArgumentException} at once, before any I/O.
 *
 * <p>Cancelling a future before its request left sends nothing; cancelling it after never makes a
 * message operation be sent again.
 */
public interface AsyncAuthsPort {

  /**
   * @param current the pair to exchange (action 2304)
   * @return the new pair
   */
  CompletableFuture<TokenPair> renew(TokenPair current);

  /**
   * @param request phone number and organization (action 2303)
   * @return the server's answer
   */
  CompletableFuture<LoginCodeSent> requestLoginCode(LoginCodeRequest request);

  /**
   * @param request e-mail address and organization (action 2300)
   * @return the server's answer
   */
  CompletableFuture<ResetPasswordLinkSent> requestResetPasswordLink(ResetPasswordLinkRequest request);

  /**
   * @param request e-mail address and/or phone number (action 2302)
   * @return the server's answer
   */
  CompletableFuture<ResetMobileSent> sendResetMobile(ResetMobileRequest request);

  /**
   * @param pair the current pair (action 2305)
   * @return the general token
   */
  CompletableFuture<GeneratedToken> generateToken(TokenPair pair);

  /**
   * @param orgId the organization's ID (action 2306), with the user's token
   * @return its sign-in settings
   */
  CompletableFuture<OrgClientCredentials> orgClientCredentials(String orgId);
}
