package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's session example, compiled and run against the fake DFX server. */
class SessionExampleTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void sessionExampleRuns() {
    URI baseUri = DFX.baseUri();
    TokenPair devicePair = DFX.backend().issuePair("device");
    TokenStore myStore = new InMemoryTokenStore();
    List<String> audit = new ArrayList<>();

    // readme:session-example:start
    TokenSession session = TokenSession.builder()
        .auths(bearer -> JdkAuthsAdapter.builder().baseUri(baseUri).bearerToken(bearer).build())
        .store(myStore)                                  // your file/JDBC/Redis store: load + save
        .onRotation(r -> audit.add(r.kind() + " rotated at " + r.at()))
        .build();
    session.set(TokenKind.DEVICE, devicePair);           // from registering the license

    AuthsPort auths = JdkAuthsAdapter.builder().baseUri(baseUri).bearerToken(session.bearerToken()).build();
    // the device token is renewed ahead of its exp claim, once for all threads, saved before use;
    // on a 401 the session renews once and calls again
    session.call(TokenKind.DEVICE, token -> auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health")));

    TokenPair rotated = session.renewIfStill(TokenKind.DEVICE, devicePair.token());  // explicit renew
    // readme:session-example:end

    assertThat(myStore.load(TokenKind.DEVICE)).contains(rotated);
    assertThat(DFX.backend().isCurrent(rotated)).isTrue();
    assertThat(audit).singleElement().asString().startsWith("DEVICE rotated at");
    assertThat(DFX.backend().outbox()).hasSize(1);
  }
}
