package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.testkit.AuthsPortContract;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract suite against {@link JdkAuthsAdapter} talking to the fake DFX server. */
class JdkAdapterContractTest extends AuthsPortContract {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Override
  protected FakeAuthsBackend backend() {
    return DFX.backend();
  }

  @Override
  protected AuthsPort port(Supplier<String> bearerToken, Duration requestTimeout, DfxRetryPolicy retryPolicy) {
    return JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(bearerToken)
        .requestTimeout(requestTimeout).retryPolicy(retryPolicy).build();
  }

  @Override
  protected AsyncAuthsPort asyncPort(Supplier<String> bearerToken, Duration requestTimeout, DfxRetryPolicy retryPolicy) {
    return JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(bearerToken)
        .requestTimeout(requestTimeout).retryPolicy(retryPolicy).buildAsync();
  }
}
