package io.github.dfxclient.testkit;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxRetryPolicy;
import java.time.Duration;
import java.util.function.Supplier;

/** The contract suite against the in-memory fake. */
class FakeAuthsContractTest extends AuthsPortContract {
  private final FakeAuthsBackend backend = new FakeAuthsBackend();

  @Override
  protected FakeAuthsBackend backend() {
    return backend;
  }

  @Override
  protected AuthsPort port(Supplier<String> bearerToken, Duration requestTimeout, DfxRetryPolicy retryPolicy) {
    return new FakeAuths(backend, bearerToken, requestTimeout, retryPolicy);
  }

  @Override
  protected AsyncAuthsPort asyncPort(Supplier<String> bearerToken, Duration requestTimeout, DfxRetryPolicy retryPolicy) {
    return new FakeAuths(backend, bearerToken, requestTimeout, retryPolicy).async();
  }
}
