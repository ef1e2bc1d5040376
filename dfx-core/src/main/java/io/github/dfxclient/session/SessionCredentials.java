package io.github.dfxclient.session;

import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxCredentials;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TokenSession}'s credentials for one user principal: the device token for operations
 * that need it, that user's token for the others. Each is renewed when due (one flight for all
 * callers), waited for while a renew is in flight (bounded by the call's deadline), and renewed once
 * more after a 401. A pair the session does not hold fails before anything is sent.
 */
final class SessionCredentials implements DfxCredentials {
  private final TokenSession session;
  private final TokenKey userKey;

  SessionCredentials(TokenSession session, TokenKey userKey) {
    this.session = session;
    this.userKey = userKey;
  }

  private TokenKey key(Credential kind) {
    return kind == Credential.USER ? userKey : TokenKey.device();
  }

  @Override
  public String token(Credential kind) {
    return session.token(session.slot(key(kind)), Renewals.NO_DEADLINE);
  }

  @Override
  public String token(Credential kind, long deadlineNanos) {
    return session.token(session.slot(key(kind)), deadlineNanos);
  }

  /** The held token, neither renewed nor waited for: what a renew request itself carries. */
  @Override
  public String currentToken(Credential kind) {
    PairSlot slot = session.slot(key(kind));
    var pair = slot.serverPair();
    if (pair == null) {
      throw TokenSession.noPair(slot.key);
    }
    return pair.token();
  }

  @Override
  public boolean renewAfterUnauthorized(Credential kind, String rejected) {
    PairSlot slot = session.slot(key(kind));
    return !session.renewals().renewIfStill(slot, rejected, Renewals.NO_DEADLINE).token().equals(rejected);
  }

  @Override
  public CompletableFuture<String> tokenAsync(Credential kind) {
    return session.tokenAsync(key(kind));
  }

  @Override
  public CompletableFuture<String> tokenAsync(Credential kind, long deadlineNanos) {
    return session.tokenAsync(key(kind));
  }

  @Override
  public CompletableFuture<Boolean> renewAfterUnauthorizedAsync(Credential kind, String rejected) {
    TokenKey key = key(kind);
    PairSlot loaded = session.loadedSlot(key);
    CompletableFuture<PairSlot> slot = loaded != null ? CompletableFuture.completedFuture(loaded)
        : CompletableFuture.supplyAsync(() -> session.slot(key), io.github.dfxclient.core.internal.Workers.executor());
    return slot.thenCompose(s -> session.renewals().renewAsync(s, rejected))
        .thenApply(pair -> !pair.token().equals(rejected));
  }

  @Override
  public String toString() {
    return "TokenSession.credentials[" + userKey + "]";
  }
}
