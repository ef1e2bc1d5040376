package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.SessionRobustnessContract;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session where real services break, through {@link JdkAuthsAdapter} against the fake DFX server. */
class JdkSessionRobustnessTest extends SessionRobustnessContract {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private final FakeAuthsBackend backend = new FakeAuthsBackend(clock, LIFETIME);

  @Override
  protected FakeAuthsBackend backend() {
    DFX.server().serve(backend);
    return backend;
  }

  private JdkAuthsAdapter.Builder builder() {
    return JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).requestTimeout(Duration.ofSeconds(15))
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build());
  }

  @Override
  protected AuthsPort port(Supplier<String> bearerToken) {
    return builder().bearerToken(bearerToken).build();
  }

  @Override
  protected AuthsPort port(DfxCredentials credentials) {
    return builder().credentials(credentials).build();
  }

  @Override
  protected AsyncAuthsPort asyncPort(DfxCredentials credentials) {
    return builder().credentials(credentials).buildAsync();
  }
}
