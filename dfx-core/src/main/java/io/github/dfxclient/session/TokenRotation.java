package io.github.dfxclient.session;

import io.github.dfxclient.auths.TokenPair;
import java.time.Instant;

/**
 * A pair was renewed and saved. {@link #toString()} shows no secret ({@link TokenPair} masks both).
 *
 * @param kind which pair
 * @param pair the new pair, already saved to the store
 * @param at when the rotation completed, by the session's clock
 */
public record TokenRotation(TokenKind kind, TokenPair pair, Instant at) {}
