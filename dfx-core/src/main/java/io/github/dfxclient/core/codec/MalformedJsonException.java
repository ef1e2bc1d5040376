package io.github.dfxclient.core.codec;

/**
 * A body is not one valid UTF-8 JSON object: empty, not UTF-8, not an object, broken syntax, a
 * repeated field, or more than one value. The message says which, with the line and column of a
 * syntax error, and never quotes the body.
 */
public final class MalformedJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, without any value of the body
   */
  public MalformedJsonException(String message) {
    super(message);
  }
}
