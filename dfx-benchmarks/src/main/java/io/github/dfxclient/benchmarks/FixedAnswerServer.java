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
 *
 * <p>The same port speaks DFX's WebSocket API: an upgrade request ({@code Upgrade: websocket}) gets
 * its 101, then each request frame is answered with one binary frame (the request ID, {@code 200},
 * the action's fixed JSON), answers written together while more requests wait in the socket's
 * buffer. {@code GET /__stats} answers {@code {"http":n,"ws":m}}: connections accepted of each kind.
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
  private final Map<String, byte[]> frameAnswers = new HashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger httpConnections = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger webSockets = new java.util.concurrent.atomic.AtomicInteger();

  /** @throws IOException when the port cannot be bound */
  public FixedAnswerServer() throws IOException {
    answers.put(DfxEndpoint.RENEW.path(), response(AuthsOperations.RENEW.answer().encode(ANSWER)));
    answers.put(DfxEndpoint.REQUEST_LOGIN_CODE.path(), response(AuthsOperations.REQUEST_LOGIN_CODE.answer().encode(new LoginCodeSent(true))));
    answers.put(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK.path(),
        response(AuthsOperations.REQUEST_RESET_PASSWORD_LINK.answer().encode(new ResetPasswordLinkSent(true))));
    frameAnswers.put("2304", AuthsOperations.RENEW.answer().encode(ANSWER));
    frameAnswers.put("2303", AuthsOperations.REQUEST_LOGIN_CODE.answer().encode(new LoginCodeSent(true)));
    frameAnswers.put("2300", AuthsOperations.REQUEST_RESET_PASSWORD_LINK.answer().encode(new ResetPasswordLinkSent(true)));
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
    boolean counted = false;
    try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      while (true) {
        String requestLine = line(in);
        if (requestLine == null) {
          return;
        }
        long length = 0;
        String key = null;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
            length = Long.parseLong(h.substring(15).trim());
          } else if (h.regionMatches(true, 0, "sec-websocket-key:", 0, 18)) {
            key = h.substring(18).trim();
          }
        }
        if (key != null) {
          webSockets.incrementAndGet();
          try {
            webSocket(key, in, new java.io.BufferedOutputStream(out, 65536));
          } catch (IOException | RuntimeException e) {
            System.err.println("fixed-answer server: WebSocket connection ended: " + e);
          }
          return;
        }
        if (!counted) {
          counted = true;
          httpConnections.incrementAndGet();
        }
        in.skipNBytes(length);
        String[] parts = requestLine.split(" ");
        byte[] answer = parts.length > 1 ? answers.get(parts[1].toLowerCase(Locale.ROOT)) : null;
        if (parts.length > 1 && parts[1].equals("/__stats")) {
          answer = response(("{\"http\":" + httpConnections.get() + ",\"ws\":" + webSockets.get() + "}")
              .getBytes(StandardCharsets.US_ASCII));
        }
        out.write(answer == null ? NOT_FOUND : answer);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  /**
   * One WebSocket connection after its upgrade request: RFC 6455 frames (masked from the client),
   * each request answered at once; answers are flushed when no further request is already buffered.
   */
  private void webSocket(String key, InputStream in, OutputStream out) throws IOException {
    String accept;
    try {
      accept = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-1")
          .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: json\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    byte[] mask = new byte[4];
    ByteArrayOutputStream message = new ByteArrayOutputStream(256);
    while (true) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) {
        return;
      }
      int opcode = b0 & 0x0f;
      long len = b1 & 0x7f;
      if (len == 126) {
        len = (in.read() << 8) | in.read();
      } else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | in.read();
        }
      }
      boolean masked = (b1 & 0x80) != 0;
      if (masked) {
        in.readNBytes(mask, 0, 4);
      }
      byte[] payload = in.readNBytes((int) len);
      if (masked) {
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i & 3];
        }
      }
      if (opcode == 0x8) {
        frame(out, 0x8, new byte[0]);
        out.flush();
        return;
      }
      if (opcode == 0x9) {
        frame(out, 0xA, payload);
      } else if (opcode == 0x0 || opcode == 0x1 || opcode == 0x2) {
        message.write(payload, 0, payload.length);
        if ((b0 & 0x80) != 0) {
          byte[] request = message.toByteArray();
          message.reset();
          if (request.length >= 14) {
            byte[] json = frameAnswers.get(new String(request, 0, 4, StandardCharsets.US_ASCII));
            byte[] status = (json == null ? "400" : "200").getBytes(StandardCharsets.US_ASCII);
            byte[] body = json == null ? "{\"Code\":\"INCORRECT_REQUEST\",\"Message\":\"Invalid Route Number\"}"
                .getBytes(StandardCharsets.US_ASCII) : json;
            byte[] answer = new byte[13 + body.length];
            System.arraycopy(request, 4, answer, 0, 10);
            System.arraycopy(status, 0, answer, 10, 3);
            System.arraycopy(body, 0, answer, 13, body.length);
            frame(out, 0x2, answer);
          }
        }
      }
      if (in.available() == 0) {
        out.flush();
      }
    }
  }

  private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
    out.write(0x80 | opcode);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >> (8 * i)) & 0xff);
      }
    }
    out.write(payload);
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
