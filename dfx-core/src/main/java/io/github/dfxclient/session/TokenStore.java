package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.util.Optional;

/**
 * Where a {@link TokenSession} keeps its pairs, so that a rotated pair survives a crash. A file,
 * JDBC or Redis store is these two methods. {@link #save} must be durable when it returns and throw
 * when it is not: the session does not hand out a pair whose save failed.
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
}
