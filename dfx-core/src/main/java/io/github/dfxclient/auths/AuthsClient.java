package io.github.dfxclient.auths;

import io.github.dfxclient.core.DfxClient;

/**
 * {@link AuthsPort} over a {@link DfxClient}: each method is its operation from {@link
 * AuthsOperations}, run by the engine. The adapters ({@code JdkAuthsAdapter}, {@code
 * FeignAuthsAdapter}) are this class over their transport; a third-party transport gets a port
 * with {@code new AuthsClient(DfxClient.create(myTransport, settings))}.
 *
 * <p>Thread-safe. {@link #close()} closes the client and its transport.
 */
public class AuthsClient implements AuthsPort, AutoCloseable {
  private final DfxClient client;

  /** @param client the engine to run the operations on */
  public AuthsClient(DfxClient client) {
    if (client == null) {
      throw new IllegalArgumentException("client must not be null");
    }
    this.client = client;
  }

  /** @return the engine under this port (for operations it does not have a method for) */
  public final DfxClient client() {
    return client;
  }

  @Override
  public final TokenPair renew(TokenPair current) {
    return client.call(AuthsOperations.RENEW, current);
  }

  @Override
  public final LoginCodeSent requestLoginCode(LoginCodeRequest request) {
    return client.call(AuthsOperations.REQUEST_LOGIN_CODE, request);
  }

  @Override
  public final ResetPasswordLinkSent requestResetPasswordLink(ResetPasswordLinkRequest request) {
    return client.call(AuthsOperations.REQUEST_RESET_PASSWORD_LINK, request);
  }

  @Override
  public final ResetMobileSent sendResetMobile(ResetMobileRequest request) {
    return client.call(AuthsOperations.SEND_RESET_MOBILE, request);
  }

  @Override
  public final GeneratedToken generateToken(TokenPair pair) {
    return client.call(AuthsOperations.GENERATE_TOKEN, pair);
  }

  @Override
  public final OrgClientCredentials orgClientCredentials(String orgId) {
    return client.call(AuthsOperations.ORG_CLIENT_CREDENTIALS, orgId);
  }

  /** Closes the engine and its transport (never a client the application passed in). */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + client.baseUri() + ", requestTimeout=" + client.requestTimeout() + "]";
  }
}
