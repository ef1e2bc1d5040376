package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link TokenStore}: memory only, lost with the process. Thread-safe. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<TokenKind, TokenPair> pairs = new ConcurrentHashMap<>();

  @Override
  public Optional<TokenPair> load(TokenKind kind) {
    return Optional.ofNullable(pairs.get(kind));
  }

  @Override
  public void save(TokenKind kind, TokenPair pair) {
    pairs.put(kind, pair);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore" + pairs.keySet();
  }
}
