package io.github.dfxclient.auths;

import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsyncAuthsPort} over a {@link DfxClient}: each method is its operation from {@link
 * AuthsOperations}, run by the engine's non-blocking path. The adapter builders' {@code
 * buildAsync()} return one; over any transport, {@code new AsyncAuthsClient(client)} with a client
 * from {@link DfxClient#builder()} (see {@link AuthsClient}). Thread-safe; {@link #close()} closes
 * the transport only when the client owns it (an adapter's; not one from {@link DfxClient#builder()},
 * nor a view from {@link #withCredentials}).
 */
public final class AsyncAuthsClient implements AsyncAuthsPort, AutoCloseable {
  private final DfxClient client;

  /** @param client the engine to run the operations on */
  public AsyncAuthsClient(DfxClient client) {
    if (client == null) {
      throw new IllegalArgumentException("client must not be null");
    }
    this.client = client;
  }

  /** @return the engine under this port */
  public DfxClient client() {
    return client;
  }

  /**
   * A view of this port whose calls send the tokens of {@code credentials}: the same transport,
   * engine state and retry policy, one small object per view. Closing the view closes nothing; this
   * port (the original) owns the transport.
   *
   * @param credentials the view's token source, asked per attempt (e.g. {@code
   *     TokenSession.credentials("alice")}); not {@code null}
   * @return the view
   * @throws IllegalArgumentException when {@code credentials} is {@code null}
   */
  public AsyncAuthsClient withCredentials(DfxCredentials credentials) {
    return new AsyncAuthsClient(client.withCredentials(credentials));
  }

  @Override
  public CompletableFuture<TokenPair> renew(TokenPair current) {
    return client.callAsync(AuthsOperations.RENEW, current);
  }

  @Override
  public CompletableFuture<LoginCodeSent> requestLoginCode(LoginCodeRequest request) {
    return client.callAsync(AuthsOperations.REQUEST_LOGIN_CODE, request);
  }

  @Override
  public CompletableFuture<ResetPasswordLinkSent> requestResetPasswordLink(ResetPasswordLinkRequest request) {
    return client.callAsync(AuthsOperations.REQUEST_RESET_PASSWORD_LINK, request);
  }

  @Override
  public CompletableFuture<ResetMobileSent> sendResetMobile(ResetMobileRequest request) {
    return client.callAsync(AuthsOperations.SEND_RESET_MOBILE, request);
  }

  @Override
  public CompletableFuture<GeneratedToken> generateToken(TokenPair pair) {
    return client.callAsync(AuthsOperations.GENERATE_TOKEN, pair);
  }

  @Override
  public CompletableFuture<OrgClientCredentials> orgClientCredentials(String orgId) {
    return client.callAsync(AuthsOperations.ORG_CLIENT_CREDENTIALS, orgId);
  }

  @Override
  public CompletableFuture<TokenClaims> authenticate() {
    return client.callAsync(AuthsOperations.AUTHENTICATE);
  }

  @Override
  public CompletableFuture<TokenClaims> validate() {
    return client.callAsync(AuthsOperations.VALIDATE);
  }

  @Override
  public CompletableFuture<SsoTokens> ssoToken(SsoTokenRequest request) {
    return client.callAsync(AuthsOperations.SSO_TOKEN, request);
  }

  /**
   * Closes the engine's transport when the engine owns it (an adapter's, which releases only what it
   * created, never an {@code HttpClient} the application passed in); a client from {@link
   * DfxClient#builder()} was given its transport and closes nothing, and neither does a view from
   * {@link #withCredentials}.
   */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "AsyncAuthsClient[" + client.baseUri() + ", requestTimeout=" + client.requestTimeout() + "]";
  }
}
