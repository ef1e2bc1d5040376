package io.github.dfxclient.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.math.BigDecimal;
import java.util.Base64;

/**
 * The {@code exp} and {@code iat} claims of a JWT access token (RFC 7519, sections 4.1.4 and
 * 4.1.6: NumericDate, seconds since the epoch), read without verifying the signature (the server
 * does that). Whatever the token holds, this never throws: a claim that is missing, not a number,
 * negative, fractional beyond a second or out of the range of dates a server can mean (after year
 * 9999) is simply absent, and such a token is used until the server refuses it.
 *
 * @param expiresAt {@code exp} in epoch seconds, or {@link #ABSENT}
 * @param issuedAt {@code iat} in epoch seconds, or {@link #ABSENT}
 */
record TokenTimes(long expiresAt, long issuedAt) {
  /** A claim that is missing or unreadable. */
  static final long ABSENT = -1;
  /** 9999-12-31T23:59:59Z: later claims are not dates a server means. */
  private static final long MAX_EPOCH_SECOND = 253_402_300_799L;
  private static final int MAX_PAYLOAD_CHARS = 16 * 1024;
  private static final JsonFactory JSON = new JsonFactory();
  private static final TokenTimes NONE = new TokenTimes(ABSENT, ABSENT);

  /** @return whether {@code exp} was read */
  boolean hasExpiry() {
    return expiresAt != ABSENT;
  }

  /** @return the lifetime the server granted ({@code exp - iat}) in milliseconds, or -1 when unknown */
  long lifetimeMillis() {
    return expiresAt != ABSENT && issuedAt != ABSENT && expiresAt > issuedAt ? (expiresAt - issuedAt) * 1000 : -1;
  }

  /**
   * @param token an access token, any string
   * @return its claims; {@link #ABSENT} for each one that cannot be read. Never throws.
   */
  static TokenTimes of(String token) {
    try {
      return parse(token);
    } catch (RuntimeException | StackOverflowError e) {
      // any token, however malformed, is used as it is: never a reason to fail
      return NONE;
    }
  }

  private static TokenTimes parse(String token) {
    if (token == null) {
      return NONE;
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || second - first > MAX_PAYLOAD_CHARS) {
      return NONE;
    }
    byte[] claims;
    try {
      claims = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
    } catch (IllegalArgumentException e) {
      return NONE;
    }
    long exp = ABSENT;
    long iat = ABSENT;
    try (JsonParser p = JSON.createParser(claims)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("exp".equals(name)) {
          exp = seconds(p, value);
        } else if ("iat".equals(name)) {
          iat = seconds(p, value);
        } else {
          p.skipChildren();
        }
      }
    } catch (java.io.IOException e) {
      return NONE;
    }
    return exp == ABSENT && iat == ABSENT ? NONE : new TokenTimes(exp, iat);
  }

  /** A NumericDate within 1970..9999, whole seconds (a fraction is dropped), else {@link #ABSENT}. */
  private static long seconds(JsonParser p, JsonToken value) throws java.io.IOException {
    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
      p.skipChildren();
      return ABSENT;
    }
    if (p.getText().length() > 32) {
      return ABSENT;
    }
    BigDecimal seconds = p.getDecimalValue();
    if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND)) > 0) {
      return ABSENT;
    }
    return seconds.longValue();
  }
}
