package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenSession;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-memory fake follows the engine's credential rule as the adapters do: a missing token fails
 * before any request reaches the backend, blocking and async; and its views serve many users.
 */
class FakeAuthsMissingCredentialsTest {
  private static final LoginCodeRequest CODE = new LoginCodeRequest("+15555550123", "acme-health");

  private static FakeAuths fake(FakeAuthsBackend backend, String setup) {
    if (setup.equals("none")) {
      return new FakeAuths(backend, new ClientSettings());
    }
    Supplier<String> bearer = setup.equals("null") ? () -> null : setup.equals("blank") ? () -> "  " : () -> "";
    return new FakeAuths(backend, bearer, Duration.ofSeconds(5), DfxRetryPolicy.defaults());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "null", "empty", "blank"})
  void sendsNothingWithoutTheTokenTheOperationNeeds(String setup) {
    FakeAuthsBackend backend = new FakeAuthsBackend();
    FakeAuths auths = fake(backend, setup);
    AsyncAuthsClient async = auths.async();

    assertMissing(() -> auths.requestLoginCode(CODE), "device");
    assertMissing(() -> auths.orgClientCredentials("acme-health"), "user");
    assertMissing(() -> async.requestLoginCode(CODE).join(), "device");
    assertMissing(() -> async.orgClientCredentials("acme-health").join(), "user");

    assertThat(Arrays.stream(DfxEndpoint.values()).mapToInt(backend::requestsReceived).sum()).isZero();
    assertThat(backend.outbox()).isEmpty();
    TokenPair device = backend.issuePair("device");
    assertThat(backend.isCurrent(auths.renew(device))).as("a renew carries its own pair").isTrue();
  }

  @Test
  void viewsSendEachUsersToken() {
    FakeAuthsBackend backend = new FakeAuthsBackend();
    OrgClientCredentials org = new OrgClientCredentials("Acme", null, null, true, null, List.of());
    backend.addOrganization("acme-health", org);
    FakeAuths auths = new FakeAuths(backend, new ClientSettings());
    TokenSession session = TokenSession.builder().auths(auths).build();
    session.set(TokenKey.user("alice"), backend.issuePair("alice"));
    backend.handle(io.github.dfxclient.auths.AuthsOperations.ORG_CLIENT_CREDENTIALS, call -> {
      String subject = call.requireBearer();
      return new OrgClientCredentials(subject, null, null, true, null, List.of());
    });

    AuthsClient asAlice = auths.withCredentials(session.credentials("alice"));
    AsyncAuthsClient asAliceAsync = auths.async().withCredentials(session.credentials("alice"));

    assertThat(asAlice.orgClientCredentials("acme-health").orgName()).isEqualTo("alice");
    assertThat(asAliceAsync.orgClientCredentials("acme-health").join().orgName()).isEqualTo("alice");
    assertMissing(() -> auths.withCredentials(session.credentials("bob")).orgClientCredentials("acme-health"), null);
    assertThat(backend.requestsReceived(DfxEndpoint.ORG_CLIENT_CREDENTIALS)).isEqualTo(2);
  }

  private static void assertMissing(Runnable call, String kind) {
    Throwable t = catchThrowable(call::run);
    if (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    assertThat(t).isInstanceOf(IllegalStateException.class);
    if (kind != null) {
      assertThat(t).hasMessageStartingWith("no " + kind + " token");
    } else {
      assertThat(t.getMessage()).containsIgnoringCase("user");
    }
  }
}
