package io.github.dfxclient.testkit;

import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FakeDfxServer} on a free loopback port for the tests that register it, and resets
 * its state before each test. On a static field one server serves the whole class; on an instance
 * field each test gets its own. The server lives in JUnit's {@link ExtensionContext.Store}, which
 * stops it when its scope ends (also when a test failed), so test classes may run in parallel.
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
public final class FakeDfxServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeDfxServerExtension.class);

  private volatile FakeDfxServer current;

  @Override
  public void beforeAll(ExtensionContext context) {
    current = start(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    FakeDfxServer server = context.getStore(NAMESPACE).get(this, FakeDfxServer.class);
    if (server == null) {
      // registered on an instance field: beforeAll was not called for it; this test gets its own
      server = start(context);
    }
    current = server;
    server.reset();
  }

  private FakeDfxServer start(ExtensionContext context) {
    FakeDfxServer server = new FakeDfxServer().start();
    // closed by JUnit when the context's scope ends (the class, or the test)
    context.getStore(NAMESPACE).put(this, server);
    return server;
  }

  /** @return the running server */
  public FakeDfxServer server() {
    FakeDfxServer server = current;
    if (server == null) {
      throw new IllegalStateException("the fake DFX server runs only while a test runs; register this"
          + " extension with @RegisterExtension on a static or an instance field");
    }
    return server;
  }

  /** @return the server's base URI */
  public URI baseUri() {
    return server().baseUri();
  }

  /** @return the server's WebSocket URI, e.g. {@code ws://127.0.0.1:41234} (the same port) */
  public URI webSocketUri() {
    return server().webSocketUri();
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
    FakeDfxServer server = e.getStore(NAMESPACE).get(this, FakeDfxServer.class);
    return server != null ? server : server();
  }
}
