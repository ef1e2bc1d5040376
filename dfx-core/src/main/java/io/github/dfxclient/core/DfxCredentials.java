package io.github.dfxclient.core;

/**
 * Where the engine gets the bearer token an operation needs, at send time, on the thread that
 * sends (once per attempt). {@link io.github.dfxclient.session.TokenSession#credentials()} is one;
 * {@link #of(java.util.function.Supplier)} adapts a plain supplier.
 */
public interface DfxCredentials {

  /**
   * @param kind the credential the operation needs, never {@link Credential#NONE}
   * @return the token to send, or {@code null} (or blank) to send no {@code Authorization} header
   */
  String token(Credential kind);

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
   * @param bearerToken asked once per attempt; its token is sent for every credential kind
   * @return credentials that always answer {@code bearerToken.get()}
   */
  static DfxCredentials of(java.util.function.Supplier<String> bearerToken) {
    if (bearerToken == null) {
      throw new IllegalArgumentException("bearerToken must not be null");
    }
    return kind -> bearerToken.get();
  }
}
