package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.testkit.AuthsPortContract;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Auths contract over {@link WebSocketTransport}: every port of the class shares one transport. */
class WebSocketAuthsContractTest extends AuthsPortContract {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private static final DfxTransport TRANSPORT = WebSocketTransport.builder().build();

  @AfterAll
  static void closeTransport() {
    TRANSPORT.close();
  }

  @Override
  protected FakeAuthsBackend backend() {
    return DFX.backend();
  }

  @Override
  protected AuthsPort port(Supplier<String> bearerToken, Duration requestTimeout, DfxRetryPolicy retryPolicy) {
    return Ws.auths(TRANSPORT, DFX.baseUri(), bearerToken, requestTimeout, retryPolicy);
  }

  @Override
  protected AsyncAuthsPort asyncPort(Supplier<String> bearerToken, Duration requestTimeout, DfxRetryPolicy retryPolicy) {
    return Ws.asyncAuths(TRANSPORT, DFX.baseUri(), bearerToken, requestTimeout, retryPolicy);
  }

  /** DFX's answer frames carry a status and JSON only: no {@code Retry-After}. */
  @Override
  protected boolean carriesAnswerHeaders() {
    return false;
  }

  @Override
  protected boolean carriesOperationsWithoutActionId() {
    return false;
  }
}
