package io.github.dfxclient.transport.websocket;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The checked settings of one WebSocket transport.
 *
 * @param client opens the sockets
 * @param ownsClient whether the transport created {@code client} (and so closes it)
 * @param connectTimeout bound on opening a socket (TCP, TLS and the upgrade)
 * @param idleTimeout a socket without a request in flight for this long is closed
 * @param pingInterval a socket that received nothing for this long is pinged
 * @param pongTimeout a socket whose ping is unanswered for this long is dropped
 * @param maxIdleSockets the most sockets kept open without a request in flight (least recently
 *     used closed first)
 * @param reconnectBackoff the wait before the first reconnect after a failed one
 * @param maxReconnectBackoff the longest wait before a reconnect
 */
record WsSettings(HttpClient client, boolean ownsClient, Duration connectTimeout, Duration idleTimeout,
    Duration pingInterval, Duration pongTimeout, int maxIdleSockets, Duration reconnectBackoff,
    Duration maxReconnectBackoff) {

  /** The largest answer frame read for a request ID no request waits for (it is then dropped). */
  static final int MAX_UNKNOWN_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** @return the bound on a message whose request is unknown */
  int maxMessageBytes() {
    return MAX_UNKNOWN_MESSAGE_BYTES;
  }

  /** @return how often the sockets are looked after: a quarter of the shortest timer, 5 ms to 1 s */
  long tickNanos() {
    long shortest = Math.min(idleTimeout.toNanos(), Math.min(pingInterval.toNanos(), pongTimeout.toNanos()));
    return Math.max(5_000_000L, Math.min(1_000_000_000L, shortest / 4));
  }
}
