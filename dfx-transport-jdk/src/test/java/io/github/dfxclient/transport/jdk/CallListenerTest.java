package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxCallContext;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxCallResult;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxOutcome;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.core.Credential;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.ScriptedFailure;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call hooks through the JDK adapter against the fake DFX server: a veto sends nothing (counted at
 * the server) and surfaces unchanged, a throwing listener never fails a call, every attempt and call
 * is reported with the engine's classification, views share the listeners, and nothing a listener is
 * given carries a token, a phone number or an e-mail address.
 */
class CallListenerTest {
  private static final String PHONE = "+15555550123";
  private static final String EMAIL = "ada@example.com";

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  /** The application's own exception, thrown by its kill switch. */
  static final class Paused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Paused() {
      super("DFX calls are paused");
    }
  }

  private static JdkAuthsAdapter.Builder adapter(String token) {
    return JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(() -> token)
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).build());
  }

  @Test
  void aVetoSendsNothingAndSurfacesUnchanged() throws Exception {
    String token = DFX.backend().issuePair("device").token();
    RecordingListener before = new RecordingListener();
    Paused paused = new Paused();
    AtomicInteger tokensAsked = new AtomicInteger();
    DfxCallListener killSwitch = new DfxCallListener() {
      @Override
      public void beforeCall(DfxCallContext call) {
        throw paused;
      }
    };
    RecordingListener after = new RecordingListener();
    try (JdkAuthsAdapter auths = JdkAuthsAdapter.builder().baseUri(DFX.baseUri())
        .bearerToken(() -> {
          tokensAsked.incrementAndGet();
          return token;
        })
        .listener(before).listener(killSwitch).listener(after).build()) {

      assertThatThrownBy(() -> auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")))
          .isSameAs(paused);

      assertThat(DFX.requestsReceived()).isZero();
      assertThat(tokensAsked).hasValue(0);
      assertThat(DFX.backend().outbox()).isEmpty();
      assertThat(before.hooks).containsExactly("beforeCall request-login-code",
          "afterCall request-login-code NOT_SENT");
      DfxCallResult vetoed = before.calls.get(0);
      assertThat(vetoed.attempts()).isZero();
      assertThat(vetoed.status()).isEmpty();
      assertThat(vetoed.error()).contains(Paused.class);
      assertThat(after.hooks).isEmpty();
    }
    try (AsyncAuthsClient async = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(() -> token)
        .listener(killSwitch).buildAsync()) {
      CompletableFuture<?> f = async.requestLoginCode(new LoginCodeRequest(PHONE, "acme"));

      assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isSameAs(paused);
      assertThat(DFX.requestsReceived()).isZero();
    }
  }

  @Test
  void aListenerThatThrowsNeverFailsTheCall() {
    String token = DFX.backend().issuePair("device").token();
    DfxCallListener broken = new DfxCallListener() {
      @Override
      public void afterAttempt(DfxCallContext call, io.github.dfxclient.core.DfxAttempt attempt) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void afterCall(DfxCallContext call, DfxCallResult result) {
        throw new StackOverflowError("listener bug");
      }
    };
    RecordingListener after = new RecordingListener();
    try (JdkAuthsAdapter auths = adapter(token).listener(broken).listener(after).build()) {

      assertThat(auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")).success()).isTrue();

      assertThat(DFX.backend().outbox()).hasSize(1);
      assertThat(after.hooks).containsExactly("beforeCall request-login-code",
          "afterAttempt request-login-code 1 SUCCESS", "afterCall request-login-code SUCCESS");
    }
  }

  @Test
  void attemptsAndCallsAreClassifiedWithStatusAndDuration() {
    TokenPair pair = DFX.backend().issuePair("device");
    RecordingListener events = new RecordingListener();
    try (JdkAuthsAdapter auths = adapter(pair.token()).listener(events).build()) {
      DFX.backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.unavailable(), 1);

      auths.renew(pair);

      assertThat(DFX.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(2);
      assertThat(events.hooks).containsExactly("beforeCall renew", "afterAttempt renew 1 REFUSED",
          "afterAttempt renew 2 SUCCESS", "afterCall renew SUCCESS");
      assertThat(events.attempts.get(0).status()).isEqualTo(OptionalInt.of(503));
      assertThat(events.attempts.get(0).error()).contains(DfxApiException.class);
      assertThat(events.attempts.get(1).status()).isEqualTo(OptionalInt.of(200));
      assertThat(events.attempts.get(1).error()).isEmpty();
      DfxCallResult call = events.calls.get(0);
      assertThat(call.attempts()).isEqualTo(2);
      assertThat(call.status()).isEqualTo(OptionalInt.of(200));
      assertThat(call.duration()).isGreaterThanOrEqualTo(events.attempts.get(1).duration());
      DfxCallContext context = events.contexts.get(0);
      assertThat(context.actionId()).isEqualTo(OptionalInt.of(2304));
      assertThat(context.method()).isEqualTo("POST");
      assertThat(context.pathTemplate()).isEqualTo("/auths/renew");
      assertThat(context.transport()).isEqualTo("jdk-httpclient");
      assertThat(context.credential()).isEqualTo(Credential.DEVICE);

      events.hooks.clear();
      DFX.backend().failNext(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK, ScriptedFailure.errorAfterActing(500), 1);
      assertThatThrownBy(() -> auths.requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, "acme")))
          .isInstanceOf(DfxApiException.class);

      assertThat(events.hooks).containsExactly("beforeCall request-reset-password-link",
          "afterAttempt request-reset-password-link 1 MAYBE_ACTED",
          "afterCall request-reset-password-link MAYBE_ACTED");
      assertThat(events.calls.get(1).status()).isEqualTo(OptionalInt.of(500));
      assertThat(events.everything()).doesNotContain(pair.token(), pair.refreshToken(), PHONE, EMAIL, "ada");
    }
  }

  @Test
  void aRequestThatCannotBeSentIsNotSentAndViewsShareTheListeners() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    RecordingListener events = new RecordingListener();
    try (JdkAuthsAdapter auths = JdkAuthsAdapter.builder().baseUri("http://127.0.0.1:" + closedPort)
        .retryPolicy(DfxRetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1)).build())
        .listener(events).build()) {
      AuthsClient view = auths.withCredentials(io.github.dfxclient.core.DfxCredentials.of(() -> "view-token"));

      assertThatThrownBy(() -> view.requestLoginCode(new LoginCodeRequest(PHONE, "acme")))
          .isInstanceOf(DfxTransportException.class);

      assertThat(events.hooks).containsExactly("beforeCall request-login-code",
          "afterAttempt request-login-code 1 NOT_SENT", "afterAttempt request-login-code 2 NOT_SENT",
          "afterCall request-login-code NOT_SENT");
      assertThat(events.calls.get(0).status()).isEmpty();
      assertThat(events.calls.get(0).error()).contains(DfxTransportException.class);

      events.hooks.clear();
      // no token to send: the call fails before any I/O, and is reported as not sent, 0 attempts
      AuthsClient noToken = auths.withCredentials(io.github.dfxclient.core.DfxCredentials.of(() -> null));
      assertThatThrownBy(() -> noToken.requestLoginCode(new LoginCodeRequest(PHONE, "acme")))
          .isInstanceOf(IllegalStateException.class);
      assertThat(events.hooks).containsExactly("beforeCall request-login-code",
          "afterCall request-login-code NOT_SENT");
      assertThat(events.calls.get(1).attempts()).isZero();
    }
  }

  @Test
  void asynchronousCallsAreReportedLikeBlockingOnes() throws Exception {
    TokenPair pair = DFX.backend().issuePair("device");
    RecordingListener events = new RecordingListener();
    try (AsyncAuthsClient async = adapter(pair.token()).listener(events).buildAsync()) {
      DFX.backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.unavailable(), 1);

      assertThat(async.requestLoginCode(new LoginCodeRequest(PHONE, "acme")).get(10, TimeUnit.SECONDS).success())
          .isTrue();

      assertThat(DFX.requestsReceived()).isEqualTo(2);
      // afterCall runs when the caller's future completes, on the thread that completes it
      assertThat(events.callEnded.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(events.hooks).containsExactly("beforeCall request-login-code",
          "afterAttempt request-login-code 1 REFUSED", "afterAttempt request-login-code 2 SUCCESS",
          "afterCall request-login-code SUCCESS");
      assertThat(events.everything()).doesNotContain(pair.token(), PHONE);
    }
  }
}
