package io.github.dfxclient.auths;

import java.util.regex.Pattern;

/**
 * The input rules of the Auths request fields, checked when a value object is made, so that a bad
 * value is refused before any I/O. Messages name the field and the broken rule, never the value.
 */
final class Fields {
  static final int MAX_TOKEN_LENGTH = 8192;
  static final int MAX_IDENTIFIER_LENGTH = 128;
  static final int MAX_EMAIL_LENGTH = 254;
  static final int MAX_EMAIL_LOCAL_PART_LENGTH = 64;
  static final int MAX_URL_LENGTH = 2048;

  private static final Pattern PHONE = Pattern.compile("\\+?[1-9][0-9]{5,14}");

  private Fields() {}

  /** Opaque credentials: 1..8192 visible ASCII characters (no space, no control character). */
  static String token(String field, String value) {
    if (value == null || value.isEmpty()) {
      present(field, value);
    }
    if (value.length() > MAX_TOKEN_LENGTH) {
      present(field, value);
      throw tooLong(field, value, MAX_TOKEN_LENGTH);
    }
    // one pass: a blank value fails it too, and is then named as blank
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        present(field, value);
        throw new IllegalArgumentException(
            field + " must hold visible ASCII characters only (offending character at index " + i + ")");
      }
    }
    return value;
  }

  /** A phone number in E.164 form: an optional '+' and 6 to 15 digits, nothing else. */
  static String phoneNumber(String field, String value) {
    present(field, value);
    if (value.length() > 16 || !PHONE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be an E.164 phone number: an optional '+' and 6 to 15 digits, the first 1-9");
    }
    return value;
  }

  /** An e-mail address: at most 254 characters, one '@' between a local part and a domain, no spaces. */
  static String email(String field, String value) {
    text(field, value, MAX_EMAIL_LENGTH);
    int at = value.indexOf('@');
    if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1
        || at > MAX_EMAIL_LOCAL_PART_LENGTH || value.indexOf('.', at) < 0) {
      throw new IllegalArgumentException(
          field + " must be an e-mail address of the form local@domain.tld");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        throw new IllegalArgumentException(field + " must not contain white space");
      }
    }
    return value;
  }

  /**
   * An absolute URI such as an OAuth {@code redirect_uri} ({@code https://app.example/callback}, or
   * a native app's {@code com.example.app:/callback}): 1..2048 visible ASCII characters (no space, no
   * control character: RFC 3986 has none), a scheme, and nothing {@link java.net.URI} refuses.
   */
  static String absoluteUri(String field, String value) {
    present(field, value);
    if (value.length() > MAX_URL_LENGTH) {
      throw tooLong(field, value, MAX_URL_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            field + " must hold visible ASCII characters only (offending character at index " + i + ")");
      }
    }
    java.net.URI uri;
    try {
      uri = new java.net.URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(field + " is not a valid URI (at index " + e.getIndex() + ")");
    }
    if (!uri.isAbsolute() || uri.isOpaque() && uri.getSchemeSpecificPart().isEmpty()) {
      throw new IllegalArgumentException(field + " must be an absolute URI with a scheme (https: or an app's own)");
    }
    return value;
  }

  /** An organization ID in a path: 1..128 characters, no control character, no surrounding space. */
  static String orgId(String field, String value) {
    return text(field, value, MAX_IDENTIFIER_LENGTH);
  }

  /** An organization identifier: 1..128 characters, no control character, no surrounding space. */
  static String identifier(String field, String value) {
    return text(field, value, MAX_IDENTIFIER_LENGTH);
  }

  private static String text(String field, String value, int max) {
    present(field, value);
    if (value.length() > max) {
      throw tooLong(field, value, max);
    }
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      throw new IllegalArgumentException(field + " must not start or end with white space");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE) {
        throw new IllegalArgumentException(
            field + " must not contain control or invisible characters (offending character at index " + i + ")");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          throw new IllegalArgumentException(field + " is not valid UTF-16 (lone surrogate at index " + i + ")");
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw new IllegalArgumentException(field + " is not valid UTF-16 (lone surrogate at index " + i + ")");
      }
    }
    return value;
  }

  private static void present(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }

  private static IllegalArgumentException tooLong(String field, String value, int max) {
    return new IllegalArgumentException(
        field + " must be at most " + max + " characters long (got " + value.length() + ")");
  }
}
