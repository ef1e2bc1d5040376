package io.github.dfxclient.testkit;

import java.time.Duration;

/**
 * What the fake backend decided for one request; rendered by each face (in memory, HTTP).
 *
 * @param status the HTTP status (0 with {@code reset})
 * @param body the JSON body, may be empty
 * @param retryAfter the {@code Retry-After} seconds, or {@code null}
 * @param delay how long to hold the answer back
 * @param reset whether the connection is reset instead of answering
 */
record Reply(int status, byte[] body, Duration retryAfter, Duration delay, boolean reset) {

  Reply withDelay(Duration extra) {
    return new Reply(status, body, retryAfter, delay.plus(extra), reset);
  }
}
