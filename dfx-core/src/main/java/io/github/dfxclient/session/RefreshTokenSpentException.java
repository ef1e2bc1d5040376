package io.github.dfxclient.session;

/**
 * The pair can no longer be renewed: the server definitely refused its refresh token (401 {@code
 * INVALID_REFRESH_TOKEN}; it was used, by this process in a renew whose answer was lost, or by
 * another), and the store holds no newer pair. The session does not send that refresh token again:
 * register or log in again and {@link TokenSession#set} the new pair.
 */
public final class RefreshTokenSpentException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Which pair, or what happened. */
  private final TokenKind kind;

  RefreshTokenSpentException(TokenKind kind, Throwable cause) {
    super("the server refused the refresh token of the " + kind + " pair (it was already used) and the store"
        + " holds no newer pair; it is not sent again. Obtain a new " + kind + " pair and set it on the session",
        cause);
    this.kind = kind;
  }

  /** @return which pair */
  public TokenKind kind() {
    return kind;
  }
}
