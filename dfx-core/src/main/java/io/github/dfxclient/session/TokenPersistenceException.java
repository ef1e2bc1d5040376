package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;

/**
 * A renew succeeded but the {@link TokenStore} could not save the new pair (after the store's own
 * retries of transient failures). The pair is not lost: it is here, and the session holds it and
 * saves it again before handing it out (on every later need, once per flight). Save it elsewhere if
 * you can; the old pair is already invalid on the server.
 */
public final class TokenPersistenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The new pair (not serialized). */
  private final transient TokenPair pair;
  /** Which pair. */
  private final TokenKey key;

  TokenPersistenceException(TokenKey key, TokenPair pair, Throwable cause) {
    super("the renewed " + key + " pair could not be saved to the token store ("
        + cause.getClass().getSimpleName() + "); it is held in memory, saved again on the next need, and carried"
        + " by this exception", cause);
    this.key = key;
    this.pair = pair;
  }

  /** @return the new pair, which the server now expects */
  public TokenPair pair() {
    return pair;
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
