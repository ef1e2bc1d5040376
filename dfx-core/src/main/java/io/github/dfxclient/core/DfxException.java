package io.github.dfxclient.core;

/**
 * A DFX call failed. The three kinds tell what is known about the request:
 * {@link DfxApiException} (the server answered with an error), {@link DfxTransportException} (no
 * usable answer) and {@link DfxProtocolException} (an answer the protocol does not allow).
 *
 * <p>Messages never hold a token, refresh token, phone number or e-mail address.
 */
public abstract sealed class DfxException extends RuntimeException
    permits DfxApiException, DfxTransportException, DfxProtocolException {

  private static final long serialVersionUID = 1L;

  private final DfxEndpoint endpoint;
  private final String action;

  DfxException(DfxEndpoint endpoint, String message, Throwable cause) {
    super(message, cause);
    if (endpoint == null) {
      throw new IllegalArgumentException("endpoint must not be null");
    }
    this.endpoint = endpoint;
    this.action = endpoint.toString();
  }

  DfxException(DfxOperation<?, ?> operation, String message, Throwable cause) {
    super(message, cause);
    if (operation == null) {
      throw new IllegalArgumentException("operation must not be null");
    }
    this.endpoint = operation.endpoint().orElse(null);
    this.action = operation.toString();
  }

  /**
   * @return the endpoint that was called; {@code null} only for an operation outside the {@link
   *     DfxEndpoint} catalogue (one an application described itself with {@link DfxOperation})
   */
  public DfxEndpoint endpoint() {
    return endpoint;
  }

  /** @return the action that was called, e.g. {@code "2304 POST /auths/renew"} */
  public String action() {
    return action;
  }
}
