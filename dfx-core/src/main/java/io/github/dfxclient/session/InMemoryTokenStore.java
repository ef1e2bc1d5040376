package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link TokenStore}: memory only, lost with the process; any number of principals. Thread-safe. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<TokenKey, TokenPair> pairs = new ConcurrentHashMap<>();

  @Override
  public Optional<TokenPair> load(TokenKind kind) {
    return load(TokenKey.of(kind));
  }

  @Override
  public void save(TokenKind kind, TokenPair pair) {
    save(TokenKey.of(kind), pair);
  }

  @Override
  public Optional<TokenPair> load(TokenKey key) {
    return Optional.ofNullable(pairs.get(key));
  }

  @Override
  public void save(TokenKey key, TokenPair pair) {
    pairs.put(key, pair);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore" + pairs.keySet();
  }
}
