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
 *
 * <p>A returned future fails with the exceptions {@link AuthsPort} lists as thrown (a {@link
 * io.github.dfxclient.core.DfxApiException}, {@link io.github.dfxclient.core.DfxTransportException}
 * or {@link io.github.dfxclient.core.DfxProtocolException}; an {@link IllegalStateException} when
 * the credentials hold no token the operation needs, or as the credentials source failed), wrapped in
 * a {@link java.util.concurrent.CompletionException} by {@code join()} or an {@link
 * java.util.concurrent.ExecutionException} by {@code get()}.
 */
public interface AsyncAuthsPort {

  /**
   * @param current the pair to exchange (action 2304)
   * @return a future of the new pair; or one failed with a {@link io.github.dfxclient.core.DfxException} when
   *     the call fails, or with an {@link IllegalStateException} when the credentials source failed (a renew
   *     carries its own pair and needs no token)
   * @throws IllegalArgumentException at once, before any I/O, when {@code current} is {@code null} or invalid
   */
  CompletableFuture<TokenPair> renew(TokenPair current);

  /**
   * @param request phone number and organization (action 2303)
   * @return a future of the server's answer; or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails, or with an {@link IllegalStateException}
   *     when the credentials hold no device token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code request} is {@code null} or invalid
   */
  CompletableFuture<LoginCodeSent> requestLoginCode(LoginCodeRequest request);

  /**
   * @param request e-mail address and organization (action 2300)
   * @return a future of the server's answer; or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails, or with an {@link IllegalStateException}
   *     when the credentials hold no device token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code request} is {@code null} or invalid
   */
  CompletableFuture<ResetPasswordLinkSent> requestResetPasswordLink(ResetPasswordLinkRequest request);

  /**
   * @param request e-mail address and/or phone number (action 2302)
   * @return a future of the server's answer; or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails, or with an {@link IllegalStateException}
   *     when the credentials hold no device token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code request} is {@code null} or invalid
   */
  CompletableFuture<ResetMobileSent> sendResetMobile(ResetMobileRequest request);

  /**
   * @param pair the current pair (action 2305)
   * @return a future of the general token; or one failed with a {@link io.github.dfxclient.core.DfxException}
   *     when the call fails, or with an {@link IllegalStateException} when the credentials hold no device
   *     token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code pair} is {@code null} or invalid
   */
  CompletableFuture<GeneratedToken> generateToken(TokenPair pair);

  /**
   * @param orgId the organization's ID (action 2306), with the user's token
   * @return a future of its sign-in settings; or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails, or with an {@link IllegalStateException}
   *     when the credentials hold no user token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code orgId} is {@code null} or invalid
   */
  CompletableFuture<OrgClientCredentials> orgClientCredentials(String orgId);
}
