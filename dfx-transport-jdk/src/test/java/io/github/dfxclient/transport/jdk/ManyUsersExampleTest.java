package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's multi-user pattern (one client, a view per user), compiled and run against the fake server. */
class ManyUsersExampleTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void eachUsersViewSendsThatUsersToken() {
    URI baseUri = DFX.baseUri();
    TokenPair devicePair = DFX.backend().issuePair("device");
    TokenPair alicePair = DFX.backend().issuePair("alice");
    TokenPair bobPair = DFX.backend().issuePair("bob");
    DFX.backend().addOrganization("acme-health", new OrgClientCredentials("Acme Health", null, null, true, null,
        List.of()));
    InMemoryTokenStore store = new InMemoryTokenStore();

    // readme:many-users:start
    JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(baseUri).build();      // one HttpClient
    TokenSession session = TokenSession.builder().auths(http).store(store).build();
    session.set(TokenKind.DEVICE, devicePair);
    session.set(TokenKey.user("alice"), alicePair);       // from alice's login
    session.set(TokenKey.user("bob"), bobPair);           // any number of users

    AuthsClient asAlice = http.withCredentials(session.credentials("alice"));   // a view: no new client,
    AuthsClient asBob = http.withCredentials(session.credentials("bob"));       // connection or thread
    OrgClientCredentials forAlice = asAlice.orgClientCredentials("acme-health");  // sent with alice's token
    OrgClientCredentials forBob = asBob.orgClientCredentials("acme-health");      // and bob's
    http.close();                                         // the original owns the transport of its views
    // readme:many-users:end

    AsyncAuthsClient async = JdkAuthsAdapter.builder().baseUri(baseUri).buildAsync();
    CompletableFuture<OrgClientCredentials> later =
        async.withCredentials(session.credentials("alice")).orgClientCredentials("acme-health");
    assertThat(later.join()).isEqualTo(forAlice);
    async.close();

    assertThat(forAlice.orgName()).isEqualTo("Acme Health");
    assertThat(forBob).isEqualTo(forAlice);
    assertThat(DFX.server().journal()).extracting(r -> r.header("Authorization")).containsExactly(
        "Bearer " + alicePair.token(), "Bearer " + bobPair.token(), "Bearer " + alicePair.token());
  }
}
