package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.util.Optional;

/**
 * Where a {@link TokenSession} keeps its pairs, so that a rotated pair survives a crash. A file,
 * JDBC or Redis store is these methods. {@link #save} must be durable when it returns and throw
 * when it is not: the session does not hand out a pair whose save failed.
 *
 * <p>A store for one device and one user pair implements the two kind-only methods; a store for
 * many users (principals) overrides the two {@link TokenKey} methods too, whose defaults serve the
 * default principal through the kind-only ones.
 */
public interface TokenStore {

  /**
   * @param kind which pair
   * @return the saved pair, if any
   */
  Optional<TokenPair> load(TokenKind kind);

  /**
   * @param kind which pair
   * @param pair the pair to keep, replacing the previous one
   */
  void save(TokenKind kind, TokenPair pair);

  /**
   * @param key which pair
   * @return the saved pair, if any
   * @throws UnsupportedOperationException for a user principal, unless the store overrides this
   */
  default Optional<TokenPair> load(TokenKey key) {
    return load(defaultKind(key));
  }

  /**
   * @param key which pair
   * @param pair the pair to keep, replacing the previous one
   * @throws UnsupportedOperationException for a user principal, unless the store overrides this
   */
  default void save(TokenKey key, TokenPair pair) {
    save(defaultKind(key), pair);
  }

  private TokenKind defaultKind(TokenKey key) {
    if (!key.isDefault()) {
      throw new UnsupportedOperationException(getClass().getSimpleName()
          + " keeps one device and one user pair; implement load(TokenKey) and save(TokenKey, TokenPair)"
          + " to keep pairs of several users");
    }
    return key.kind();
  }
}
