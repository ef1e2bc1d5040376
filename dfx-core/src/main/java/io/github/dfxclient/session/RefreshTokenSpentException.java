package io.github.dfxclient.session;

/**
 * The session will not renew: the refresh token of the pair it holds was already sent in a renew
 * whose outcome is unknown (the connection broke after sending), so the server may have used it.
 * Sending it again could lock the device out; register or log in again and {@link
 * TokenSession#set} the new pair.
 */
public final class RefreshTokenSpentException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final TokenKind kind;

  RefreshTokenSpentException(TokenKind kind) {
    super("the refresh token of the " + kind + " pair was already sent in a renew whose outcome is unknown;"
        + " it is never sent twice. Obtain a new " + kind + " pair and set it on the session");
    this.kind = kind;
  }

  /** @return which pair */
  public TokenKind kind() {
    return kind;
  }
}
