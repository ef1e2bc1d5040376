package io.github.dfxclient.auths;

import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking twin of {@link AuthsPort}: the same nine operations, the same retry table,
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
 *
 * <p>Every method is a {@code default} method that throws {@link UnsupportedOperationException}
 * naming the operation, at once (the AWS SDK for Java 2 convention): an application's own
 * implementation or decorator overrides what it serves and keeps compiling when the library adds an
 * operation. The library's {@link AsyncAuthsClient} (and its {@code withCredentials} views)
 * implements all of them.
 */
public interface AsyncAuthsPort {

  /**
   * @param current the pair to exchange (action 2304)
   * @return a future of the new pair; or one failed with a {@link io.github.dfxclient.core.DfxException} when
   *     the call fails, or with an {@link IllegalStateException} when the credentials source failed (a renew
   *     carries its own pair and needs no token)
   * @throws IllegalArgumentException at once, before any I/O, when {@code current} is {@code null} or invalid
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<TokenPair> renew(TokenPair current) {
    throw unsupported("renew", AuthsOperations.RENEW);
  }

  /**
   * @param request phone number and organization (action 2303)
   * @return a future of the server's answer; or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails, or with an {@link IllegalStateException}
   *     when the credentials hold no device token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code request} is {@code null} or invalid
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<LoginCodeSent> requestLoginCode(LoginCodeRequest request) {
    throw unsupported("requestLoginCode", AuthsOperations.REQUEST_LOGIN_CODE);
  }

  /**
   * @param request e-mail address and organization (action 2300)
   * @return a future of the server's answer; or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails, or with an {@link IllegalStateException}
   *     when the credentials hold no device token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code request} is {@code null} or invalid
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<ResetPasswordLinkSent> requestResetPasswordLink(ResetPasswordLinkRequest request) {
    throw unsupported("requestResetPasswordLink", AuthsOperations.REQUEST_RESET_PASSWORD_LINK);
  }

  /**
   * @param request e-mail address and/or phone number (action 2302)
   * @return a future of the server's answer; or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails, or with an {@link IllegalStateException}
   *     when the credentials hold no device token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code request} is {@code null} or invalid
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<ResetMobileSent> sendResetMobile(ResetMobileRequest request) {
    throw unsupported("sendResetMobile", AuthsOperations.SEND_RESET_MOBILE);
  }

  /**
   * @param pair the current pair (action 2305)
   * @return a future of the general token; or one failed with a {@link io.github.dfxclient.core.DfxException}
   *     when the call fails, or with an {@link IllegalStateException} when the credentials hold no device
   *     token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code pair} is {@code null} or invalid
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<GeneratedToken> generateToken(TokenPair pair) {
    throw unsupported("generateToken", AuthsOperations.GENERATE_TOKEN);
  }

  /**
   * @param orgId the organization's ID (action 2306), with the user's token
   * @return a future of its sign-in settings; or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails, or with an {@link IllegalStateException}
   *     when the credentials hold no user token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code orgId} is {@code null} or invalid
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<OrgClientCredentials> orgClientCredentials(String orgId) {
    throw unsupported("orgClientCredentials", AuthsOperations.ORG_CLIENT_CREDENTIALS);
  }

  /**
   * The claims of the device token the call is sent with ({@code GET /auth/v1/authenticate}).
   *
   * @return a future of the claims; or one failed with a {@link io.github.dfxclient.core.DfxException}
   *     when the call fails, or with an {@link IllegalStateException} when the credentials hold no device
   *     token (nothing is sent then)
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<TokenClaims> authenticate() {
    throw unsupported("authenticate", AuthsOperations.AUTHENTICATE);
  }

  /**
   * Validates the device token the call is sent with and reads its claims ({@code GET
   * /auth/v1/validate}).
   *
   * @return a future of the claims; or one failed with a {@link io.github.dfxclient.core.DfxException}
   *     when the call fails, or with an {@link IllegalStateException} when the credentials hold no device
   *     token (nothing is sent then)
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<TokenClaims> validate() {
    throw unsupported("validate", AuthsOperations.VALIDATE);
  }

  /**
   * Exchanges a one-time SSO authorization code for a token set ({@code POST /auth/v1/sso/token}),
   * with the device token; sent again after it may have arrived, as a renew is.
   *
   * @param request the redirect URI, the organization identifier and the code
   * @return a future of the tokens (secrets); or one failed with a {@link
   *     io.github.dfxclient.core.DfxException} when the call fails (a 4xx for a code that is unknown,
   *     expired or already used), or with an {@link IllegalStateException} when the credentials hold no
   *     device token (nothing is sent then)
   * @throws IllegalArgumentException at once, before any I/O, when {@code request} is {@code null}
   * @throws UnsupportedOperationException at once, when this implementation does not serve the
   *     operation (the library's clients serve it)
   */
  default CompletableFuture<SsoTokens> ssoToken(SsoTokenRequest request) {
    throw unsupported("ssoToken", AuthsOperations.SSO_TOKEN);
  }

  /**
   * @param method the port method
   * @param operation its operation
   * @return the exception of a port method an implementation does not serve, naming both
   */
  private static UnsupportedOperationException unsupported(String method, io.github.dfxclient.core.DfxOperation<?, ?> operation) {
    return new UnsupportedOperationException(method + " (" + operation + ") is not implemented by this AsyncAuthsPort;"
        + " the library's AsyncAuthsClient implements every operation");
  }
}
