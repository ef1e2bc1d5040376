package io.github.dfxclient.core.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A fully formed HTTP request, as the engine hands it to a {@link DfxTransport}.
 *
 * @param method the HTTP method, upper case
 * @param uri the absolute URI, path parameters already encoded
 * @param headers the headers to send, exactly these (names as given; values never logged)
 * @param body the body, or {@code null} for none; the transport must not change it
 * @param deadlineNanos the whole answer must have arrived by then, on the {@link System#nanoTime()}
 *     scale
 * @param maxAnswerBytes the largest answer body to accept
 */
public record DfxHttpRequest(String method, URI uri, Map<String, String> headers, byte[] body,
    long deadlineNanos, int maxAnswerBytes) {

  /** @return the time left until {@link #deadlineNanos()}, never negative */
  public Duration remaining() {
    long left = deadlineNanos - System.nanoTime();
    return Duration.ofNanos(Math.max(0, left));
  }

  /** @return method and URI only: headers and body may hold secrets */
  @Override
  public String toString() {
    return "DfxHttpRequest[" + method + " " + uri + "]";
  }
}
