package io.github.dfxclient.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.core.spi.DfxTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the transport reads what a server sends back, against a server scripted frame by frame:
 * fragments, text frames, answers for unknown request IDs, oversized and malformed frames, missing
 * pongs, a refused upgrade. No result is decided by a sleep: waits are bounded polls.
 */
class AnswerFramesTest {
  private static final TokenPair PAIR = new TokenPair("t-now", "r-now");
  private static final DfxRetryPolicy ONCE = DfxRetryPolicy.builder().maxAttempts(1).build();

  private ScriptedWsServer server;
  private DfxTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedWsServer();
    transport = WebSocketTransport.builder().build();
  }

  @AfterEach
  void stop() throws Exception {
    transport.close();
    server.close();
  }

  private AuthsClient auths(DfxRetryPolicy policy, int maxAnswerBytes) {
    return new AuthsClient(DfxClient.builder().transport(transport).baseUri(server.baseUri())
        .bearerToken(() -> "device-token").requestTimeout(Duration.ofSeconds(10)).retryPolicy(policy)
        .maxAnswerBytes(maxAnswerBytes).build());
  }

  private AuthsClient auths() {
    return auths(ONCE, 1024);
  }

  @Test
  void aFragmentedAnswerIsReassembled() {
    // the first fragment is shorter than the request ID
    server.onFrame((s, f) -> ScriptedWsServer.sendFragments(s,
        ScriptedWsServer.answer(ScriptedWsServer.id(f), "200", ScriptedWsServer.PAIR), 4));

    assertThat(auths().renew(PAIR)).isEqualTo(new TokenPair("t-next", "r-next"));
    assertThat(auths().renew(PAIR)).isEqualTo(new TokenPair("t-next", "r-next"));
    assertThat(server.opened.get()).isEqualTo(1);
  }

  @Test
  void aTextAnswerIsRead() {
    server.onFrame((s, f) -> {
      try {
        s.getRemote().sendString(new String(ScriptedWsServer.answer(ScriptedWsServer.id(f), "409",
            "{\"Code\":\"BUSY\",\"Message\":\"Gerät belegt\"}"), StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> auths().renew(PAIR));

    assertThat(e.status()).isEqualTo(409);
    assertThat(e.serverMessage()).isEqualTo("Gerät belegt");
  }

  @Test
  void anAnswerOverTheBoundFailsItsRequestOnlyAndTheSocketGoesOn() {
    String big = "{\"Token\":\"" + "x".repeat(2000) + "\",\"RefreshToken\":\"r\"}";
    int[] n = {0};
    server.onFrame((s, f) -> {
      byte[] answer = ScriptedWsServer.answer(ScriptedWsServer.id(f), "200", n[0]++ < 2 ? big : ScriptedWsServer.PAIR);
      if (n[0] == 1) {
        ScriptedWsServer.send(s, answer);
      } else {
        ScriptedWsServer.sendFragments(s, answer, 300);
      }
    });

    DfxProtocolException whole = catchThrowableOfType(DfxProtocolException.class, () -> auths().renew(PAIR));
    DfxProtocolException fragmented = catchThrowableOfType(DfxProtocolException.class, () -> auths().renew(PAIR));

    assertThat(whole.getMessage()).contains("larger than 1024 bytes");
    assertThat(whole.status()).isEqualTo(200);
    assertThat(fragmented.getMessage()).contains("larger than 1024 bytes");
    assertThat(auths().renew(PAIR)).isEqualTo(new TokenPair("t-next", "r-next"));
    assertThat(server.opened.get()).isEqualTo(1);
  }

  @Test
  void anAnswerForAnUnknownRequestIdIsDropped() {
    server.onFrame((s, f) -> {
      ScriptedWsServer.send(s, ScriptedWsServer.answer("2304XXXXXX".getBytes(StandardCharsets.US_ASCII), "200",
          "{\"Token\":\"stray\",\"RefreshToken\":\"stray\"}"));
      ScriptedWsServer.send(s, ScriptedWsServer.answer(ScriptedWsServer.id(f), "200", ScriptedWsServer.PAIR));
    });

    assertThat(auths().renew(PAIR)).isEqualTo(new TokenPair("t-next", "r-next"));
    assertThat(server.opened.get()).isEqualTo(1);
  }

  @Test
  void anErrorAnswerIsReadAsOverHttp() {
    server.onFrame((s, f) -> ScriptedWsServer.send(s, ScriptedWsServer.answer(ScriptedWsServer.id(f), "401",
        "{\"Code\":\"INVALID_REFRESH_TOKEN\",\"Message\":\"used\"}")));

    DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> auths().renew(PAIR));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo("INVALID_REFRESH_TOKEN");
  }

  @Test
  void aFrameTooShortToCarryARequestIdBreaksTheSocketAndFailsItsRequestsAtOnce() {
    server.onFrame((s, f) -> ScriptedWsServer.send(s, new byte[] {'2', '3', '0', '4', 'x'}));
    long start = System.nanoTime();

    DfxTransportException e = catchThrowableOfType(DfxTransportException.class, () -> auths().renew(PAIR));

    assertThat(e.outcomeUnknown()).as("the frame was written: the server may have acted").isTrue();
    assertThat(e.getMessage()).contains("malformed answer frame");
    assertThat((System.nanoTime() - start) / 1_000_000).as("no hang until the 10 s deadline").isLessThan(8_000);
  }

  @Test
  void aStatusThatIsNotThreeDigitsFailsThatRequestAsMaybeActed() {
    server.onFrame((s, f) -> ScriptedWsServer.send(s, ScriptedWsServer.answer(ScriptedWsServer.id(f), "2x0", "{}")));

    DfxTransportException e = catchThrowableOfType(DfxTransportException.class, () -> auths().renew(PAIR));

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.getMessage()).contains("status is not 3 digits");
  }

  @Test
  void anUpgradeRefusedWith401AnswersTheRequestWith401() {
    server.refuseUpgradesWith(401);

    DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> auths().renew(PAIR));

    assertThat(e.status()).isEqualTo(401);
    assertThat(server.frames).isEmpty();
  }

  @Test
  void anUpgradeRefusedWith503IsNotSentAndRetried() {
    server.refuseUpgradesWith(503);

    DfxTransportException e = catchThrowableOfType(DfxTransportException.class,
        () -> auths(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build(), 1024).renew(PAIR));

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains("upgrade was answered 503");
    assertThat(e.getSuppressed()).hasSize(2);
    assertThat(server.frames).isEmpty();
  }

  @Test
  void nothingListeningIsNotSent() throws Exception {
    java.net.URI base = server.baseUri();
    server.close();

    DfxTransportException e = catchThrowableOfType(DfxTransportException.class,
        () -> new AuthsClient(DfxClient.builder().transport(transport).baseUri(base).retryPolicy(ONCE).build())
            .renew(PAIR));

    assertThat(e.outcomeUnknown()).isFalse();
  }

  @Test
  void aQuietSocketIsPingedAndDroppedWhenNoPongComes() throws Exception {
    transport.close();
    transport = WebSocketTransport.builder().pingInterval(Duration.ofMillis(50)).pongTimeout(Duration.ofMillis(200))
        .build();
    assertThat(auths().renew(PAIR)).isEqualTo(new TokenPair("t-next", "r-next"));
    // answered pings keep it open
    await(() -> server.pings.get() >= 3);
    assertThat(server.closed.get()).isZero();
    assertThat(((WsTransport) transport).sockets()).isEqualTo(1);

    server.pongs(false);

    await(() -> ((WsTransport) transport).sockets() == 0);
    await(() -> server.closed.get() == 1);
    assertThat(auths().renew(PAIR)).isEqualTo(new TokenPair("t-next", "r-next"));
    assertThat(server.opened.get()).isEqualTo(2);
  }

  /** Polls {@code condition} for up to 20 s: a generous bound on a loaded machine, never a decision by time. */
  static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(10);
    }
  }
}
