package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.TransportException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket, opened with one token (or none): its requests in flight by request ID, the queue of
 * frames waiting to be written (the JDK's {@code WebSocket} writes one message at a time), and the
 * reassembly of answers that arrive in fragments.
 *
 * <p>Its use count is the number of requests it carries; {@code -1} means retired (closing or
 * dropped): no request is given to it any more. A request takes a place ({@link #tryReserve}) before
 * it is queued and gives it back when it completes, however it completes.
 */
final class Connection implements WebSocket.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private static final AtomicLong NUMBERS = new AtomicLong();

  private static final int CONNECTING = 0;
  private static final int OPEN = 1;
  private static final int CLOSED = 2;

  final WsTransport transport;
  final SocketKey key;
  private final Backoff backoff;
  /** For logs: never the token. */
  final long number = NUMBERS.incrementAndGet();
  private final AtomicInteger users = new AtomicInteger();
  private final ConcurrentHashMap<String, Pending> inFlight = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicLong sequence = new AtomicLong();
  private volatile int state = CONNECTING;
  private volatile WebSocket socket;
  private volatile boolean answered;
  volatile long lastUsedNanos = System.nanoTime();
  /**
   * When the timer last learned that something arrived (at most a tick late: an answer only sets
   * {@link #heard}, which the timer turns into a time, so that the reader reads no clock per message).
   */
  volatile long lastReceivedNanos = lastUsedNanos;
  /** Whether something arrived since the timer's last look. */
  volatile boolean heard;
  /** When the unanswered ping was sent; 0 when none is outstanding. */
  volatile long pingSentNanos;

  // reassembly of one message (the listener is called for one message part at a time)
  private byte[] partial;
  private int partialSize;
  private boolean discarding;

  Connection(WsTransport transport, SocketKey key) {
    this.transport = transport;
    this.key = key;
    this.backoff = transport.backoff(key);
  }

  // ------------------------------------------------------------------ places

  /** @return whether this socket takes one more request (false: it is retired) */
  boolean tryReserve() {
    while (true) {
      int n = users.get();
      if (n < 0) {
        return false;
      }
      if (users.compareAndSet(n, n + 1)) {
        if (n == 0) {
          transport.leftIdle(this);
        }
        return true;
      }
    }
  }

  private void releasePlace() {
    while (true) {
      int n = users.get();
      if (n <= 0) {
        return;
      }
      if (users.compareAndSet(n, n - 1)) {
        if (n == 1) {
          lastUsedNanos = System.nanoTime();
          transport.becameIdle(this);
        }
        return;
      }
    }
  }

  /** @return whether this socket was idle and is now retired (the caller closes it) */
  boolean retireIfIdle() {
    return users.compareAndSet(0, -1);
  }

  /** @return whether no request is in flight on it */
  boolean idle() {
    return users.get() == 0;
  }

  boolean open() {
    return state == OPEN;
  }

  boolean closed() {
    return state == CLOSED;
  }

  // ------------------------------------------------------------------ requests

  /**
   * Takes a request whose place was reserved: gives it a request ID, queues its frame and writes it
   * as soon as the socket is open.
   */
  void submit(Pending p) {
    String id;
    do {
      id = Frames.writeId(p.frame, sequence.getAndIncrement());
    } while (inFlight.putIfAbsent(id, p) != null);
    p.id = id;
    p.connection = this;
    queue.add(p);
    if (state == CLOSED) {
      // dropped between the reservation and now: fail what was queued
      p.dropped("the WebSocket connection closed", null);
      return;
    }
    drain();
  }

  /** Called once by a request when it completes: forgets it and gives its place back. */
  void done(Pending p) {
    String id = p.id;
    if (id != null && !p.unlisted) {
      inFlight.remove(id, p);
    }
    releasePlace();
  }

  /** Writes the queued frames, one message at a time, as long as the socket is open. */
  private void drain() {
    while (state == OPEN) {
      if (!sending.compareAndSet(false, true)) {
        return;
      }
      Pending p;
      while ((p = queue.poll()) != null && !p.startWriting()) {
        // completed while it waited (deadline, cancellation): never written
      }
      if (p == null) {
        sending.set(false);
        if (queue.isEmpty()) {
          return;
        }
        continue;
      }
      CompletableFuture<WebSocket> write;
      try {
        write = socket.sendBinary(ByteBuffer.wrap(p.frame), true);
      } catch (RuntimeException e) {
        write = CompletableFuture.failedFuture(e);
      }
      if (write.isDone()) {
        afterWrite(p, write.isCompletedExceptionally() ? failure(write) : null);
        sending.set(false);
        continue;
      }
      Pending q = p;
      write.whenComplete((ws, f) -> {
        afterWrite(q, f);
        sending.set(false);
        drain();
      });
      return;
    }
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause() != null ? e.getCause() : e;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private void afterWrite(Pending p, Throwable failure) {
    if (failure == null) {
      p.written();
      return;
    }
    // a write that failed: the socket is unusable; this request was not fully written
    p.writeFailed();
    drop("writing to the WebSocket connection failed", failure);
  }

  // ------------------------------------------------------------------ opening

  /** Opens the socket now, or after {@code delayNanos} (the reconnect backoff). */
  void connect(long delayNanos, String userAgent) {
    Runnable open = () -> {
      CompletableFuture<WebSocket> opened;
      try {
        WebSocket.Builder b = transport.settings().client().newWebSocketBuilder()
            .subprotocols("json")
            .connectTimeout(transport.settings().connectTimeout());
        if (key.authorization() != null) {
          b.header("Authorization", key.authorization());
        }
        if (userAgent != null) {
          b.header("User-Agent", userAgent);
        }
        opened = b.buildAsync(key.uri(), this);
      } catch (RuntimeException e) {
        opened = CompletableFuture.failedFuture(e);
      }
      opened.whenComplete((ws, f) -> {
        if (f != null) {
          connectFailed(f instanceof CompletionException && f.getCause() != null ? f.getCause() : f);
        }
      });
    };
    if (delayNanos <= 0) {
      open.run();
    } else {
      transport.schedule(open, delayNanos);
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    lastReceivedNanos = System.nanoTime();
    if (state == CLOSED) {
      // the transport closed while it opened
      webSocket.abort();
      return;
    }
    state = OPEN;
    LOG.debug("dfx websocket #{} opened ({} token)", number, key.authorization() == null ? "without" : "with a");
    webSocket.request(1);
    drain();
  }

  private void connectFailed(Throwable failure) {
    if (state == CLOSED) {
      return;
    }
    state = CLOSED;
    users.set(-1);
    transport.forget(this);
    backoff.failed();
    int status = failure instanceof WebSocketHandshakeException h && h.getResponse() != null
        ? h.getResponse().statusCode() : 0;
    LOG.debug("dfx websocket #{} could not open ({})", number,
        status > 0 ? "upgrade answered " + status : failure.getClass().getSimpleName());
    for (Pending p : inFlight.values()) {
      if (status >= 400 && status < 500) {
        // the server refused the upgrade (e.g. 401 for the token): a definite refusal of a request
        // it never received; the engine reads it as it reads the same status over HTTP
        p.answer(new DfxHttpResponse(status, Map.of(), new byte[0]));
      } else {
        p.fail(TransportException.notSent(status > 0
            ? "the WebSocket upgrade was answered " + status + "; the request was not written"
            : "the WebSocket connection could not be opened; the request was not written", failure));
      }
    }
    queue.clear();
  }

  // ------------------------------------------------------------------ answers

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    heard();
    if (partial == null && !discarding && last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      message(b, b.length);
    } else {
      part(data, last);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    return onBinary(webSocket, StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(data)), last);
  }

  /** One part of a fragmented message: kept up to the bound of the request it answers. */
  private void part(ByteBuffer data, boolean last) {
    if (!discarding) {
      if (partial == null) {
        partial = new byte[Math.max(256, data.remaining())];
        partialSize = 0;
      }
      int n = data.remaining();
      int bound = bound();
      if ((long) partialSize + n > bound) {
        tooLarge();
      } else {
        if (partialSize + n > partial.length) {
          partial = Arrays.copyOf(partial, (int) Math.min(bound, Math.max((long) partial.length * 2, partialSize + n)));
        }
        data.get(partial, partialSize, n);
        partialSize += n;
      }
    }
    if (last) {
      if (!discarding) {
        message(partial, partialSize);
      }
      partial = null;
      partialSize = 0;
      discarding = false;
    }
  }

  /** @return the largest message accepted: the bound of the request it answers, once its ID is known */
  private int bound() {
    if (partialSize >= Frames.ID_LENGTH) {
      Pending p = inFlight.get(new String(partial, 0, Frames.ID_LENGTH, StandardCharsets.ISO_8859_1));
      if (p != null) {
        return Frames.ANSWER_HEADER + p.maxAnswerBytes;
      }
    }
    return Frames.ANSWER_HEADER + transport.settings().maxMessageBytes();
  }

  /** The message passed its bound: its request fails, the rest of it is read and thrown away. */
  private void tooLarge() {
    discarding = true;
    if (partialSize >= Frames.ID_LENGTH) {
      Pending p = inFlight.get(new String(partial, 0, Frames.ID_LENGTH, StandardCharsets.ISO_8859_1));
      if (p != null) {
        int status = partialSize >= Frames.ANSWER_HEADER ? Frames.digits(partial, Frames.ID_LENGTH, 3) : 0;
        p.fail(TransportException.answerTooLarge(Math.max(status, 0), p.maxAnswerBytes));
      }
    }
    partial = null;
    partialSize = 0;
  }

  /** A whole answer frame. */
  private void message(byte[] b, int length) {
    if (length < Frames.ANSWER_HEADER) {
      drop("a malformed answer frame (" + length + " bytes, fewer than 13) broke the WebSocket protocol", null);
      return;
    }
    String id = new String(b, 0, Frames.ID_LENGTH, StandardCharsets.ISO_8859_1);
    // an answer ends its request whatever it holds: taken off the table at once
    Pending p = inFlight.remove(id);
    if (p == null) {
      LOG.debug("dfx websocket #{}: dropped an answer for an unknown request ID ({} bytes)", number, length);
      return;
    }
    p.unlisted = true;
    if (!answered) {
      answered = true;
      backoff.succeeded();
    }
    int status = Frames.digits(b, Frames.ID_LENGTH, 3);
    if (status < 100) {
      p.fail(TransportException.maybeSent("a malformed answer frame (its status is not 3 digits)", null));
      return;
    }
    int size = length - Frames.ANSWER_HEADER;
    if (size > p.maxAnswerBytes) {
      p.fail(TransportException.answerTooLarge(status, p.maxAnswerBytes));
      return;
    }
    p.answer(new DfxHttpResponse(status, Frames.ANSWER_HEADERS, Arrays.copyOfRange(b, Frames.ANSWER_HEADER, length)));
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    heard();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    heard();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    drop("the server closed the WebSocket connection (" + statusCode + ")", null);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    drop("the WebSocket connection failed (" + error.getClass().getSimpleName() + ")", error);
  }

  // ------------------------------------------------------------------ ending

  /**
   * Something arrived: the socket is alive, and an outstanding ping is answered (any message counts
   * as the pong). Runs for every message, so it writes the shared fields only when they change.
   */
  private void heard() {
    if (!heard) {
      heard = true;
    }
    if (pingSentNanos != 0) {
      pingSentNanos = 0;
    }
  }

  /** Pings the server when the socket was quiet for the ping interval (at most one ping outstanding). */
  void ping(long now) {
    WebSocket ws = socket;
    if (ws != null && state == OPEN && pingSentNanos == 0) {
      pingSentNanos = now;
      try {
        ws.sendPing(ByteBuffer.allocate(0));
      } catch (RuntimeException ignored) {
        // a ping that cannot be sent now is sent on a later tick, or the pong timeout closes the socket
      }
    }
  }

  /**
   * The socket is gone (closed by the server, failed, malformed, no pong, or the transport closed):
   * it takes no request any more, and every request on it fails as {@link Pending#dropped} says.
   *
   * @param reason what happened, without secrets
   * @param cause the failure, or {@code null}
   */
  void drop(String reason, Throwable cause) {
    if (state == CLOSED) {
      return;
    }
    state = CLOSED;
    users.set(-1);
    transport.forget(this);
    if (!answered) {
      backoff.failed();
    }
    LOG.debug("dfx websocket #{} dropped: {} ({} requests in flight)", number, reason, inFlight.size());
    for (Pending p : inFlight.values()) {
      p.dropped(reason, cause);
    }
    queue.clear();
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
  }

  /** Closes an idle socket (retired by the caller) with a normal close. */
  void closeIdle(String why) {
    state = CLOSED;
    transport.forget(this);
    LOG.debug("dfx websocket #{} closed: {}", number, why);
    WebSocket ws = socket;
    if (ws != null) {
      try {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, f) -> ws.abort());
      } catch (RuntimeException e) {
        ws.abort();
      }
    }
  }

  /** @return how many requests are in flight on it (for tests) */
  int inFlight() {
    return inFlight.size();
  }

  /** @return the requests in flight (for the transport's close) */
  List<Pending> pending() {
    return List.copyOf(inFlight.values());
  }
}
