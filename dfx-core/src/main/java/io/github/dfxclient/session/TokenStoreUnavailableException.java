package io.github.dfxclient.session;

/**
 * The token store could not be read or written (a database down, a lease held elsewhere for too
 * long), so the session sent no renew: a pair that cannot be persisted is not spent. Nothing was
 * lost; the session tries again on the next need.
 */
public final class TokenStoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, without secrets
   * @param cause the store's failure, or {@code null}
   */
  public TokenStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
