package io.github.dfxclient.session;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.TokenPair;
import java.util.concurrent.CompletableFuture;

/**
 * How a {@link TokenSession} sends a renew: the blocking port it was given and, when given, the
 * non-blocking one (then no thread waits for a renew's answer).
 */
final class RenewPort {
  private final AuthsPort auths;
  private final AsyncAuthsPort asyncAuths;

  RenewPort(AuthsPort auths, AsyncAuthsPort asyncAuths) {
    this.auths = auths;
    this.asyncAuths = asyncAuths;
  }

  /** @return the new pair; blocks */
  TokenPair renew(TokenPair current) {
    return auths.renew(current);
  }

  /** @return whether {@link #renewAsync} sends without holding a thread */
  boolean hasAsync() {
    return asyncAuths != null;
  }

  /** @return the new pair, without blocking; only when {@link #hasAsync()} */
  CompletableFuture<TokenPair> renewAsync(TokenPair current) {
    return asyncAuths.renew(current);
  }
}
