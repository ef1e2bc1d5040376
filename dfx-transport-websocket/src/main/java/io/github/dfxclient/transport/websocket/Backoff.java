package io.github.dfxclient.transport.websocket;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reconnect backoff of one WebSocket URI: after {@code n} failures in a row (a socket that could
 * not open, or that dropped before any answer), the next socket opens after {@code initial * 2^(n-1)},
 * at most {@code max}; the first reconnect after a socket that worked is immediate. Reconnecting
 * happens only for a request that needs a socket, never in the background.
 */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private final AtomicInteger failures = new AtomicInteger();

  Backoff(long initialNanos, long maxNanos) {
    this.initialNanos = initialNanos;
    this.maxNanos = maxNanos;
  }

  void failed() {
    failures.updateAndGet(n -> n >= 30 ? n : n + 1);
  }

  void succeeded() {
    if (failures.get() != 0) {
      failures.set(0);
    }
  }

  /** @return how long to wait before opening the next socket, in nanoseconds */
  long delayNanos() {
    int n = failures.get();
    if (n == 0) {
      return 0;
    }
    long d = initialNanos;
    for (int i = 1; i < n && d < maxNanos; i++) {
      d *= 2;
    }
    return Math.min(d, maxNanos);
  }
}
