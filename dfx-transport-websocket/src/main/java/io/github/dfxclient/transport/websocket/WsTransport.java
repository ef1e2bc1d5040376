package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.core.spi.DfxHttpRequest;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.core.spi.TransportException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transport SPI over {@code java.net.http.WebSocket}: one socket per (WebSocket URI, token),
 * many requests in flight on each, correlated by request ID.
 *
 * <p>Sockets are opened by the request that needs one (never in the background), closed after
 * {@link WsSettings#idleTimeout()} without a request in flight, and at most {@link
 * WsSettings#maxIdleSockets()} stay open while idle (the least recently used one is closed first).
 * One timer thread, started with the first socket and ending when none is left, pings quiet sockets,
 * drops those whose ping went unanswered and closes idle ones; request deadlines are watched by the
 * engine's {@code Deadlines} watchdog (no thread per call, no thread per socket).
 */
final class WsTransport implements DfxTransport {
  private final WsSettings settings;
  private final ConcurrentHashMap<SocketKey, Connection> sockets = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<URI, Backoff> backoffs = new ConcurrentHashMap<>();
  /** Request URI to socket URI. */
  private final ConcurrentHashMap<URI, URI> endpoints = new ConcurrentHashMap<>();
  private final ReentrantLock idleLock = new ReentrantLock();
  /** Idle sockets, least recently used first. */
  private final LinkedHashMap<Connection, Boolean> idle = new LinkedHashMap<>();
  private final Object timerLock = new Object();
  private ScheduledThreadPoolExecutor timer;
  private ScheduledFuture<?> housekeeping;
  private volatile boolean closed;
  /**
   * The last request's route and the socket it took: a client sends most of its requests with the
   * same URI object and the same {@code Authorization} string (the engine keeps both per operation
   * and per token), so a request that repeats them, by identity, skips the two map lookups while
   * that socket takes requests. Replaced whole; a stale read only costs the lookups.
   */
  private volatile Route lastRoute;

  /** A request URI and {@code Authorization} value (by identity), and the socket they led to. */
  private static final class Route {
    final URI uri;
    final String authorization;
    final Connection connection;

    Route(URI uri, String authorization, Connection connection) {
      this.uri = uri;
      this.authorization = authorization;
      this.connection = connection;
    }
  }

  WsTransport(WsSettings settings) {
    this.settings = settings;
  }

  WsSettings settings() {
    return settings;
  }

  // ------------------------------------------------------------------ sending

  @Override
  public DfxHttpResponse send(DfxHttpRequest request) throws IOException, InterruptedException {
    CompletableFuture<DfxHttpResponse> answer = sendAsync(request);
    try {
      return answer.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw e;
    }
  }

  @Override
  public CompletableFuture<DfxHttpResponse> sendAsync(DfxHttpRequest request) {
    if (closed) {
      return CompletableFuture.failedFuture(TransportException.notSent("the WebSocket transport is closed", null));
    }
    if (request.actionId() == 0) {
      return CompletableFuture.failedFuture(TransportException.notSent(refusal(request), null));
    }
    Pending p = new Pending(Frames.request(request), request.maxAnswerBytes());
    String authorization = request.headers().get("Authorization");
    Route last = lastRoute;
    Connection c;
    if (last == null || last.uri != request.uri() || last.authorization != authorization
        || !(c = last.connection).tryReserve()) {
      SocketKey key = key(request, authorization);
      c = acquire(key, request.headers().get("User-Agent"));
      lastRoute = new Route(request.uri(), authorization, c);
    }
    c.submit(p);
    p.watch(request.deadlineNanos());
    return p;
  }

  /** The message of a refused operation without an action ID: names it, never a value. */
  static String refusal(DfxHttpRequest request) {
    String what = request.operation() == null ? request.method() + " " + request.uri().getRawPath()
        : request.operation().toString();
    return "the WebSocket transport cannot send " + what + ": DFX's WebSocket API frames every request by its"
        + " action ID and this operation has none; send it through an HTTP transport (dfx-transport-jdk or"
        + " dfx-transport-feign)";
  }

  /** @return a socket for {@code key} with a place reserved for one request: an open one, or a new one */
  private Connection acquire(SocketKey key, String userAgent) {
    while (true) {
      Connection c = sockets.get(key);
      if (c != null) {
        if (c.tryReserve()) {
          return c;
        }
        sockets.remove(key, c);
        continue;
      }
      Connection fresh = new Connection(this, key);
      fresh.tryReserve();
      if (sockets.putIfAbsent(key, fresh) == null) {
        startHousekeeping();
        fresh.connect(backoff(key).delayNanos(), userAgent);
        return fresh;
      }
    }
  }

  /**
   * The socket a request goes on: the request URI's scheme ({@code http} to {@code ws}, {@code
   * https} to {@code wss}), authority and base path (the URI's path without the operation's own
   * segments: a base URI's path prefix is kept), and the request's {@code Authorization} header.
   */
  private SocketKey key(DfxHttpRequest request, String authorization) {
    URI u = request.uri();
    URI ws = endpoints.get(u);
    if (ws == null) {
      ws = webSocketUri(u, request.pathTemplate());
      if (endpoints.size() < 1024) {
        // the engine reuses one URI per operation without path parameters: those are found at once
        endpoints.put(u, ws);
      }
    }
    return new SocketKey(ws, authorization);
  }

  /** @return the socket URI of a request URI: its scheme, authority and the path before the operation's segments */
  static URI webSocketUri(URI u, String pathTemplate) {
    String raw = u.getRawPath() == null ? "" : u.getRawPath();
    int end = raw.length();
    for (int i = 0; i < pathTemplate.length() && end > 0; i++) {
      if (pathTemplate.charAt(i) == '/') {
        end = raw.lastIndexOf('/', end - 1);
      }
    }
    String scheme = "https".equalsIgnoreCase(u.getScheme()) ? "wss" : "ws";
    return URI.create(scheme + "://" + u.getRawAuthority() + raw.substring(0, Math.max(end, 0)));
  }

  Backoff backoff(SocketKey key) {
    return backoffs.computeIfAbsent(key.uri(), u -> new Backoff(settings.reconnectBackoff().toNanos(),
        settings.maxReconnectBackoff().toNanos()));
  }

  // ------------------------------------------------------------------ idle sockets

  /** A socket's last request completed: it joins the idle ones; the least recently used beyond the bound close. */
  void becameIdle(Connection c) {
    List<Connection> evicted = null;
    idleLock.lock();
    try {
      if (!c.idle() || c.closed()) {
        return;
      }
      idle.put(c, Boolean.TRUE);
      while (idle.size() > settings.maxIdleSockets()) {
        Connection eldest = idle.keySet().iterator().next();
        idle.remove(eldest);
        if (eldest.retireIfIdle()) {
          if (evicted == null) {
            evicted = new ArrayList<>(2);
          }
          evicted.add(eldest);
        }
      }
    } finally {
      idleLock.unlock();
    }
    if (evicted != null) {
      for (Connection e : evicted) {
        e.closeIdle("more than " + settings.maxIdleSockets() + " idle sockets");
      }
    }
  }

  /** A socket took a request: it is no longer idle. */
  void leftIdle(Connection c) {
    idleLock.lock();
    try {
      idle.remove(c);
    } finally {
      idleLock.unlock();
    }
  }

  /** A socket closed: it takes no request any more. */
  void forget(Connection c) {
    sockets.remove(c.key, c);
    leftIdle(c);
  }

  // ------------------------------------------------------------------ timer

  void schedule(Runnable task, long delayNanos) {
    try {
      timer().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the transport is closing: do it now (the socket opened is closed at once)
      task.run();
    }
  }

  private ScheduledThreadPoolExecutor timer() {
    synchronized (timerLock) {
      if (timer == null) {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
          Thread thread = new Thread(r, "dfx-websocket-timer");
          thread.setDaemon(true);
          return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        t.setKeepAliveTime(1, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        timer = t;
      }
      return timer;
    }
  }

  private void startHousekeeping() {
    synchronized (timerLock) {
      if (housekeeping == null && !closed) {
        long tick = settings.tickNanos();
        housekeeping = timer().scheduleWithFixedDelay(this::housekeep, tick, tick, TimeUnit.NANOSECONDS);
      }
    }
  }

  /** Closes idle sockets, pings quiet ones, drops those whose ping went unanswered; ends with the last socket. */
  private void housekeep() {
    if (sockets.isEmpty()) {
      synchronized (timerLock) {
        if (sockets.isEmpty() && housekeeping != null) {
          housekeeping.cancel(false);
          housekeeping = null;
        }
      }
      if (!sockets.isEmpty()) {
        startHousekeeping();
      }
      return;
    }
    long now = System.nanoTime();
    long idleNanos = settings.idleTimeout().toNanos();
    long pingNanos = settings.pingInterval().toNanos();
    long pongNanos = settings.pongTimeout().toNanos();
    for (Connection c : sockets.values()) {
      if (c.heard) {
        c.heard = false;
        c.lastReceivedNanos = now;
      }
      if (c.open() && c.idle() && now - c.lastUsedNanos >= idleNanos && c.retireIfIdle()) {
        c.closeIdle("idle for " + settings.idleTimeout());
        continue;
      }
      long ping = c.pingSentNanos;
      if (ping != 0 && now - ping >= pongNanos) {
        c.drop("no pong within " + settings.pongTimeout(), null);
        continue;
      }
      if (c.open() && ping == 0 && now - c.lastReceivedNanos >= pingNanos) {
        c.ping(now);
      }
    }
  }

  // ------------------------------------------------------------------ lifecycle

  @Override
  public String name() {
    return "jdk-websocket";
  }

  /** @return the sockets open or opening now (for tests) */
  int sockets() {
    return sockets.size();
  }

  /** @return the requests in flight on every socket (for tests) */
  int inFlight() {
    int n = 0;
    for (Connection c : sockets.values()) {
      n += c.inFlight();
    }
    return n;
  }

  /** @return whether the timer thread has work scheduled (for tests of idleness) */
  boolean housekeeping() {
    synchronized (timerLock) {
      return housekeeping != null;
    }
  }

  /**
   * Closes every socket this transport opened (idle ones with a normal close; requests in flight
   * fail as a dropped socket's do), stops its timer and closes the {@code HttpClient} it created
   * (Java 21+). Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Map.Entry<SocketKey, Connection> e : sockets.entrySet()) {
      Connection c = e.getValue();
      if (c.retireIfIdle()) {
        c.closeIdle("the transport was closed");
      } else {
        c.drop("the WebSocket transport was closed", null);
      }
    }
    synchronized (timerLock) {
      if (timer != null) {
        timer.shutdownNow();
      }
    }
    if (settings.ownsClient() && settings.client() instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // closing is best effort
      }
    }
  }
}
