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

  /**
   * The header value of the last token one client sent, found again by identity: a session hands
   * out the same {@code String} until it rotates, so its check and concatenation happen once per
   * token instead of once per request. Entries are immutable and replaced whole (a racy read sees a
   * complete entry or none); a miss only costs a new check. It holds no more than its client's
   * credentials already hold.
   */
  static final class Cache {
    /** A token and its header value; not a record, whose {@code toString} would show the token. */
    private static final class Checked {
      final String token;
      final String header;

      Checked(String token, String header) {
        this.token = token;
        this.header = header;
      }
    }

    private volatile Checked last;

    /** @see Bearer#headerValue(String) */
    String headerValue(String token) {
      Checked hit = last;
      if (hit != null && hit.token == token) {
        return hit.header;
      }
      String header = Bearer.headerValue(token);
      if (header != null) {
        last = new Checked(token, header);
      }
      return header;
    }
  }
}
