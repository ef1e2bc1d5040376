package io.github.dfxclient.core;

import java.net.URI;

/**
 * The server's answer is not what the protocol promises: a body that is not JSON, of the wrong
 * shape, with a field missing or {@code null}, too large, or of the wrong content type. The request
 * reached the server, so it is not sent again.
 */
public final class DfxProtocolException extends DfxException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;

  /**
   * @param endpoint the endpoint that answered
   * @param status the HTTP status of the answer
   * @param message what is wrong, with at most a short sanitised excerpt of the body
   */
  public DfxProtocolException(DfxEndpoint endpoint, int status, String message) {
    super(endpoint, "status " + status + ": " + message + " (action " + endpoint + ")", null);
    this.status = status;
  }

  /**
   * @param operation the operation that was called
   * @param status the HTTP status of the answer
   * @param message what is wrong, with at most a short sanitised excerpt of the body
   */
  public DfxProtocolException(DfxOperation<?, ?> operation, int status, String message) {
    this(operation, null, status, message);
  }

  /**
   * @param operation the operation that was called
   * @param requestUri the URI requested (a query, fragment or user info in it is dropped), or
   *     {@code null} when unknown; its host, port and path are named in the message
   * @param status the HTTP status of the answer
   * @param message what is wrong, with at most a short sanitised excerpt of the body
   */
  public DfxProtocolException(DfxOperation<?, ?> operation, URI requestUri, int status, String message) {
    super(operation, requestUri,
        "status " + status + ": " + message + " (action " + where(operation, requestUri) + ")", null);
    this.status = status;
  }

  /** @return the HTTP status of the answer */
  public int status() {
    return status;
  }
}
