package io.github.dfxclient.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads the {@code exp} claim of a JWT, without verifying its signature (the server does that). */
final class JwtExpiry {
  private static final JsonFactory JSON = new JsonFactory();

  private JwtExpiry() {}

  /** @return the expiry, or empty when the token is not a JWT or has no numeric {@code exp} */
  static Optional<Instant> of(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || second - first > 16 * 1024) {
      return Optional.empty();
    }
    byte[] claims;
    try {
      claims = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try (JsonParser p = JSON.createParser(claims)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("exp".equals(name) && (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT)) {
          return Optional.of(Instant.ofEpochSecond(p.getLongValue()));
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
