package io.github.dfxclient.session;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxCredentials;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How a {@link TokenSession} sends a renew: the blocking port it was given and, when given, the
 * non-blocking one (then no thread waits for a renew's answer). On the library's own clients the
 * renew is sent through a view ({@code withCredentials}) whose bearer is the device token the
 * session holds, as the official JavaScript client sends it (the renewed pair's own token when the
 * session holds no device pair): the held token, never renewed or waited for, so a renew never
 * waits for itself. Other ports (an application's own, a decorator) are called as they are.
 */
final class RenewPort {
  private final AuthsPort auths;
  private final AsyncAuthsPort asyncAuths;
  private final Supplier<String> heldDeviceToken;

  RenewPort(AuthsPort auths, AsyncAuthsPort asyncAuths, Supplier<String> heldDeviceToken) {
    this.auths = auths;
    this.asyncAuths = asyncAuths;
    this.heldDeviceToken = heldDeviceToken;
  }

  /** @return the new pair; blocks */
  TokenPair renew(TokenPair current) {
    if (auths instanceof AuthsClient client) {
      return client.withCredentials(bearer(current)).renew(current);
    }
    return auths.renew(current);
  }

  /** @return whether {@link #renewAsync} sends without holding a thread */
  boolean hasAsync() {
    return asyncAuths != null;
  }

  /** @return the new pair, without blocking; only when {@link #hasAsync()} */
  CompletableFuture<TokenPair> renewAsync(TokenPair current) {
    if (asyncAuths instanceof AsyncAuthsClient client) {
      return client.withCredentials(bearer(current)).renew(current);
    }
    return asyncAuths.renew(current);
  }

  private DfxCredentials bearer(TokenPair current) {
    return new DfxCredentials() {
      @Override
      public String token(Credential kind) {
        return currentToken(kind);
      }

      @Override
      public String currentToken(Credential kind) {
        String device = heldDeviceToken.get();
        return device != null ? device : current.token();
      }

      @Override
      public String toString() {
        return "TokenSession.renewCredentials";
      }
    };
  }
}
