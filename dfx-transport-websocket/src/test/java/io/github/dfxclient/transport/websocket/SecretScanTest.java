package io.github.dfxclient.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.ScriptedFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * No token, refresh token, phone number or e-mail address appears in what the WebSocket transport,
 * the engine or the JDK's WebSocket internals write or throw, at TRACE (this class runs in its own
 * surefire execution with {@code jdk.internal.httpclient} at TRACE too): the console is captured
 * while calls succeed, are refused, meet dropped sockets, time out, and meet a hostile server that
 * echoes the request's secrets in error answers, in answers for unknown request IDs and in malformed
 * frames; the exceptions' messages, stack traces and {@code toString()} are added to the text.
 */
class SecretScanTest {
  private static final String PHONE = "+15555550199";
  private static final String EMAIL = "dora.secret@example.org";

  static {
    // slf4j-simple reads a logger's level when the logger is made: the JDK's are made on first use
    System.setProperty("org.slf4j.simpleLogger.log.jdk.internal.httpclient", "trace");
  }

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private final StringBuilder seen = new StringBuilder();
  private final List<String> secrets = new ArrayList<>(List.of(PHONE, EMAIL));

  @Test
  void noSecretInLogsMessagesStackTracesOrToString() throws Exception {
    assertThat(LoggerFactory.getLogger("io.github.dfxclient.auths").isTraceEnabled()).isTrue();
    assertThat(LoggerFactory.getLogger("jdk.internal.httpclient.websocket.debug").isTraceEnabled())
        .as("this class runs with the JDK's WebSocket internals at TRACE").isTrue();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      againstTheFake();
      againstAHostileServer();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains("dfx action=2304 POST /auths/renew status=200")
        .contains("dfx websocket #").contains("status=none (outcome unknown)");
    String everything = logs + seen;
    assertThat(secrets).hasSizeGreaterThan(6);
    for (String secret : secrets) {
      int at = everything.indexOf(secret);
      assertThat(at).as("a secret appears in the output here: %s", at < 0 ? ""
          : everything.substring(Math.max(0, at - 300), Math.min(everything.length(), at + 100))
              .replace(secret, "<<SECRET>>")).isNegative();
    }
  }

  private void againstTheFake() throws Exception {
    FakeAuthsBackend backend = DFX.backend();
    TokenPair device = backend.issuePair("device");
    TokenPair user = backend.issuePair("user-1");
    secrets.addAll(List.of(device.token(), device.refreshToken(), user.token(), user.refreshToken()));
    try (DfxTransport t = WebSocketTransport.builder().build()) {
      AuthsClient auths = new AuthsClient(DfxClient.builder().transport(t).baseUri(DFX.baseUri())
          .bearerToken(device::token).requestTimeout(Duration.ofMillis(800))
          .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build()).build());
      TokenPair next = auths.renew(user);
      secrets.addAll(List.of(next.token(), next.refreshToken()));
      seen.append(next).append(auths).append(t);
      record(() -> auths.renew(user));                                  // 401 INVALID_REFRESH_TOKEN
      auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme"));
      backend.failNext(AuthsOperations.REQUEST_RESET_PASSWORD_LINK, ScriptedFailure.answerLost());
      record(() -> auths.requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, "acme")));
      backend.failNext(AuthsOperations.REQUEST_LOGIN_CODE, ScriptedFailure.slow(Duration.ofSeconds(2)));
      record(() -> auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")));
      AsyncAuthsClient async = new AsyncAuthsClient(DfxClient.builder().transport(t).baseUri(DFX.baseUri())
          .bearerToken(() -> "eyJ.stale." + "x".repeat(20)).build());
      secrets.add("eyJ.stale." + "x".repeat(20));
      record(() -> async.requestLoginCode(new LoginCodeRequest(PHONE, "acme")).get(10, TimeUnit.SECONDS));
    }
  }

  private void againstAHostileServer() throws Exception {
    String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJob3N0aWxlIn0.aG9zdGlsZS1zaWduYXR1cmU";
    TokenPair pair = new TokenPair("eyJ.pair-token.c2ln", "rt-hostile-0123456789");
    secrets.addAll(List.of(token, pair.token(), pair.refreshToken()));
    try (ScriptedWsServer server = new ScriptedWsServer(); DfxTransport t = WebSocketTransport.builder().build()) {
      AuthsClient auths = new AuthsClient(DfxClient.builder().transport(t).baseUri(server.baseUri())
          .bearerToken(() -> token).requestTimeout(Duration.ofSeconds(5))
          .retryPolicy(DfxRetryPolicy.builder().maxAttempts(1).build()).build());
      // an error answer that echoes the whole request frame, and a stray answer carrying it
      server.onFrame((s, f) -> {
        String echoed = new String(f, StandardCharsets.UTF_8).replace("\"", "'");
        ScriptedWsServer.send(s, ScriptedWsServer.answer("0000000000".getBytes(StandardCharsets.US_ASCII), "200",
            "{\"Token\":\"" + token + "\",\"echo\":\"" + echoed + "\"}"));
        ScriptedWsServer.send(s, ScriptedWsServer.answer(ScriptedWsServer.id(f), "400",
            "{\"Code\":\"BAD " + token + "\",\"Message\":\"bad " + echoed + " " + token + "\"}"));
      });
      record(() -> auths.renew(pair));
      record(() -> auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")));
      // a 200 whose JSON is broken around the secrets
      server.onFrame((s, f) -> ScriptedWsServer.send(s, ScriptedWsServer.answer(ScriptedWsServer.id(f), "200",
          "{\"Token\":\"" + pair.token() + "\",\"RefreshToken\":" + pair.refreshToken())));
      record(() -> auths.renew(pair));
      // a malformed frame that carries a token
      server.onFrame((s, f) -> ScriptedWsServer.send(s, (ScriptedWsServer.id(f).length + "xy" + token)
          .substring(0, 12).getBytes(StandardCharsets.US_ASCII)));
      record(() -> auths.renew(pair));
    }
  }

  private void record(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    try {
      call.call();
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      seen.append(t.getMessage()).append('\n').append(t).append('\n').append(trace);
    }
  }
}
