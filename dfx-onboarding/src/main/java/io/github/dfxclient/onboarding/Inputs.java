package io.github.dfxclient.onboarding;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The input rules of the onboarding request and answer fields, checked when a record is made, so that
 * a bad value is refused before any I/O. Messages name the field and the broken rule, never the value.
 */
final class Inputs {
  /** Opaque credentials (tokens, license keys) are at most this long. */
  static final int MAX_OPAQUE_LENGTH = 8192;
  /** Names, identifiers and IDs are at most this long. */
  static final int MAX_TEXT_LENGTH = 128;
  /** A version string is at most this long. */
  static final int MAX_VERSION_LENGTH = 64;
  /** A host name (the token subject) is at most this long (RFC 1035: 253 characters, we allow 255). */
  static final int MAX_HOST_LENGTH = 255;
  /** A password is at most this long: longer is a mistake (a file's contents), not a password. */
  static final int MAX_PASSWORD_LENGTH = 1024;
  /** An MFA token (a one-time code) is at most this long. */
  static final int MAX_MFA_TOKEN_LENGTH = 64;
  /** The longest token lifetime asked for: ten years; longer is a unit mistake, not a lifetime. */
  static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(3650);

  private static final int MAX_EMAIL_LENGTH = 254;
  private static final int MAX_EMAIL_LOCAL_PART_LENGTH = 64;
  private static final Pattern DEVICE_TYPE_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  private Inputs() {}

  /** An opaque credential: 1..max visible ASCII characters (no space, no control character). */
  static String opaque(String field, String value, int max) {
    present(field, value);
    if (value.length() > max) {
      throw tooLong(field, value, max);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            field + " must hold visible ASCII characters only (offending character at index " + i + ")");
      }
    }
    return value;
  }

  /** A device type ID, e.g. {@code LINUX}: an upper-case letter, then up to 31 of A-Z, 0-9 and '_'. */
  static String deviceTypeId(String field, String value) {
    present(field, value);
    if (!DEVICE_TYPE_ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be a device type such as LINUX or IPHONE: 1 to 32 of A-Z, 0-9 and '_', a letter first");
    }
    return value;
  }

  /** Text (a name, an identifier, an ID): 1..max characters, no control character, no surrounding space. */
  static String text(String field, String value, int max) {
    present(field, value);
    if (value.length() > max) {
      throw tooLong(field, value, max);
    }
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      throw new IllegalArgumentException(field + " must not start or end with white space");
    }
    checkCharacters(field, value);
    return value;
  }

  /** An e-mail address: at most 254 characters, one '@' between a local part and a domain, no spaces. */
  static String email(String field, String value) {
    text(field, value, MAX_EMAIL_LENGTH);
    int at = value.indexOf('@');
    if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1
        || at > MAX_EMAIL_LOCAL_PART_LENGTH || value.indexOf('.', at) < 0) {
      throw new IllegalArgumentException(field + " must be an e-mail address of the form local@domain.tld");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        throw new IllegalArgumentException(field + " must not contain white space");
      }
    }
    return value;
  }

  /**
   * A password: 1..1024 characters, not only white space, no control character (a pasted line break
   * is a mistake). Spaces and any other printable character are allowed anywhere: the server decides
   * what a good password is.
   */
  static String password(String field, String value) {
    present(field, value);
    if (value.length() > MAX_PASSWORD_LENGTH) {
      throw tooLong(field, value, MAX_PASSWORD_LENGTH);
    }
    checkCharacters(field, value);
    return value;
  }

  /** A lifetime asked of the server: {@code null} (none asked), or 1 s .. 10 years in whole seconds. */
  static Duration lifetime(String field, Duration value) {
    if (value == null) {
      return null;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive");
    }
    if (value.getNano() != 0) {
      throw new IllegalArgumentException(field + " must be whole seconds (the server counts seconds)");
    }
    if (value.compareTo(MAX_TOKEN_LIFETIME) > 0) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_TOKEN_LIFETIME.toDays()
          + " days (the server shortens it to the license's and organization's limits anyway)");
    }
    return value;
  }

  private static void checkCharacters(String field, String value) {
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
    return new IllegalArgumentException(field + " must be at most " + max + " characters long (got "
        + value.length() + ")");
  }
}
