package io.github.dfxclient.transport.websocket;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WebSocketPingPongListener;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * A WebSocket server on 127.0.0.1 whose answers a test scripts frame by frame (fragments, text,
 * unknown request IDs, malformed or oversized frames, no pongs, a refused upgrade): the cases the
 * fake DFX server never produces. Jetty, as the fake's WebSocket face.
 */
final class ScriptedWsServer implements AutoCloseable {
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private volatile BiConsumer<Session, byte[]> onFrame = ScriptedWsServer::renewAnswer;
  private volatile boolean pongs = true;
  private volatile int refuseUpgradeWith;
  final AtomicInteger opened = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();
  final AtomicInteger pings = new AtomicInteger();
  final List<byte[]> frames = new CopyOnWriteArrayList<>();
  /** The path of each upgrade request. */
  final List<String> paths = new CopyOnWriteArrayList<>();

  /** The answer every renew gets by default. */
  static final String PAIR = "{\"Token\":\"t-next\",\"RefreshToken\":\"r-next\"}";

  ScriptedWsServer() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
        container.addMapping("/*", (request, response) -> {
          if (refuseUpgradeWith > 0) {
            try {
              response.sendError(refuseUpgradeWith, "refused");
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            return null;
          }
          paths.add(request.getRequestPath());
          response.setAcceptedSubProtocol("json");
          return new Endpoint();
        }));
    server.setHandler(context);
    server.start();
  }

  /** @return the base URI ({@code http://127.0.0.1:port}) a client is configured with */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  /** @param script what the server does with each request frame (the session, the frame) */
  void onFrame(BiConsumer<Session, byte[]> script) {
    this.onFrame = script;
  }

  /** @param answer whether pings are answered with pongs */
  void pongs(boolean answer) {
    this.pongs = answer;
  }

  /** @param status the status every upgrade is refused with from now on (0: accept) */
  void refuseUpgradesWith(int status) {
    this.refuseUpgradeWith = status;
  }

  /** @return the request ID of a request frame */
  static byte[] id(byte[] frame) {
    return Arrays.copyOfRange(frame, 4, 14);
  }

  /** @return an answer frame: the request ID, the status, the JSON */
  static byte[] answer(byte[] id, String status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[13 + body.length];
    System.arraycopy(id, 0, out, 0, 10);
    System.arraycopy(status.getBytes(StandardCharsets.US_ASCII), 0, out, 10, 3);
    System.arraycopy(body, 0, out, 13, body.length);
    return out;
  }

  /** Sends bytes as one binary message. */
  static void send(Session s, byte[] message) {
    try {
      s.getRemote().sendBytes(ByteBuffer.wrap(message));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Sends bytes as one binary message in fragments of {@code size} bytes. */
  static void sendFragments(Session s, byte[] message, int size) {
    try {
      for (int i = 0; i < message.length; i += size) {
        int end = Math.min(message.length, i + size);
        s.getRemote().sendPartialBytes(ByteBuffer.wrap(Arrays.copyOfRange(message, i, end)), end == message.length);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void renewAnswer(Session s, byte[] frame) {
    send(s, answer(id(frame), "200", PAIR));
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Endpoint implements WebSocketListener, WebSocketPingPongListener {
    private Session session;

    @Override
    public void onWebSocketConnect(Session s) {
      session = s;
      opened.incrementAndGet();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      closed.incrementAndGet();
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int length) {
      byte[] frame = Arrays.copyOfRange(payload, offset, offset + length);
      frames.add(frame);
      onFrame.accept(session, frame);
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
      pings.incrementAndGet();
      if (pongs) {
        try {
          session.getRemote().sendPong(payload);
        } catch (java.io.IOException ignored) {
          // the socket is closing
        }
      }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
      // not asked for
    }
  }
}
