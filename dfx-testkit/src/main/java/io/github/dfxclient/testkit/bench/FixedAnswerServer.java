package io.github.dfxclient.testkit.bench;

import com.sun.net.httpserver.HttpServer;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.internal.AuthsWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers each Auths path with a fixed 200 body, for benchmarks: the
 * JDK's {@code com.sun.net.httpserver} with a fixed thread pool, no matching, no journal, so its
 * own cost per request is small and steady (WireMock's is neither). It drains the request body and
 * does nothing else.
 */
public final class FixedAnswerServer implements AutoCloseable {
  /** The pair every renew answers with. */
  public static final TokenPair ANSWER = new TokenPair(
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTciLCJleHAiOjQxMDI0NDQ4MDAsImp0aSI6IjQyIn0"
          + ".c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU",
      "rt-0a9b8c7d6e5f40312233445566778899aabbccddeeff0011");

  private final HttpServer server;
  private final ExecutorService pool;

  /**
   * @param threads request-handling threads
   * @throws IOException when the port cannot be bound
   */
  public FixedAnswerServer(int threads) throws IOException {
    // without TCP_NODELAY the server's separate header and body writes meet the client's delayed
    // ACK and every exchange waits ~40 ms: the benchmark would measure the kernel's timer
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fixed-answer-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    answer(DfxEndpoint.RENEW, AuthsWire.encodeAnswer(ANSWER));
    answer(DfxEndpoint.REQUEST_LOGIN_CODE, AuthsWire.encodeAnswer(new LoginCodeSent(true)));
    answer(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK, AuthsWire.encodeAnswer(new ResetPasswordLinkSent(true)));
    server.start();
  }

  private void answer(DfxEndpoint endpoint, byte[] body) {
    server.createContext(endpoint.path(), exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      exchange.getResponseHeaders().set("Content-Type", AuthsWire.JSON_MEDIA_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  /** @return the base URI, e.g. {@code http://127.0.0.1:40123} */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
