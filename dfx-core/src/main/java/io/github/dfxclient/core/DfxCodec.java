package io.github.dfxclient.core;

/**
 * The JSON form of one request or answer type, in both directions, so that the client (encode
 * requests, decode answers) and the testkit's fake server (decode requests, encode answers) share
 * one mapping.
 *
 * @param <T> the value type
 */
public interface DfxCodec<T> {

  /**
   * @param value the value, never {@code null}
   * @return its JSON body, UTF-8
   */
  byte[] encode(T value);

  /**
   * @param json a JSON body, UTF-8
   * @return the value
   * @throws IllegalArgumentException when the body is not the promised JSON; the message names what
   *     is wrong (a field, a type) and never holds a value of the body
   */
  T decode(byte[] json);
}
