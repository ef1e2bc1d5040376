package io.github.dfxclient.benchmarks;

import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.auths.AuthsOperations;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP/1.1 server that answers each Auths path with a fixed 200 body, for benchmarks:
 * blocking sockets, one thread per kept-alive connection, answers precomputed to the byte and
 * written in one write with TCP_NODELAY, nothing parsed but the request line and {@code
 * Content-Length}, and a connection is never closed under the client. Its own cost per request is
 * small and steady (WireMock's matching and journal are neither).
 */
public final class FixedAnswerServer implements AutoCloseable {
  /** The pair every renew answers with. */
  public static final TokenPair ANSWER = new TokenPair(
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTciLCJleHAiOjQxMDI0NDQ4MDAsImp0aSI6IjQyIn0"
          + ".c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU",
      "rt-0a9b8c7d6e5f40312233445566778899aabbccddeeff0011");

  private static final byte[] NOT_FOUND =
      "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private final Map<String, byte[]> answers = new HashMap<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /** @throws IOException when the port cannot be bound */
  public FixedAnswerServer() throws IOException {
    answers.put(DfxEndpoint.RENEW.path(), response(AuthsOperations.RENEW.answer().encode(ANSWER)));
    answers.put(DfxEndpoint.REQUEST_LOGIN_CODE.path(), response(AuthsOperations.REQUEST_LOGIN_CODE.answer().encode(new LoginCodeSent(true))));
    answers.put(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK.path(),
        response(AuthsOperations.REQUEST_RESET_PASSWORD_LINK.answer().encode(new ResetPasswordLinkSent(true))));
    socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "fixed-answer-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static byte[] response(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        Thread t = new Thread(() -> serve(s), "fixed-answer-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      while (true) {
        String requestLine = line(in);
        if (requestLine == null) {
          return;
        }
        long length = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
            length = Long.parseLong(h.substring(15).trim());
          }
        }
        in.skipNBytes(length);
        String[] parts = requestLine.split(" ");
        byte[] answer = parts.length > 1 ? answers.get(parts[1].toLowerCase(Locale.ROOT)) : null;
        out.write(answer == null ? NOT_FOUND : answer);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  /** @return the base URI, e.g. {@code http://127.0.0.1:40123} */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : open) {
      s.close();
    }
  }

  /**
   * Runs the server as its own process, so that its CPU time is not counted with the client's:
   * prints the base URI on one line, then serves until standard input closes.
   *
   * @param args none
   * @throws IOException when the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    try (FixedAnswerServer server = new FixedAnswerServer()) {
      System.out.println(server.baseUri());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes our stdin (or dies)
      }
    }
  }
}
