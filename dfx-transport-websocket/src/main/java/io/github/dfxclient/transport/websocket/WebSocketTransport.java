package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.spi.DfxTransport;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The public entry point of this module: a {@link DfxTransport} that speaks DFX's WebSocket API over
 * {@link java.net.http.WebSocket}, for every operation that has an action ID. Clients are made over
 * it as over any transport, with {@link io.github.dfxclient.core.DfxClient#builder()}:
 *
 * <pre>{@code
 * try (DfxTransport transport = WebSocketTransport.builder().build()) {
 *   DfxClient client = DfxClient.builder().transport(transport).credentials(session.credentials()).build();
 *   AuthsClient auths = new AuthsClient(client);
 *   ...
 * }
 * }</pre>
 *
 * <h2>What goes where</h2>
 * The socket's URI is the client's base URI with {@code ws} for {@code http} and {@code wss} for
 * {@code https}, the same authority and the base URI's own path, if any ({@code
 * https://api.deepaffex.ai} gives {@code wss://api.deepaffex.ai}, {@code https://gateway.example/dfx}
 * gives {@code wss://gateway.example/dfx}); subprotocol {@code json}. A socket carries one token: the
 * one in the request's {@code Authorization} header is sent as {@code Authorization: Bearer} on the
 * upgrade request, so each token in use (the device's, each user's) has its socket, a request without
 * a token (e.g. a license registration) goes on a socket opened without one, and after a rotation the
 * next request opens a socket with the new token.
 *
 * <h2>Frames</h2>
 * A request is one binary message: its action ID as 4 ASCII digits, a 10-character request ID, then
 * the UTF-8 JSON of the request object (the body's fields at the top level, path parameters under
 * {@code "Params"}, query parameters under {@code "Query"}; {@code {}} for none). The answer frame
 * (request ID, 3-digit status, JSON; binary or text, whole or in fragments) becomes an answer with
 * that status and {@code Content-Type: application/json; charset=utf-8}, read by the engine as an
 * HTTP answer is. An answer longer than the request's bound fails it ({@code answerTooLarge}); an
 * answer for a request ID no request waits for is dropped (logged at DEBUG without its body); a frame
 * shorter than 13 bytes breaks the socket.
 *
 * <h2>What is refused</h2>
 * An operation without an action ID (the REST-only {@code /auth/v1/*} ones) cannot be framed: the
 * transport refuses it before any I/O with {@link
 * io.github.dfxclient.core.spi.TransportException#notSent}, so the call fails with a {@code
 * DfxTransportException} whose {@code outcomeUnknown()} is false and whose message says to use an
 * HTTP transport (the retry policy tries it up to its attempts, each refused without I/O).
 *
 * <h2>When a socket drops</h2>
 * Every request in flight on it fails as over HTTP: one whose frame was fully written may have been
 * acted on ({@code TransportException.maybeSent}), one never fully written was not sent ({@code
 * TransportException.notSent}); so the retry policy re-sends a renew and never a message. The next
 * request opens a new socket: at once after a socket that worked, else after a backoff that doubles
 * (default 100 ms to 10 s); nothing reconnects in the background. A socket refused at the upgrade
 * with a 4xx answers its requests with that status (a 401 makes the engine renew the token).
 *
 * <h2>Threads and lifecycle</h2>
 * {@code sendAsync} holds no thread while it waits; {@code send} waits on it. Each request's
 * deadline is watched by the engine's {@link io.github.dfxclient.core.spi.Deadlines} watchdog. A
 * socket idle (no request in flight) for {@link Builder#idleTimeout} is closed, at most {@link
 * Builder#maxIdleSockets} stay open while idle (the least recently used closes first), a socket quiet
 * for {@link Builder#pingInterval} is pinged and dropped after {@link Builder#pongTimeout} without a
 * pong; one daemon timer thread ({@code dfx-websocket-timer}) does that while sockets are open.
 * Thread-safe; share one per application. {@link DfxTransport#close()} closes the sockets and the
 * {@code HttpClient} the builder created (on Java 21+), never one passed to {@link
 * Builder#httpClient}; clients over the transport never close it: whoever built it closes it.
 */
public final class WebSocketTransport {

  private WebSocketTransport() {}

  /** @return a builder with production defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the WebSocket transport. Each setting checks its value at once and throws an {@link
   * IllegalArgumentException} naming it.
   */
  public static final class Builder {
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private Duration pingInterval = Duration.ofSeconds(30);
    private Duration pongTimeout = Duration.ofSeconds(120);
    private int maxIdleSockets = 16;
    private Duration reconnectBackoff = Duration.ofMillis(100);
    private Duration maxReconnectBackoff = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * @param httpClient your own client (proxy, TLS, executor) to open the sockets with; never closed
     *     by the transport
     * @return this
     * @throws IllegalArgumentException when it is {@code null}
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = ClientSettings.required("httpClient", httpClient);
      return this;
    }

    /**
     * @param timeout bound on opening a socket (connect, TLS, upgrade), 1 ms to 1 h; default 5 s
     * @return this
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = bounded("connectTimeout", timeout);
      return this;
    }

    /**
     * @param timeout a socket without a request in flight for this long is closed, 1 ms to 1 h;
     *     default 60 s
     * @return this
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = bounded("idleTimeout", timeout);
      return this;
    }

    /**
     * @param interval a socket that received nothing for this long is pinged, 1 ms to 1 h; default 30 s
     * @return this
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = bounded("pingInterval", interval);
      return this;
    }

    /**
     * @param timeout a socket whose ping is unanswered this long is dropped (its requests fail as a
     *     dropped socket's), 1 ms to 1 h; default 120 s
     * @return this
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder pongTimeout(Duration timeout) {
      this.pongTimeout = bounded("pongTimeout", timeout);
      return this;
    }

    /**
     * @param max the most sockets kept open without a request in flight, 0 to 65536; default 16. An
     *     application serving many users has a socket per user token in use; beyond this many idle
     *     ones the least recently used is closed, so 10,000 users never hold 10,000 sockets
     * @return this
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder maxIdleSockets(int max) {
      if (max < 0 || max > 65536) {
        throw new IllegalArgumentException("maxIdleSockets must be 0..65536, got " + max);
      }
      this.maxIdleSockets = max;
      return this;
    }

    /**
     * @param initial the wait before reconnecting after a socket failed to open or dropped before any
     *     answer, doubling with each such failure in a row; 1 ms to 1 h, default 100 ms
     * @param max the longest such wait, at least {@code initial}, at most 1 h; default 10 s
     * @return this
     * @throws IllegalArgumentException when either is out of range or {@code max} is less than {@code initial}
     */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      Duration i = bounded("reconnectBackoff initial", initial);
      Duration m = bounded("reconnectBackoff max", max);
      if (m.compareTo(i) < 0) {
        throw new IllegalArgumentException("reconnectBackoff max must not be less than its initial wait");
      }
      this.reconnectBackoff = i;
      this.maxReconnectBackoff = m;
      return this;
    }

    /** @return the transport; it owns the {@code HttpClient} it created (none when one was given) */
    public DfxTransport build() {
      boolean owned = httpClient == null;
      HttpClient client = owned
          ? HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build()
          : httpClient;
      return new WsTransport(new WsSettings(client, owned, connectTimeout, idleTimeout, pingInterval, pongTimeout,
          maxIdleSockets, reconnectBackoff, maxReconnectBackoff));
    }

    private static Duration bounded(String name, Duration d) {
      if (d == null || d.isNegative() || d.compareTo(ClientSettings.MAX_TIMEOUT) > 0 || d.toMillis() < 1) {
        throw new IllegalArgumentException(name + " must be 1 ms to 1 h");
      }
      return d;
    }
  }
}
