package com.example.signin;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.net.URI;

/**
 * A sign-in service as an application writes it: the device pair and its users' pairs live in a
 * {@link TokenSession}; calls go through the JDK adapter with the session's credentials.
 */
public final class SignIn implements AutoCloseable {
  private final TokenSession session;
  private final JdkAuthsAdapter device;
  private final String organization;

  /**
   * @param dfx the DFX API's base URI
   * @param store where the pairs are kept
   * @param devicePair the pair from registering the license (used if the store has none)
   * @param organization the organization users sign in to
   */
  public SignIn(URI dfx, TokenStore store, TokenPair devicePair, String organization) {
    this.session = TokenSession.builder().auths(JdkAuthsAdapter.builder().baseUri(dfx).build()).store(store).build();
    if (session.current(TokenKind.DEVICE).isEmpty()) {
      session.set(TokenKind.DEVICE, devicePair);
    }
    this.device = JdkAuthsAdapter.builder().baseUri(dfx).credentials(session.credentials()).build();
    this.organization = organization;
  }

  /**
   * @param phoneNumber the user's phone
   * @return whether DFX is sending the code (false when it refused: unknown org, rate limit...)
   */
  public boolean sendLoginCode(String phoneNumber) {
    try {
      return device.requestLoginCode(new LoginCodeRequest(phoneNumber, organization)).success();
    } catch (DfxApiException refused) {
      return false;
    }
  }

  /**
   * @param user the user's ID in this application
   * @param pair the pair the user's login gave
   */
  public void loggedIn(String user, TokenPair pair) {
    session.set(TokenKey.user(user), pair);
  }

  /**
   * @param user a logged-in user
   * @return the organization's sign-in settings, read with that user's token
   */
  public OrgClientCredentials organizationFor(String user) {
    try (JdkAuthsAdapter asUser = JdkAuthsAdapter.builder().baseUri(device.client().baseUri())
        .credentials(session.credentials(user)).build()) {
      return asUser.orgClientCredentials(organization);
    }
  }

  /** @return the session (for the application's own calls) */
  public TokenSession session() {
    return session;
  }

  @Override
  public void close() {
    device.close();
  }
}
