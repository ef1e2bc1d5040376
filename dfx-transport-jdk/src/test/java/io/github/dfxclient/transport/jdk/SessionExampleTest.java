package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKey;
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
    TokenPair alicePair = DFX.backend().issuePair("alice");
    DFX.backend().addOrganization("acme-health", new OrgClientCredentials("Acme Health", null, null, true, null,
        List.of()));
    TokenStore myStore = new InMemoryTokenStore();
    List<String> audit = new ArrayList<>();

    // readme:session-example:start
    TokenSession session = TokenSession.builder()
        .auths(JdkAuthsAdapter.builder().baseUri(baseUri).build())   // renews; needs no token of its own
        .store(myStore)                                  // your file/JDBC/Redis store: load + save
        .onRotation(r -> audit.add(r.kind() + " rotated at " + r.at()))
        .build();
    session.set(TokenKind.DEVICE, devicePair);           // from registering the license
    session.set(TokenKey.user("alice"), alicePair);      // from alice's login; any number of users

    // every call asks the session for the token its operation needs: renewed ahead of its exp
    // claim, once for all threads, saved before use; after a 401, renewed once and sent again
    AuthsPort auths = JdkAuthsAdapter.builder().baseUri(baseUri).credentials(session.credentials()).build();
    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));       // device token
    AuthsPort asAlice = JdkAuthsAdapter.builder().baseUri(baseUri).credentials(session.credentials("alice")).build();
    OrgClientCredentials org = asAlice.orgClientCredentials("acme-health");             // alice's token

    TokenPair rotated = session.renewIfStill(TokenKind.DEVICE, devicePair.token());  // explicit renew
    // readme:session-example:end

    assertThat(myStore.load(TokenKind.DEVICE)).contains(rotated);
    assertThat(DFX.backend().isCurrent(rotated)).isTrue();
    assertThat(audit).singleElement().asString().startsWith("DEVICE rotated at");
    assertThat(DFX.backend().outbox()).hasSize(1);
    assertThat(org.orgName()).isEqualTo("Acme Health");
    assertThat(DFX.backend().requestsReceived(io.github.dfxclient.core.DfxEndpoint.RENEW)).isEqualTo(1);
  }
}
