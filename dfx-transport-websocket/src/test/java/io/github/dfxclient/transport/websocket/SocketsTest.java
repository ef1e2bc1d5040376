package io.github.dfxclient.transport.websocket;

import static io.github.dfxclient.transport.websocket.AnswerFramesTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.core.codec.JsonField;
import io.github.dfxclient.core.codec.JsonObjectCodec;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sockets against the fake DFX server's WebSocket face: many requests on one socket and what a drop
 * does to them, a socket per token, the exact request frames, idle sockets, and the bound on idle
 * sockets when thousands of users call.
 */
class SocketsTest {
  private static final String PHONE = "+15555550123";

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private final List<DfxTransport> transports = new ArrayList<>();

  @AfterEach
  void close() {
    transports.forEach(DfxTransport::close);
  }

  private WsTransport transport(WebSocketTransport.Builder b) {
    DfxTransport t = b.build();
    transports.add(t);
    return (WsTransport) t;
  }

  private DfxClient.Builder client(DfxTransport t) {
    return DfxClient.builder().transport(t).baseUri(DFX.baseUri()).requestTimeout(Duration.ofSeconds(20))
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).jitter(0).build());
  }

  /**
   * 16 requests in flight on one socket (8 renews of 8 pairs, 8 login codes), all received and acted
   * on by the server, which then drops the socket before answering: the renews are re-sent (their
   * pairs were rotated in the lost answers, so the resends earn 401), the messages are not
   * ({@code outcomeUnknown()}); the fake counts 16 renews, 8 messages, 8 in the outbox.
   */
  @Test
  void aSocketDroppedWith16RequestsInFlightResendsRenewsAndNeverMessages() throws Exception {
    FakeAuthsBackend backend = DFX.backend();
    String device = backend.issuePair("device").token();
    WsTransport t = transport(WebSocketTransport.builder());
    AsyncAuthsClient auths = new AsyncAuthsClient(client(t).bearerToken(() -> device).build());
    backend.latency(AuthsOperations.RENEW, Duration.ofSeconds(30));
    backend.latency(AuthsOperations.REQUEST_LOGIN_CODE, Duration.ofSeconds(30));

    List<TokenPair> pairs = new ArrayList<>();
    List<CompletableFuture<?>> renews = new ArrayList<>();
    List<CompletableFuture<?>> messages = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      TokenPair pair = backend.issuePair("user-" + i);
      pairs.add(pair);
      renews.add(auths.renew(pair));
      messages.add(auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme-" + i)));
    }
    await(() -> backend.requestsReceived(AuthsOperations.RENEW) == 8
        && backend.requestsReceived(AuthsOperations.REQUEST_LOGIN_CODE) == 8);
    assertThat(t.inFlight()).isEqualTo(16);
    assertThat(DFX.server().webSocketsOpened()).isEqualTo(1);
    backend.latency(AuthsOperations.RENEW, Duration.ZERO);

    DFX.server().dropWebSockets();

    for (CompletableFuture<?> m : messages) {
      Throwable f = failure(m);
      assertThat(f).isInstanceOf(DfxTransportException.class);
      assertThat(((DfxTransportException) f).outcomeUnknown()).isTrue();
    }
    for (int i = 0; i < 8; i++) {
      Throwable f = failure(renews.get(i));
      assertThat(f).as("re-sent, and refused: the lost answer had rotated the pair").isInstanceOf(DfxApiException.class);
      assertThat(((DfxApiException) f).code()).isEqualTo(FakeAuthsBackend.INVALID_REFRESH_TOKEN);
      assertThat(backend.renewAttemptsWith(pairs.get(i).refreshToken())).isEqualTo(2);
    }
    assertThat(backend.requestsReceived(AuthsOperations.RENEW)).isEqualTo(16);
    assertThat(backend.requestsReceived(AuthsOperations.REQUEST_LOGIN_CODE)).isEqualTo(8);
    assertThat(backend.outbox()).hasSize(8);
    assertThat(DFX.server().webSocketsOpened()).as("the resends went on a new socket").isEqualTo(2);
  }

  private static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /**
   * A session whose device pair rotates: the renew goes on the socket of the token it holds, and the
   * next request carries the new token, so it opens a socket with it.
   */
  @Test
  void aRotationOpensASocketWithTheNewToken() {
    FakeAuthsBackend backend = DFX.backend();
    WsTransport t = transport(WebSocketTransport.builder());
    TokenSession session = TokenSession.builder()
        .auths(new AuthsClient(client(t).build()))
        .store(new InMemoryTokenStore()).build();
    TokenPair first = backend.issuePair("device");
    session.set(TokenKind.DEVICE, first);
    AuthsClient auths = new AuthsClient(client(t).credentials(session.credentials()).build());

    assertThat(auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")).success()).isTrue();
    TokenPair second = session.renewIfStill(TokenKind.DEVICE, first.token());
    assertThat(auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")).success()).isTrue();

    assertThat(DFX.server().webSocketUpgradeAuthorizations())
        .containsExactly("Bearer " + first.token(), "Bearer " + second.token());
    assertThat(backend.outbox()).hasSize(2);
  }

  /** A socket without a request in flight closes after the idle timeout; the timer then stops. */
  @Test
  void idleSocketsClose() throws Exception {
    String device = DFX.backend().issuePair("device").token();
    WsTransport t = transport(WebSocketTransport.builder().idleTimeout(Duration.ofMillis(100)));
    AuthsClient auths = new AuthsClient(client(t).bearerToken(() -> device).build());

    assertThat(auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")).success()).isTrue();
    assertThat(DFX.server().webSocketsOpened()).isEqualTo(1);

    await(() -> DFX.server().webSocketsOpen() == 0);
    assertThat(t.sockets()).isZero();
    await(() -> !t.housekeeping());
    assertThat(auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")).success()).isTrue();
    assertThat(DFX.server().webSocketsOpened()).isEqualTo(2);
  }

  /**
   * 10,000 users, each with their own token, call through one transport from 8 threads: never more
   * sockets than those in use plus the idle bound, and at the end at most the idle bound stay open.
   */
  @Test
  void tenThousandTokensDoNotHoldTenThousandSockets() throws Exception {
    WsTransport t = transport(WebSocketTransport.builder().maxIdleSockets(8));
    int threads = 8;
    int users = 10_000;
    int[] most = new int[threads];
    List<Thread> callers = new ArrayList<>();
    for (int k = 0; k < threads; k++) {
      int id = k;
      AuthsClient[] client = {null};
      String[] token = {null};
      client[0] = new AuthsClient(client(t).bearerToken(() -> token[0])
          .retryPolicy(DfxRetryPolicy.builder().maxAttempts(1).build()).build());
      Thread c = new Thread(() -> {
        for (int u = id; u < users; u += threads) {
          token[0] = "user-token-" + u;
          try {
            client[0].renew(new TokenPair("t-" + u, "r-" + u));
          } catch (DfxApiException refused) {
            // 401 INVALID_REFRESH_TOKEN: the pair is made up; what counts is the socket
          }
          most[id] = Math.max(most[id], t.sockets());
        }
      });
      callers.add(c);
      c.start();
    }
    for (Thread c : callers) {
      c.join(120_000);
    }

    assertThat(DFX.backend().requestsReceived(AuthsOperations.RENEW)).isEqualTo(users);
    assertThat(DFX.server().webSocketsOpened()).isEqualTo(users);
    for (int m : most) {
      assertThat(m).isLessThanOrEqualTo(8 + threads);
    }
    assertThat(t.sockets()).isLessThanOrEqualTo(8);
    await(() -> DFX.server().webSocketsOpen() <= 8);
  }

  // ------------------------------------------------------------------ frames

  record Empty() {}

  static final JsonField<Boolean> OK = JsonField.bool("ok");
  static final JsonObjectCodec<Empty> EMPTY = JsonObjectCodec.<Empty>builder().field(OK, e -> true)
      .build(in -> new Empty());

  /** An operation with an action ID, neither body nor path parameters, and no credential. */
  static final DfxOperation<Void, Empty> PING = DfxOperation.<Void, Empty>builder(100, "GET", "/status")
      .answer(EMPTY).credential(Credential.NONE).resendAfterMaybeActed(true).build();

  /** The request frames, byte for byte: a body, path parameters, an empty request. */
  @Test
  void requestFramesAreExact() {
    FakeAuthsBackend backend = DFX.backend();
    String device = backend.issuePair("device").token();
    TokenPair pair = backend.issuePair("user-8");
    backend.addOrganization("acme/ü \"q\"", new io.github.dfxclient.auths.OrgClientCredentials("Acme", null, "p", true,
        null, List.of()));
    String user = backend.issuePair("user-7").token();
    backend.handle(PING, call -> new Empty());
    WsTransport t = transport(WebSocketTransport.builder());

    new AuthsClient(client(t).bearerToken(() -> device).build()).renew(pair);
    new AuthsClient(client(t).bearerToken(() -> user).build()).orgClientCredentials("acme/ü \"q\"");
    assertThat(client(t).build().call(PING)).isEqualTo(new Empty());

    List<byte[]> frames = DFX.server().webSocketFrames();
    assertThat(frames).hasSize(3);
    assertFrame(frames.get(0), "2304", "{\"Token\":\"" + pair.token() + "\",\"RefreshToken\":\"" + pair.refreshToken() + "\"}");
    assertFrame(frames.get(1), "2306", "{\"Params\":{\"orgId\":\"acme/ü \\\"q\\\"\"}}");
    assertFrame(frames.get(2), "0100", "{}");
    assertThat(DFX.server().webSocketUpgradeAuthorizations())
        .containsExactly("Bearer " + device, "Bearer " + user, null);
  }

  private static void assertFrame(byte[] frame, String action, String json) {
    assertThat(new String(frame, 0, 4, StandardCharsets.US_ASCII)).isEqualTo(action);
    String id = new String(frame, 4, 10, StandardCharsets.US_ASCII);
    assertThat(id).startsWith(action).matches(action + "[A-Za-z]{6}");
    assertThat(new String(frame, 14, frame.length - 14, StandardCharsets.UTF_8)).isEqualTo(json);
    assertThat(java.util.Arrays.copyOfRange(frame, 14, frame.length)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
  }

  /** An unknown action ID is answered 400 INCORRECT_REQUEST "Invalid Route Number", as the real API does. */
  @Test
  void anUnknownActionIdIsAnIncorrectRequest() {
    DfxOperation<Void, Empty> unknown = DfxOperation.<Void, Empty>builder(9999, "GET", "/nothing")
        .answer(EMPTY).credential(Credential.NONE).build();
    WsTransport t = transport(WebSocketTransport.builder());

    DfxApiException e = org.assertj.core.api.Assertions.catchThrowableOfType(DfxApiException.class,
        () -> client(t).build().call(unknown));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("INCORRECT_REQUEST");
    assertThat(e.serverMessage()).isEqualTo("Invalid Route Number");
  }
}
