package io.github.dfxclient.core;

import java.net.URI;

/**
 * No usable answer arrived: the connection was refused, timed out, was reset, or ended early.
 *
 * <p>{@link #outcomeUnknown()} is {@code true} when the request may have reached the server (it was
 * sent, or may have been): such a request is never sent again automatically, since none of the
 * Auths operations is idempotent. It is {@code false} when the request surely never left this
 * process (connection refused, unknown host, TLS handshake failure, connect timeout).
 */
public final class DfxTransportException extends DfxException {

  private static final long serialVersionUID = 1L;

  /** Whether the request may have reached the server. */
  private final boolean outcomeUnknown;

  /**
   * @param endpoint the endpoint that was called
   * @param outcomeUnknown whether the request may have reached the server
   * @param message what happened, without secrets
   * @param cause the transport's exception, or {@code null}
   */
  public DfxTransportException(
      DfxEndpoint endpoint, boolean outcomeUnknown, String message, Throwable cause) {
    super(endpoint, message + " (action " + endpoint + (outcomeUnknown ? "; outcome unknown)" : "; not sent)"), cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * @param operation the operation that was called
   * @param outcomeUnknown whether the request may have reached the server
   * @param message what happened, without secrets
   * @param cause the transport's exception, or {@code null}
   */
  public DfxTransportException(
      DfxOperation<?, ?> operation, boolean outcomeUnknown, String message, Throwable cause) {
    this(operation, null, outcomeUnknown, message, cause);
  }

  /**
   * @param operation the operation that was called
   * @param requestUri the URI requested (a query, fragment or user info in it is dropped), or
   *     {@code null} when unknown; its host, port and path are named in the message
   * @param outcomeUnknown whether the request may have reached the server
   * @param message what happened, without secrets
   * @param cause the transport's exception, or {@code null}
   */
  public DfxTransportException(DfxOperation<?, ?> operation, URI requestUri, boolean outcomeUnknown,
      String message, Throwable cause) {
    super(operation, requestUri, message + " (action " + where(operation, requestUri)
        + (outcomeUnknown ? "; outcome unknown)" : "; not sent)"), cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** @return {@code true} when the request may have reached the server */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
