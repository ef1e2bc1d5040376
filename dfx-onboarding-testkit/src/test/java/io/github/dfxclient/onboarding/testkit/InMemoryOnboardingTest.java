package io.github.dfxclient.onboarding.testkit;

import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.testkit.FakeAuths;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * Both onboarding operations through the testkit's in-memory fake: dfx-core's engine over the
 * in-memory transport (encoding, headers, decoding, retries and classification as over HTTP).
 */
class InMemoryOnboardingTest extends OnboardingContract {
  private final FakeAuthsBackend backend = new FakeAuthsBackend();

  @Override
  protected FakeAuthsBackend backend() {
    return backend;
  }

  @Override
  protected DfxClient newClient(DfxCredentials credentials, Duration requestTimeout, int refusedConnects) {
    Assumptions.assumeTrue(refusedConnects == 0, "the in-memory transport has no connection to refuse");
    return new FakeAuths(backend, new ClientSettings().credentials(credentials).requestTimeout(requestTimeout)
        .retryPolicy(policy())).client();
  }
}
