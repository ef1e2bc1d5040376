package io.github.dfxclient.session;

import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxCredentials;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The deprecated wiring: {@link TokenSession#bearerToken()}, a supplier of the device token that an
 * adapter builder's {@code bearerToken(...)} takes (and the factory form of {@code
 * TokenSession.Builder.auths}). It is also a {@link DfxCredentials} (which {@link
 * DfxCredentials#of} keeps as it is), so that the engine asks it with the call's deadline and a
 * renew request gets the held token without waiting for itself. Callers that find a renew of the
 * device pair in flight wait for it instead of sending the old token. Its token goes to every
 * operation, user ones included, as before; a 401 is left to {@link TokenSession#call}.
 */
final class LegacyBearer implements Supplier<String>, DfxCredentials {
  private final TokenSession session;

  LegacyBearer(TokenSession session) {
    this.session = session;
  }

  private PairSlot device() {
    return session.slot(TokenKey.device());
  }

  /** @return the device token, or {@code null} when none is set (then the engine refuses the call) */
  @Override
  public String get() {
    return token(Credential.DEVICE, Renewals.NO_DEADLINE);
  }

  @Override
  public String token(Credential kind) {
    return get();
  }

  @Override
  public String token(Credential kind, long deadlineNanos) {
    PairSlot slot = device();
    return slot.serverPair() == null ? null : session.token(slot, deadlineNanos);
  }

  @Override
  public String currentToken(Credential kind) {
    var pair = device().serverPair();
    return pair == null ? null : pair.token();
  }

  @Override
  public CompletableFuture<String> tokenAsync(Credential kind) {
    PairSlot slot = session.loadedSlot(TokenKey.device());
    if (slot != null && slot.serverPair() == null) {
      return CompletableFuture.completedFuture(null);
    }
    return session.tokenAsync(TokenKey.device());
  }

  @Override
  public CompletableFuture<String> tokenAsync(Credential kind, long deadlineNanos) {
    return tokenAsync(kind);
  }

  @Override
  public String toString() {
    return "TokenSession.bearerToken";
  }
}
