package io.github.dfxclient.testkit;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.ClientSettings;
import java.time.Duration;
import java.util.function.Supplier;

/** The session where real services break, through the in-memory fake. */
class FakeAuthsRobustnessTest extends SessionRobustnessContract {
  private final FakeAuthsBackend backend = new FakeAuthsBackend(clock, LIFETIME);

  @Override
  protected FakeAuthsBackend backend() {
    return backend;
  }

  private static DfxRetryPolicy fast() {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build();
  }

  @Override
  protected AuthsPort port(Supplier<String> bearerToken) {
    return new FakeAuths(backend, bearerToken, Duration.ofSeconds(15), fast());
  }

  private FakeAuths fake(DfxCredentials credentials) {
    return new FakeAuths(backend, new ClientSettings().credentials(credentials).requestTimeout(Duration.ofSeconds(15))
        .retryPolicy(fast()));
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
