package io.github.dfxclient.core;

/**
 * Where the engine gets the bearer token an operation needs, at send time, on the thread that
 * sends (once per attempt). {@link io.github.dfxclient.session.TokenSession#credentials()} is one;
 * {@link #of(java.util.function.Supplier)} adapts a plain supplier.
 */
public interface DfxCredentials {

  /**
   * @param kind the credential the operation needs, never {@link Credential#NONE}
   * @return the token to send; {@code null} or blank when none is held, and then the call fails
   *     with an {@link IllegalStateException} naming the credential before any I/O (only a renew,
   *     which carries its own pair, is sent without an {@code Authorization} header). A source may
   *     instead throw its own {@code IllegalStateException} (e.g. naming the principal); the engine
   *     surfaces it unchanged
   */
  String token(Credential kind);

  /**
   * {@link #token(Credential)} for a call that must send by {@code deadlineNanos}: a source that
   * waits (for a renew in flight) waits at most until then. The engine calls this form; the default
   * ignores the deadline.
   *
   * @param kind the credential the operation needs, never {@link Credential#NONE}
   * @param deadlineNanos the call's deadline on the {@link System#nanoTime()} scale
   * @return the token to send, as {@link #token(Credential)}
   * @throws CredentialsUnavailableException when no token could be had by the deadline
   */
  default String token(Credential kind, long deadlineNanos) {
    return token(kind);
  }

  /**
   * The token held now, without renewing it first: what a request that authenticates by other
   * means sends (a renew carries its pair; renewing the device pair to send it would be a second
   * renew). The default is {@link #token(Credential)}.
   *
   * @param kind the credential, never {@link Credential#NONE}
   * @return the token, or {@code null} (or blank) when none is held: the request is then sent
   *     without an {@code Authorization} header (it authenticates itself)
   */
  default String currentToken(Credential kind) {
    return token(kind);
  }

  /**
   * The server answered 401 to a request that carried {@code rejected}. Called at most once per
   * call; returning {@code true} makes the engine send the request once more with {@link
   * #token(Credential)}, whose second 401 surfaces. The default returns {@code false}.
   *
   * @param kind the credential that was sent
   * @param rejected the token the server refused
   * @return whether a different, fresh token is now available
   */
  default boolean renewAfterUnauthorized(Credential kind, String rejected) {
    return false;
  }

  /**
   * The non-blocking form of {@link #token}, used by asynchronous calls: a source that may have to
   * renew first (a {@link io.github.dfxclient.session.TokenSession}) completes the future when the
   * renewed pair is saved, without holding the caller's thread. The default wraps {@link #token}.
   *
   * @param kind the credential the operation needs
   * @return the token, or a future failed with why there is none
   */
  default java.util.concurrent.CompletableFuture<String> tokenAsync(Credential kind) {
    try {
      return java.util.concurrent.CompletableFuture.completedFuture(token(kind));
    } catch (RuntimeException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  /**
   * {@link #tokenAsync(Credential)} for a call that must send by {@code deadlineNanos}. The
   * default ignores the deadline (the engine bounds the wait itself).
   *
   * @param kind the credential the operation needs
   * @param deadlineNanos the call's deadline on the {@link System#nanoTime()} scale
   * @return the token, or a future failed with why there is none ({@link
   *     CredentialsUnavailableException} when the deadline passed first)
   */
  default java.util.concurrent.CompletableFuture<String> tokenAsync(Credential kind, long deadlineNanos) {
    return tokenAsync(kind);
  }

  /**
   * The non-blocking form of {@link #renewAfterUnauthorized}. The default wraps it.
   *
   * @param kind the credential that was sent
   * @param rejected the token the server refused
   * @return whether a different, fresh token is now available
   */
  default java.util.concurrent.CompletableFuture<Boolean> renewAfterUnauthorizedAsync(Credential kind, String rejected) {
    try {
      return java.util.concurrent.CompletableFuture.completedFuture(renewAfterUnauthorized(kind, rejected));
    } catch (RuntimeException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  /**
   * @param bearerToken asked once per attempt; its token is sent for every credential kind. When it
   *     answers {@code null} or a blank token, an operation that needs a token fails with an {@link
   *     IllegalStateException} before any I/O
   * @return credentials that always answer {@code bearerToken.get()}
   * @throws IllegalArgumentException when {@code bearerToken} is {@code null}
   */
  static DfxCredentials of(java.util.function.Supplier<String> bearerToken) {
    if (bearerToken == null) {
      throw new IllegalArgumentException("bearerToken must not be null");
    }
    if (bearerToken instanceof DfxCredentials credentials) {
      // a supplier that is a full credentials source (a TokenSession's bearerToken()) keeps its rules
      return credentials;
    }
    return kind -> bearerToken.get();
  }
}
