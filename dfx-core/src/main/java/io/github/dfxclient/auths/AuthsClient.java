package io.github.dfxclient.auths;

import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;

/**
 * {@link AuthsPort} over a {@link DfxClient}: each method is its operation from {@link
 * AuthsOperations}, run by the engine. The adapters ({@code JdkAuthsAdapter}, {@code
 * FeignAuthsAdapter}) are this class over their transport.
 *
 * <p>Over any transport (the JDK's, Feign's, a third party's), the one way is a {@link DfxClient}
 * from {@link DfxClient#builder()}, then this port over it; the client never closes the transport
 * it was given, so the application closes it when done:
 *
 * <pre>{@code
 * DfxTransport transport = JdkHttpTransport.builder().build();      // or FeignHttpTransport, yours
 * DfxClient client = DfxClient.builder().transport(transport)
 *     .credentials(session.credentials()).build();
 * AuthsClient auths = new AuthsClient(client);
 * AsyncAuthsClient asyncAuths = new AsyncAuthsClient(client);     // the same engine, non-blocking
 * ...
 * transport.close();
 * }</pre>
 *
 * <p>One client, many users: {@link #withCredentials(DfxCredentials)} gives a view that sends
 * another principal's tokens over the same transport.
 *
 * <pre>{@code
 * JdkAuthsAdapter auths = JdkAuthsAdapter.builder().build();         // one HttpClient
 * AuthsClient asAlice = auths.withCredentials(session.credentials("alice"));
 * OrgClientCredentials org = asAlice.orgClientCredentials("acme-health");
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes the client and its transport; on a view it closes nothing.
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

  /**
   * A view of this port whose calls send the tokens of {@code credentials}: the same transport
   * (connections, threads), engine state and retry policy, one small object per view, so a backend
   * can hold one per user. Closing the view closes nothing; this port (the original) owns the
   * transport, and closing it ends every view. On an adapter ({@code JdkAuthsAdapter}, {@code
   * FeignAuthsAdapter}, the testkit's {@code FakeAuths}) the view is a plain {@code AuthsClient}
   * over the adapter's transport.
   *
   * @param credentials the view's token source, asked per attempt (e.g. {@code
   *     TokenSession.credentials("alice")}); not {@code null}
   * @return the view
   * @throws IllegalArgumentException when {@code credentials} is {@code null}
   */
  public final AuthsClient withCredentials(DfxCredentials credentials) {
    return new AuthsClient(client.withCredentials(credentials));
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

  @Override
  public final TokenClaims authenticate() {
    return client.call(AuthsOperations.AUTHENTICATE);
  }

  @Override
  public final TokenClaims validate() {
    return client.call(AuthsOperations.VALIDATE);
  }

  @Override
  public final SsoTokens ssoToken(SsoTokenRequest request) {
    return client.call(AuthsOperations.SSO_TOKEN, request);
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
    return getClass().getSimpleName() + "[" + client.baseUri() + ", requestTimeout=" + client.requestTimeout() + "]";
  }
}
