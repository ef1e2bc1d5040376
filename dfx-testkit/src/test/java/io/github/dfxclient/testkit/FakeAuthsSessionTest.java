package io.github.dfxclient.testkit;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.DfxRetryPolicy;
import java.time.Duration;
import java.util.function.Supplier;

/** The session rules through the in-memory fake. */
class FakeAuthsSessionTest extends TokenSessionContract {
  private final FakeAuthsBackend backend = new FakeAuthsBackend(clock, LIFETIME);

  @Override
  protected FakeAuthsBackend backend() {
    return backend;
  }

  @Override
  protected AuthsPort port(Supplier<String> bearerToken) {
    return new FakeAuths(backend, bearerToken, Duration.ofSeconds(5),
        DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build());
  }

  private FakeAuths fake(DfxCredentials credentials) {
    return new FakeAuths(backend, new ClientSettings().credentials(credentials).requestTimeout(Duration.ofSeconds(5))
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build()));
  }

  @Override
  protected AuthsPort port(DfxCredentials credentials) {
    return fake(credentials);
  }

  @Override
  protected AsyncAuthsPort asyncPort(DfxCredentials credentials) {
    return fake(credentials).async();
  }
}
