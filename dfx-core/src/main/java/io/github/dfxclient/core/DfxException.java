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

  /** The endpoint called, or null outside the catalogue. */
  private final DfxEndpoint endpoint;
  /** The action called, e.g. 2304 POST /auths/renew. */
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

  /**
   * @return how many attempts the call made, this failure's included: the failures of the earlier
   *     ones are attached as {@linkplain #getSuppressed() suppressed} exceptions
   */
  public int attempts() {
    int earlier = 0;
    for (Throwable t : getSuppressed()) {
      if (t instanceof DfxException) {
        earlier++;
      }
    }
    return earlier + 1;
  }

  /** @return what happened, and after how many attempts when there was more than one */
  @Override
  public String getMessage() {
    int attempts = attempts();
    return attempts > 1 ? super.getMessage() + " after " + attempts + " attempts" : super.getMessage();
  }
}
