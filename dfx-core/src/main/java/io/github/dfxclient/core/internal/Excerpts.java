package io.github.dfxclient.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns untrusted text from the network into something safe to put in an exception message: short,
 * on one line, free of control characters and terminal escapes, and with anything shaped like a
 * credential, e-mail address or phone number replaced.
 */
public final class Excerpts {
  /** The longest excerpt, in characters, before the ellipsis. */
  public static final int MAX_EXCERPT = 160;

  private static final int MAX_SCANNED = 4096;
  /**
   * Shorter values are redacted only where they stand as a whole word (between characters that are
   * not letters, digits or '_', so that an error code such as {@code US_ONLY} keeps its words), so that a three-letter password is not echoed back while the letters of
   * ordinary words stay readable.
   */
  private static final int MIN_SECRET = 4;
  private static final Pattern TERMINAL_ESCAPE =
      Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|[@-Z\\\\-_])|\u009B[0-?]*[ -/]*[@-~]");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]{0,500}>");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]*){0,2}");
  private static final Pattern LONG_OPAQUE = Pattern.compile("[A-Za-z0-9_+/=.~-]{24,}");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"']+@[^\\s@<>\"']+");
  private static final Pattern DIGITS = Pattern.compile("\\+?[0-9][0-9 ().-]{4,}[0-9]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Excerpts() {}

  /**
   * @param body raw bytes, decoded as UTF-8 with replacement characters for invalid sequences
   * @return the sanitised excerpt, possibly empty
   */
  public static String of(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    int n = Math.min(body.length, MAX_SCANNED);
    return of(new String(body, 0, n, StandardCharsets.UTF_8));
  }

  /**
   * @param text untrusted text
   * @return the sanitised excerpt, possibly empty
   */
  public static String of(String text) {
    return of(text, java.util.List.of());
  }

  /**
   * @param body raw bytes, decoded as UTF-8
   * @param secrets exact values to redact wherever they appear (the call's token, phone, e-mail...)
   * @return the sanitised excerpt, possibly empty
   */
  public static String of(byte[] body, java.util.Collection<String> secrets) {
    if (body == null || body.length == 0) {
      return "";
    }
    return of(new String(body, 0, Math.min(body.length, MAX_SCANNED), StandardCharsets.UTF_8), secrets);
  }

  /**
   * Redacts by value first (each of {@code secrets}, and a phone number also without its {@code
   * +}), then by shape.
   *
   * @param text untrusted text
   * @param secrets exact values to redact wherever they appear
   * @return the sanitised excerpt, possibly empty
   */
  public static String of(String text, java.util.Collection<String> secrets) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = text.length() > MAX_SCANNED ? text.substring(0, MAX_SCANNED) : text;
    for (String secret : secrets) {
      if (secret == null || secret.isBlank()) {
        continue;
      }
      if (secret.length() >= MIN_SECRET) {
        s = s.replace(secret, "[redacted]");
        if (secret.startsWith("+") && secret.length() > MIN_SECRET) {
          s = s.replace(secret.substring(1), "[redacted]");
        }
      } else {
        s = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(secret) + "(?![\\p{L}\\p{N}_])")
            .matcher(s).replaceAll("[redacted]");
      }
    }
    s = TERMINAL_ESCAPE.matcher(s).replaceAll("");
    s = HTML_TAG.matcher(s).replaceAll(" ");
    StringBuilder clean = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      boolean invisible = Character.isISOControl(c) || type == Character.FORMAT
          || type == Character.SURROGATE || type == Character.PRIVATE_USE
          || type == Character.UNASSIGNED || c == '\uFFFD';
      clean.append(invisible ? ' ' : c);
    }
    s = JWT.matcher(clean).replaceAll("[redacted]");
    s = EMAIL.matcher(s).replaceAll("[redacted]");
    s = LONG_OPAQUE.matcher(s).replaceAll("[redacted]");
    s = DIGITS.matcher(s).replaceAll("[redacted]");
    s = SPACES.matcher(s).replaceAll(" ").trim();
    if (s.length() > MAX_EXCERPT) {
      int end = MAX_EXCERPT;
      if (Character.isHighSurrogate(s.charAt(end - 1))) {
        end--;
      }
      s = s.substring(0, end) + "…";
    }
    return s;
  }
}
