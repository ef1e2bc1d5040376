package io.github.dfxclient.testkit;

import io.github.dfxclient.core.codec.JsonObjectCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * The WebSocket face of a {@link FakeDfxServer}: DFX's WebSocket API over the same {@link
 * FakeAuthsBackend} (and so the same semantics, counts, scripted failures and latency) as the HTTP
 * face, in WireMock's own Jetty, on the same port, at any path.
 *
 * <p>A request frame is 4 ASCII digits of action ID, a 10-character request ID, then the UTF-8 JSON
 * of the request object (body fields at the top level, path parameters under {@code "Params"}); its
 * answer is one binary frame: the request ID, a 3-digit status, then the JSON answer. The socket is
 * authenticated by the {@code Authorization: Bearer} header of its upgrade request, or by an in-band
 * {@code 0718 {"Token"}} frame (the official JavaScript client's login), answered 200 {@code {}}.
 * A scripted reset ({@link ScriptedFailure#connectionReset()}, {@link ScriptedFailure#answerLost()})
 * drops the socket (before, or after, the backend acted); latency holds the answer back without
 * holding a server thread.
 */
final class FakeWebSocketFace {
  /** The action ID of the official JavaScript client's in-band login ({@code {"Token"}}). */
  static final int LOGIN_WITH_TOKEN = 718;
  /** The subprotocol the DFX clients ask for. */
  static final String SUBPROTOCOL = "json";

  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

  private final AtomicReference<FakeAuthsBackend> backend;
  private final Set<Endpoint> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger opened = new AtomicInteger();
  private final List<String> upgradeAuthorizations = new ArrayList<>();
  private final List<byte[]> frames = new ArrayList<>();
  private volatile ScheduledExecutorService timer;

  FakeWebSocketFace(AtomicReference<FakeAuthsBackend> backend) {
    this.backend = backend;
  }

  /** Adds the WebSocket upgrade, for every path, to WireMock's stub context. */
  void configure(ServletContextHandler context) {
    JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
      container.setMaxBinaryMessageSize(1 << 20);
      container.setMaxTextMessageSize(1 << 20);
      container.setIdleTimeout(Duration.ofMinutes(30));
      container.addMapping("/*", (request, response) -> {
        if (request.getSubProtocols().contains(SUBPROTOCOL)) {
          response.setAcceptedSubProtocol(SUBPROTOCOL);
        }
        String authorization = request.getHeader("Authorization");
        synchronized (this) {
          upgradeAuthorizations.add(authorization);
        }
        return new Endpoint(authorization);
      });
    });
  }

  /** @return sockets opened since the last {@link #reset()} */
  int opened() {
    return opened.get();
  }

  /** @return sockets open now */
  int openNow() {
    return open.size();
  }

  /** @return the {@code Authorization} header of each upgrade since the last reset, {@code null} for none */
  synchronized List<String> upgradeAuthorizations() {
    return java.util.Collections.unmodifiableList(new ArrayList<>(upgradeAuthorizations));
  }

  /** @return every request frame received since the last reset, as received, oldest first */
  synchronized List<byte[]> frames() {
    List<byte[]> copy = new ArrayList<>(frames.size());
    for (byte[] f : frames) {
      copy.add(f.clone());
    }
    return copy;
  }

  /** Forgets the counts and journals (open sockets stay open). */
  synchronized void reset() {
    opened.set(0);
    upgradeAuthorizations.clear();
    frames.clear();
  }

  /** Drops every open socket, as a server restart would. */
  void dropAll() {
    for (Endpoint e : open) {
      e.drop();
    }
  }

  void close() {
    ScheduledExecutorService t = timer;
    if (t != null) {
      t.shutdownNow();
    }
  }

  private ScheduledExecutorService timer() {
    ScheduledExecutorService t = timer;
    if (t == null) {
      synchronized (this) {
        t = timer;
        if (t == null) {
          ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "fake-dfx-websocket-delay");
            thread.setDaemon(true);
            return thread;
          });
          s.setKeepAliveTime(1, TimeUnit.SECONDS);
          s.allowCoreThreadTimeOut(true);
          timer = t = s;
        }
      }
    }
    return t;
  }

  private synchronized void journal(byte[] frame) {
    frames.add(frame);
  }

  /** One socket. */
  private final class Endpoint implements WebSocketListener {
    private volatile String authorization;
    private volatile Session session;

    Endpoint(String authorization) {
      this.authorization = authorization;
    }

    @Override
    public void onWebSocketConnect(Session s) {
      session = s;
      open.add(this);
      opened.incrementAndGet();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      open.remove(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      open.remove(this);
    }

    @Override
    public void onWebSocketText(String message) {
      byte[] b = message.getBytes(StandardCharsets.UTF_8);
      onWebSocketBinary(b, 0, b.length);
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int length) {
      byte[] frame = java.util.Arrays.copyOfRange(payload, offset, offset + length);
      journal(frame);
      if (length < 14) {
        session.close(StatusCode.PROTOCOL, "a request frame has at least 14 bytes");
        return;
      }
      byte[] id = java.util.Arrays.copyOfRange(frame, 4, 14);
      byte[] json = java.util.Arrays.copyOfRange(frame, 14, frame.length);
      int action = digits(frame, 0, 4);
      if (action < 0) {
        answer(id, FakeAuthsBackend.error(400, FakeAuthsBackend.INCORRECT_REQUEST, "Invalid Route Number", null));
        return;
      }
      if (action == LOGIN_WITH_TOKEN) {
        login(id, json);
        return;
      }
      Reply reply = backend.get().serveFrame(action, json, authorization);
      if (reply.reset()) {
        later(reply.delay(), this::drop);
        return;
      }
      later(reply.delay(), () -> answer(id, reply));
    }

    /** The official client's in-band login: the socket carries this token from now on. */
    private void login(byte[] id, byte[] json) {
      Object token;
      try {
        token = JsonObjectCodec.anyObject().decode(json).get("Token");
      } catch (IllegalArgumentException e) {
        token = null;
      }
      if (!(token instanceof String t) || t.isBlank()) {
        answer(id, FakeAuthsBackend.error(400, "INVALID_REQUEST", "Invalid request: Token must be a string", null));
        return;
      }
      authorization = "Bearer " + t;
      answer(id, new Reply(200, EMPTY_OBJECT, null, Duration.ZERO, false));
    }

    private void later(Duration delay, Runnable action) {
      if (delay.isZero()) {
        action.run();
      } else {
        timer().schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    }

    private void answer(byte[] id, Reply reply) {
      byte[] body = reply.body().length == 0 ? EMPTY_OBJECT : reply.body();
      byte[] frame = new byte[13 + body.length];
      System.arraycopy(id, 0, frame, 0, 10);
      int status = reply.status();
      frame[10] = (byte) ('0' + status / 100 % 10);
      frame[11] = (byte) ('0' + status / 10 % 10);
      frame[12] = (byte) ('0' + status % 10);
      System.arraycopy(body, 0, frame, 13, body.length);
      Session s = session;
      if (s == null || !s.isOpen()) {
        return;
      }
      synchronized (this) {
        s.getRemote().sendBytes(ByteBuffer.wrap(frame), WriteCallback.NOOP);
      }
    }

    /** Drops the connection without a close handshake: the client sees the socket end. */
    void drop() {
      Session s = session;
      if (s != null) {
        s.disconnect();
      }
      open.remove(this);
    }
  }

  /** @return the number the ASCII digits spell, or -1 when one is not a digit */
  static int digits(byte[] b, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return -1;
      }
      n = n * 10 + (b[i] - '0');
    }
    return n;
  }
}
