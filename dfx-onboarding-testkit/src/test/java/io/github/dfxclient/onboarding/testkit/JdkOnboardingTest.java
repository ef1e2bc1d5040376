package io.github.dfxclient.onboarding.testkit;

import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.RecordedRequest;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both onboarding operations over the JDK HttpClient transport, against the fake server on loopback. */
class JdkOnboardingTest extends OnboardingContract {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Override
  protected FakeAuthsBackend backend() {
    return DFX.backend();
  }

  @Override
  protected DfxClient newClient(DfxCredentials credentials, Duration requestTimeout, int refusedConnects) {
    JdkAuthsAdapter.Builder b = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).requestTimeout(requestTimeout)
        .retryPolicy(policy());
    if (credentials != null) {
      b.credentials(credentials);
    }
    if (refusedConnects > 0) {
      b.httpClient(new RefusingHttpClient(refusedConnects));
    }
    return b.build().client();
  }

  @Override
  protected List<RecordedRequest> journal() {
    return DFX.server().journal();
  }
}
