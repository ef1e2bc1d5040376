package io.github.dfxclient.core.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
   * The header value of the last token one client sent, found again by identity, and the request
   * headers that go with it: a session hands out the same {@code String} until it rotates, so its
   * check, its concatenation and the header maps happen once per token instead of once per request.
   * Entries are immutable and replaced whole (a racy read sees a complete entry or none); a miss
   * only costs a new check. It holds no more than its client's credentials already hold.
   */
  static final class Cache {
    /**
     * A token, its header value and the headers of a request that carries it; not a record, whose
     * {@code toString} would show the token.
     */
    static final class Checked {
      final String token;
      final String header;
      final Map<String, String> withBody;
      final Map<String, String> withoutBody;

      Checked(String token, String header, String userAgent) {
        this.token = token;
        this.header = header;
        this.withBody = Cache.headers(true, userAgent, header);
        this.withoutBody = Cache.headers(false, userAgent, header);
      }

      /**
       * @param body whether the request has a (JSON) body
       * @return the headers of a request with this token, in the order they are sent: {@code
       *     Content-Type} (with a body), {@code Accept}, {@code User-Agent}, {@code Authorization};
       *     unmodifiable
       */
      Map<String, String> headers(boolean body) {
        return body ? withBody : withoutBody;
      }
    }

    private final String userAgent;
    private final Map<String, String> anonymousWithBody;
    private final Map<String, String> anonymousWithoutBody;
    private volatile Checked last;

    /** A cache for a client whose {@code User-Agent} is {@code "dfx-java"}: for tests. */
    Cache() {
      this("dfx-java");
    }

    /** @param userAgent the {@code User-Agent} value of every request */
    Cache(String userAgent) {
      this.userAgent = userAgent;
      this.anonymousWithBody = headers(true, userAgent, null);
      this.anonymousWithoutBody = headers(false, userAgent, null);
    }

    /** @see Bearer#headerValue(String) */
    String headerValue(String token) {
      Checked hit = checked(token);
      return hit == null ? null : hit.header;
    }

    /**
     * @param token the token, or {@code null}
     * @return whether {@code token} is the last one given a header value here (then it is neither
     *     null nor blank), without a check of its characters
     */
    boolean isLast(String token) {
      Checked hit = last;
      return hit != null && hit.token == token && token != null;
    }

    /**
     * @param body whether the request has a (JSON) body
     * @return the headers of a request without a token: {@code Content-Type} (with a body), {@code
     *     Accept}, {@code User-Agent}; unmodifiable
     */
    Map<String, String> anonymous(boolean body) {
      return body ? anonymousWithBody : anonymousWithoutBody;
    }

    /**
     * @param token the token, or {@code null}
     * @return the token's checked entry (header value and request headers), or {@code null} when the
     *     token is null or blank
     * @throws IllegalArgumentException naming {@code bearerToken} when the token is not visible ASCII
     */
    Checked checked(String token) {
      Checked hit = last;
      if (hit != null && hit.token == token) {
        return hit;
      }
      String header = Bearer.headerValue(token);
      if (header == null) {
        return null;
      }
      Checked fresh = new Checked(token, header, userAgent);
      last = fresh;
      return fresh;
    }

    private static Map<String, String> headers(boolean body, String userAgent, String authorization) {
      Map<String, String> h = new LinkedHashMap<>(8);
      if (body) {
        h.put("Content-Type", Answers.JSON_MEDIA_TYPE);
      }
      h.put("Accept", Answers.JSON_MEDIA_TYPE);
      h.put("User-Agent", userAgent);
      if (authorization != null) {
        h.put("Authorization", authorization);
      }
      return Collections.unmodifiableMap(h);
    }
  }
}
