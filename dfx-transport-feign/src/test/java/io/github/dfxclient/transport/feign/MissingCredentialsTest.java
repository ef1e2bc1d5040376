package io.github.dfxclient.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A missing credential fails before any I/O, through the real adapter against the fake DFX server:
 * no credentials set, a {@code bearerToken} supplier answering {@code null}, {@code ""} or blank, and
 * a token session without the user's pair. Blocking and asynchronous; 0 requests reach the server.
 * A renew still goes out (it carries its own pair).
 */
class MissingCredentialsTest {
  private static final LoginCodeRequest CODE = new LoginCodeRequest("+15555550123", "acme-health");

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private FeignAuthsAdapter.Builder builder(String setup) {
    FeignAuthsAdapter.Builder b = FeignAuthsAdapter.builder().baseUri(DFX.baseUri());
    switch (setup) {
      case "none":
        return b;
      case "null":
        return b.bearerToken(() -> null);
      case "blank":
        return b.bearerToken(() -> " \t");
      default:
        return b.bearerToken(() -> "");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "null", "empty", "blank"})
  void sendsNothingWithoutTheTokenTheOperationNeeds(String setup) {
    try (FeignAuthsAdapter blocking = builder(setup).build();
        var async = builder(setup).buildAsync()) {
      assertMissing(() -> blocking.requestLoginCode(CODE), "device");
      assertMissing(() -> blocking.orgClientCredentials("acme-health"), "user");
      assertMissing(() -> async.requestLoginCode(CODE).join(), "device");
      assertMissing(() -> async.orgClientCredentials("acme-health").join(), "user");

      assertThat(DFX.requestsReceived()).isZero();
      TokenPair pair = DFX.backend().issuePair("device");
      assertThat(DFX.backend().isCurrent(blocking.renew(pair))).as("a renew carries its own pair").isTrue();
      assertThat(DFX.requestsReceived()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aSessionWithoutTheUsersPairSendsNothing(boolean async) {
    DFX.backend().addOrganization("acme-health", new OrgClientCredentials("Acme", null, null, true, null, List.of()));
    try (FeignAuthsAdapter auths = FeignAuthsAdapter.builder().baseUri(DFX.baseUri()).build();
        var asyncAuths = FeignAuthsAdapter.builder().baseUri(DFX.baseUri()).buildAsync()) {
      TokenSession session = TokenSession.builder().auths(auths).asyncAuths(asyncAuths).build();
      session.set(TokenKind.DEVICE, DFX.backend().issuePair("device"));
      AuthsPort asCarol = auths.withCredentials(session.credentials("carol"));
      AsyncAuthsPort asCarolAsync = asyncAuths.withCredentials(session.credentials("carol"));

      Throwable t = async ? failure(() -> asCarolAsync.orgClientCredentials("acme-health").join())
          : failure(() -> asCarol.orgClientCredentials("acme-health"));

      assertThat(t).isInstanceOf(IllegalStateException.class);
      assertThat(t.getMessage()).containsIgnoringCase("user");
      assertThat(DFX.requestsReceived()).isZero();
      assertThat(async ? asCarolAsync.requestLoginCode(CODE).join() : asCarol.requestLoginCode(CODE))
          .as("the device token is there").matches(sent -> sent.success());
    }
  }

  private static void assertMissing(Runnable call, String kind) {
    Throwable t = failure(call);
    assertThat(t).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no " + kind + " token");
  }

  private static Throwable failure(Runnable call) {
    Throwable t = catchThrowable(call::run);
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
