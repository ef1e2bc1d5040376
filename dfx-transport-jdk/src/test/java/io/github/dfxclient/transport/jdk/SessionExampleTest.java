package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsClient;
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

/** The session example (docs/session.md), compiled and run against the fake DFX server. */
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
    JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(baseUri).build();
    TokenSession session = TokenSession.builder()
        .auths(http)                                     // renews; a renew carries its own pair
        .store(myStore)                                  // your file/JDBC/Redis store: load + save
        .onRotation(r -> audit.add(r.kind() + " rotated at " + r.at()))
        .build();
    session.set(TokenKind.DEVICE, devicePair);           // from registering the license
    session.set(TokenKey.user("alice"), alicePair);      // from alice's login; any number of users

    // every call asks the session for the token its operation needs: renewed ahead of expiry,
    // once for all threads, saved before use; after a 401, renewed once and sent again
    AuthsClient auths = http.withCredentials(session.credentials());
    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));       // device token
    AuthsClient asAlice = http.withCredentials(session.credentials("alice"));
    OrgClientCredentials org = asAlice.orgClientCredentials("acme-health");             // alice's token

    TokenPair rotated = session.renewIfStill(TokenKind.DEVICE, devicePair.token());  // explicit renew
    auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme-health"));       // the new token
    // readme:session-example:end

    assertThat(myStore.load(TokenKind.DEVICE)).contains(rotated);
    assertThat(DFX.backend().isCurrent(rotated)).isTrue();
    assertThat(audit).singleElement().asString().startsWith("DEVICE rotated at");
    assertThat(DFX.backend().outbox()).hasSize(2);
    assertThat(DFX.server().journal().get(DFX.server().journal().size() - 1).header("Authorization"))
        .isEqualTo("Bearer " + rotated.token());
    assertThat(org.orgName()).isEqualTo("Acme Health");
    assertThat(DFX.backend().requestsReceived(io.github.dfxclient.core.DfxEndpoint.RENEW)).isEqualTo(1);
  }
}
