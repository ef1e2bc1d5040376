package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.time.Instant;

/**
 * A pair was renewed (or adopted from the store, where another process saved its renewal) and
 * saved. {@link #toString()} shows no secret ({@link TokenPair} masks both tokens).
 *
 * @param kind which pair: device or user
 * @param pair the new pair, already saved to the store
 * @param at when the rotation completed, by the session's clock
 * @param key which pair, with the user's principal ({@link TokenKey#principal()})
 */
public record TokenRotation(TokenKind kind, TokenPair pair, Instant at, TokenKey key) {

  /**
   * Checks that {@code key} is of {@code kind}.
   *
   * @param kind see the record component
   * @param pair see the record component
   * @param at see the record component
   * @param key see the record component
   */
  public TokenRotation {
    if (kind == null || key == null || key.kind() != kind) {
      throw new IllegalArgumentException("kind and key must be set, and key must be of kind");
    }
  }

  /**
   * A rotation of the pair the kind-only methods address ({@link TokenKey#of(TokenKind)}).
   *
   * @param kind which pair
   * @param pair the new pair
   * @param at when the rotation completed
   */
  public TokenRotation(TokenKind kind, TokenPair pair, Instant at) {
    this(kind, pair, at, TokenKey.of(kind));
  }

  /**
   * @param key which pair
   * @param pair the new pair
   * @param at when the rotation completed
   */
  public TokenRotation(TokenKey key, TokenPair pair, Instant at) {
    this(key.kind(), pair, at, key);
  }
}
