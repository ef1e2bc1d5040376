package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxRetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension on an instance field: each test gets its own server, stopped after it. */
class ExtensionOnInstanceFieldTest {
  private static final Set<URI> SEEN = ConcurrentHashMap.newKeySet();

  @RegisterExtension
  final FakeDfxServerExtension dfx = new FakeDfxServerExtension();

  @RepeatedTest(3)
  void eachTestHasItsOwnServer(FakeDfxServer injected) {
    assertThat(injected).isSameAs(dfx.server());
    assertThat(SEEN.add(dfx.baseUri())).as("a new server per test").isTrue();
    TokenPair device = dfx.backend().issuePair("device");
    FakeAuths viaMemory = new FakeAuths(dfx.backend(), device::token, Duration.ofSeconds(2), DfxRetryPolicy.defaults());

    assertThat(viaMemory.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")).success()).isTrue();
    assertThat(dfx.backend().outbox()).hasSize(1);
  }

  @AfterAll
  static void everyServerWasStopped() {
    for (URI uri : SEEN) {
      assertThat(isListening(uri)).as("%s stopped", uri).isFalse();
    }
  }

  private static boolean isListening(URI uri) {
    try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
