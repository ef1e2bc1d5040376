package io.github.dfxclient.core.internal;

import java.util.function.Supplier;

/** The {@code Authorization} header value from an application's token supplier. */
public final class Bearer {
  private Bearer() {}

  /**
   * @param supplier the application's supplier, or {@code null}
   * @return {@code "Bearer <token>"}, or {@code null} when there is no supplier or it gave null or blank
   * @throws IllegalArgumentException naming {@code bearerToken} when the token is not visible ASCII
   */
  public static String headerValue(Supplier<String> supplier) {
    if (supplier == null) {
      return null;
    }
    String token = supplier.get();
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
