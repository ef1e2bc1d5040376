package io.github.dfxclient.testkit;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link FakeDfxServer} on a free loopback port for a test class, resets its state before
 * each test, and stops it after the class. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();
 *
 * @Test
 * void renews() {
 *   TokenPair device = DFX.backend().issuePair("device");
 *   AuthsPort auths = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build();
 *   ...
 * }
 * }</pre>
 *
 * Test methods may also take a {@link FakeDfxServer} parameter.
 */
public final class FakeDfxServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  private FakeDfxServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = new FakeDfxServer().start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server().reset();
  }

  /** @return the running server */
  public FakeDfxServer server() {
    if (server == null) {
      throw new IllegalStateException("the fake DFX server runs only while a test class runs; "
          + "register this extension on a static field with @RegisterExtension");
    }
    return server;
  }

  /** @return the server's base URI */
  public URI baseUri() {
    return server().baseUri();
  }

  /** @return the server's state */
  public FakeAuthsBackend backend() {
    return server().backend();
  }

  /** @return how many requests reached the server in this test */
  public int requestsReceived() {
    return server().requestsReceived();
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == FakeDfxServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return server();
  }
}
