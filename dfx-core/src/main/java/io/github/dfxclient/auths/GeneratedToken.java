package io.github.dfxclient.auths;

/**
 * A general token issued for a pair by {@link AuthsPort#generateToken} (action 2305). It is a
 * credential: {@link #toString()} never shows it.
 *
 * @param token the token, 1 to 8192 visible ASCII characters
 */
public record GeneratedToken(String token) {

  /**
   * Checks the value.
   *
   * @param token see the record component
   */
  public GeneratedToken {
    Fields.token("token", token);
  }

  @Override
  public String toString() {
    return "GeneratedToken[token=***]";
  }
}
