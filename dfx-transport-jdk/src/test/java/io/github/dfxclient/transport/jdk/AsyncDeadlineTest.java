package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole-answer deadline, blocking and asynchronous, against a raw socket server that sends the
 * status and headers at once and then trickles the body: with a declared Content-Length (the JDK's
 * own subscriber; the deadline cancels the exchange or interrupts the blocked call) and chunked (the
 * bounded subscriber).
 */
class AsyncDeadlineTest {
  private static final TokenPair PAIR = new TokenPair("eyJ.a.b", "rt-1");
  private static final String BODY = "{\"Token\":\"eyJ.c.d\",\"RefreshToken\":\"rt-2\",\"pad\":\"" + "x".repeat(300) + "\"}";

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aTricklingBodyIsCutOffAtTheDeadline(boolean declaredLength) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> trickle(server, declaredLength, requests));
      t.setDaemon(true);
      t.start();
      AsyncAuthsClient async = JdkAuthsAdapter.builder()
          .baseUri(URI.create("http://127.0.0.1:" + server.getLocalPort()))
          .requestTimeout(Duration.ofMillis(800))
          .retryPolicy(DfxRetryPolicy.builder().maxAttempts(1).build())
          .buildAsync();

      long start = System.nanoTime();
      Throwable failure = catchThrowable(() -> async.renew(PAIR).join());
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(failure).isInstanceOf(CompletionException.class);
      assertThat(failure.getCause()).isInstanceOf(DfxTransportException.class);
      assertThat(((DfxTransportException) failure.getCause()).outcomeUnknown()).isTrue();
      assertThat(millis).isBetween(700L, 3_000L);
      assertThat(requests).hasValue(1);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aTricklingBodyIsCutOffAtTheDeadlineWhenBlocking(boolean declaredLength) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> trickle(server, declaredLength, requests));
      t.setDaemon(true);
      t.start();
      JdkAuthsAdapter blocking = JdkAuthsAdapter.builder()
          .baseUri(URI.create("http://127.0.0.1:" + server.getLocalPort()))
          .requestTimeout(Duration.ofMillis(800))
          .retryPolicy(DfxRetryPolicy.builder().maxAttempts(1).build())
          .build();

      long start = System.nanoTime();
      Throwable failure = catchThrowable(() -> blocking.renew(PAIR));
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(failure).isInstanceOf(DfxTransportException.class);
      assertThat(((DfxTransportException) failure).outcomeUnknown()).isTrue();
      assertThat(failure).hasMessageContaining("no complete answer within");
      assertThat(Thread.currentThread().isInterrupted()).as("no interrupt of ours outlives the call").isFalse();
      assertThat(millis).isBetween(700L, 3_000L);
      assertThat(requests).hasValue(1);
    }
  }

  @Test
  void aWholeAnswerWithADeclaredLengthIsRead() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> answer(server, requests));
      t.setDaemon(true);
      t.start();
      AsyncAuthsClient async = JdkAuthsAdapter.builder()
          .baseUri(URI.create("http://127.0.0.1:" + server.getLocalPort())).buildAsync();

      assertThat(async.renew(PAIR).join()).isEqualTo(new TokenPair("eyJ.c.d", "rt-2"));
      assertThat(requests).hasValue(1);
    }
  }

  private static void answer(ServerSocket server, AtomicInteger requests) {
    try (Socket s = server.accept()) {
      readRequest(s.getInputStream());
      requests.incrementAndGet();
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + body.length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      Thread.sleep(500);
    } catch (Exception ignored) {
      // the test decides
    }
  }

  private static void trickle(ServerSocket server, boolean declaredLength, AtomicInteger requests) {
    try (Socket s = server.accept()) {
      readRequest(s.getInputStream());
      requests.incrementAndGet();
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
          + (declaredLength ? "Content-Length: " + body.length : "Transfer-Encoding: chunked") + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (byte b : body) {
        out.write(declaredLength ? new byte[] {b} : ("1\r\n" + (char) b + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Thread.sleep(40);
      }
    } catch (Exception ignored) {
      // the client hung up at its deadline
    }
  }

  private static void readRequest(InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    String h = head.toString().toLowerCase();
    int at = h.indexOf("content-length:");
    if (at >= 0) {
      int n = Integer.parseInt(h.substring(at + 15, h.indexOf("\r\n", at)).trim());
      in.readNBytes(n);
    }
  }
}
