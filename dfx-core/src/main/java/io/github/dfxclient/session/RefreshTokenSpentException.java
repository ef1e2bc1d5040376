package io.github.dfxclient.session;

/**
 * The pair can no longer be renewed: the server definitely refused its refresh token (401 {@code
 * INVALID_REFRESH_TOKEN}; it was used, by this process in a renew whose answer was lost, or by
 * another), and the store holds no newer pair. The session does not send that refresh token again:
 * register or log in again and {@link TokenSession#set} the new pair.
 */
public final class RefreshTokenSpentException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Which pair. */
  private final TokenKey key;

  RefreshTokenSpentException(TokenKey key, Throwable cause) {
    super("the server refused the refresh token of the " + key + " pair (it was already used) and the store"
        + " holds no newer pair; it is not sent again. Obtain a new " + key.kind() + " pair and set it on the"
        + " session", cause);
    this.key = key;
  }

  /** @return which pair: device or user */
  public TokenKind kind() {
    return key.kind();
  }

  /** @return which pair, with the user's principal */
  public TokenKey key() {
    return key;
  }
}
