package io.github.dfxclient.core;

/**
 * How an attempt or a call ended, as the engine classifies every failure once (the "did the server
 * act?" table): the classification the retry rules use, handed to {@link DfxCallListener}s.
 */
public enum DfxOutcome {
  /** An answer arrived and was decoded. */
  SUCCESS,
  /**
   * The request surely did not reach the server: connection refused, unknown host, no route, TLS
   * handshake failure, connect timeout, interrupted before sending, no token to send, or a listener
   * vetoed the call.
   */
  NOT_SENT,
  /**
   * The server answered that it did not act: a 4xx, or 503 (unavailable); 429 and 503 may be
   * retried.
   */
  REFUSED,
  /**
   * The request may have reached the server: a reset, end of stream or timeout after sending, or
   * 500, 502, 504 (or another 5xx but 503); a message operation is never sent again after this.
   */
  MAYBE_ACTED,
  /** A 2xx answer that could not be used: too large, or not the promised JSON. */
  UNUSABLE_ANSWER
}
