package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;

/**
 * A renew succeeded but the {@link TokenStore} could not save the new pair. The pair is not lost:
 * it is here, and the session holds it and tries the store again before handing it out. Save it
 * elsewhere if you can; the old pair is already invalid on the server.
 */
public final class TokenPersistenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The new pair (not serialized). */
  private final transient TokenPair pair;
  /** Which pair, or what happened. */
  private final TokenKind kind;

  TokenPersistenceException(TokenKind kind, TokenPair pair, Throwable cause) {
    super("the renewed " + kind + " pair could not be saved to the token store ("
        + cause.getClass().getSimpleName() + "); it is held in memory and carried by this exception", cause);
    this.kind = kind;
    this.pair = pair;
  }

  /** @return the new pair, which the server now expects */
  public TokenPair pair() {
    return pair;
  }

  /** @return which pair */
  public TokenKind kind() {
    return kind;
  }
}
