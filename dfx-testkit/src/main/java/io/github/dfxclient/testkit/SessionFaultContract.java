package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.GeneratedToken;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.ResetMobileRequest;
import io.github.dfxclient.auths.ResetMobileSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session over real HTTP faults: a pooled connection closed exactly as the client writes a
 * renew (through a {@link FaultProxy}) and {@code https://} to a plain-HTTP port. Neither reaches
 * the server, so neither may lock the application out ({@link TokenSessionContract} holds the
 * interrupted caller). A transport module implements {@link #port}; the suite starts the fake
 * server itself.
 */
public abstract class SessionFaultContract {
  private FakeDfxServer server;
  private FaultProxy proxy;

  /**
   * @param baseUri where the port sends
   * @param retryPolicy the retry policy
   * @return the port under test (the device bearer is not needed by renew)
   */
  protected abstract AuthsPort port(URI baseUri, DfxRetryPolicy retryPolicy);

  /**
   * Starts the fake server and the proxy in front of it.
   * @throws java.lang.Exception when the test fails to run
   */
  @BeforeEach
  public void startServers() throws Exception {
    server = new FakeDfxServer().start();
    proxy = new FaultProxy(server.baseUri().getPort());
  }

  /**
   * Stops them, also when a test failed.
   * @throws java.lang.Exception when the test fails to run
   */
  @AfterEach
  public void stopServers() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /**
   * @return whether the transport pools HTTP connections (true, the default): the proxy fault of
   *     {@link #aPooledConnectionDyingUnderARenewNeverLocksOut} needs a kept-alive connection reused
   *     for the next request. A WebSocket transport returns false (the row is skipped with this
   *     reason) and runs its own equivalent: a socket dropped as the renew arrives
   */
  protected boolean poolsHttpConnections() {
    return true;
  }

  /** @return the fake server the suite started (for a subclass's own rows) */
  protected FakeDfxServer server() {
    return server;
  }

  private static DfxRetryPolicy fast() {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(2)).jitter(0).build();
  }

  /**
   * 200 renews, each sent first on a kept-alive connection that the proxy closes as the request is
   * written: 200 renewed pairs, 0 lock-outs, and the server saw each refresh token at most twice.
   */
  @Test
  public void aPooledConnectionDyingUnderARenewNeverLocksOut() {
    org.junit.jupiter.api.Assumptions.assumeTrue(poolsHttpConnections(),
        "no pooled HTTP connection to kill: the transport's equivalent fault is its own row");
    FakeAuthsBackend backend = server.backend();
    TokenSession session = TokenSession.builder().auths(port(proxy.baseUri(), fast())).build();
    session.set(TokenKind.USER, backend.issuePair("user-7"));
    proxy.killReusedConnections(true);

    int renewed = 0;
    for (int i = 0; i < 200; i++) {
      TokenPair held = session.current(TokenKind.USER).orElseThrow();
      TokenPair next = session.renewIfStill(TokenKind.USER, held.token());
      assertThat(next).isNotEqualTo(held);
      assertThat(backend.renewAttemptsWith(held.refreshToken())).isBetween(1, 2);
      renewed++;
    }

    assertThat(renewed).isEqualTo(200);
    assertThat(backend.isCurrent(session.current(TokenKind.USER).orElseThrow())).isTrue();
    assertThat(proxy.connectionsKilled()).as("the fault must have happened").isGreaterThanOrEqualTo(150);
    assertThat(backend.requestsReceived(DfxEndpoint.RENEW)).isEqualTo(200);
  }

  /** {@code https://} to a plain-HTTP port: nothing reaches the server, the pair stays usable. */
  @Test
  public void tlsToAPlainPortSendsNothingAndThePairStaysUsable() {
    FakeAuthsBackend backend = server.backend();
    URI plain = server.baseUri();
    URI tls = URI.create("https://127.0.0.1:" + plain.getPort());
    AtomicReference<AuthsPort> target = new AtomicReference<>(port(tls, fast()));
    TokenSession session = TokenSession.builder().auths(new Delegating(target)).build();
    TokenPair user = backend.issuePair("user-7");
    session.set(TokenKind.USER, user);

    DfxTransportException e = catchThrowableOfType(DfxTransportException.class,
        () -> session.renewIfStill(TokenKind.USER, user.token()));
    target.set(port(plain, fast()));
    TokenPair next = session.renewIfStill(TokenKind.USER, user.token());

    assertThat(e.outcomeUnknown()).as("a TLS failure before the handshake completed is 'not sent'").isFalse();
    assertThat(backend.isCurrent(next)).isTrue();
    assertThat(backend.renewAttemptsWith(user.refreshToken())).isEqualTo(1);
  }

  /** An {@link AuthsPort} whose target the test can switch (the cause of a failure goes away). */
  private record Delegating(AtomicReference<AuthsPort> target) implements AuthsPort {
    @Override
    public TokenPair renew(TokenPair current) {
      return target.get().renew(current);
    }

    @Override
    public LoginCodeSent requestLoginCode(LoginCodeRequest request) {
      return target.get().requestLoginCode(request);
    }

    @Override
    public ResetPasswordLinkSent requestResetPasswordLink(ResetPasswordLinkRequest request) {
      return target.get().requestResetPasswordLink(request);
    }

    @Override
    public ResetMobileSent sendResetMobile(ResetMobileRequest request) {
      return target.get().sendResetMobile(request);
    }

    @Override
    public GeneratedToken generateToken(TokenPair pair) {
      return target.get().generateToken(pair);
    }

    @Override
    public OrgClientCredentials orgClientCredentials(String orgId) {
      return target.get().orgClientCredentials(orgId);
    }
  }
}
