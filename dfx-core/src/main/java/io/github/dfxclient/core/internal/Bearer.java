package io.github.dfxclient.core.internal;

/** The {@code Authorization} header value of a bearer token. */
public final class Bearer {
  private Bearer() {}

  /**
   * @param token the token, or {@code null}
   * @return {@code "Bearer <token>"}, or {@code null} when the token is null or blank
   * @throws IllegalArgumentException naming {@code bearerToken} when the token is not visible ASCII
   */
  public static String headerValue(String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    if (token.length() > 8192) {
      throw new IllegalArgumentException("bearerToken must be at most 8192 characters long");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "bearerToken must hold visible ASCII characters only (offending character at index " + i + ")");
      }
    }
    return "Bearer " + token;
  }
}
