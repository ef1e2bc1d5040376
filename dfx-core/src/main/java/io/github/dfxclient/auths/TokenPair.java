package io.github.dfxclient.auths;

/**
 * An access token and the one-time refresh token that renews it.
 *
 * <p>Both values are opaque credentials of 1 to 8192 visible ASCII characters; anything else is
 * refused with an {@link IllegalArgumentException} naming the field. {@link #toString()} never shows
 * either value.
 *
 * @param token the access token (sent as {@code Authorization: Bearer ...})
 * @param refreshToken the refresh token; valid for exactly one {@link AuthsPort#renew} call
 */
public record TokenPair(String token, String refreshToken) {

  /**
   * Checks both values; see the class documentation for the rules.
   *
   * @param token see the record component
   * @param refreshToken see the record component
   */
  public TokenPair {
    Fields.token("token", token);
    Fields.token("refreshToken", refreshToken);
  }

  @Override
  public String toString() {
    return "TokenPair[token=***, refreshToken=***]";
  }
}
