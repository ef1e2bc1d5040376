package io.github.dfxclient.core.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Parses {@code Retry-After} (RFC 9110, section 10.2.3): delay-seconds, or an HTTP-date in any of
 * the three forms a recipient must accept (section 5.6.7): IMF-fixdate ({@code Sun, 06 Nov 1994
 * 08:49:37 GMT}), the obsolete RFC 850 form ({@code Sunday, 06-Nov-94 08:49:37 GMT}, its two-digit
 * year read as the year with those digits within 50 years of now, a year that would lie more than
 * 50 years ahead being in the past) and ANSI C's asctime form ({@code Sun Nov  6 08:49:37 1994}, the
 * day padded with a space). Names are case-sensitive, as the grammar says. Anything else is ignored.
 */
public final class RetryAfter {
  private static final long MAX_SECONDS = 365L * 24 * 3600;
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] LONG_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sunday"};
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
      "Nov", "Dec"};

  private RetryAfter() {}

  /**
   * @param header the header value, or {@code null}
   * @param clock the clock an HTTP-date is measured against
   * @return the wait (zero for a date in the past), or empty when absent or unreadable
   */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null) {
      return Optional.empty();
    }
    String v = header.trim();
    if (v.isEmpty() || v.length() > 64) {
      return Optional.empty();
    }
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (v.length() > 10) {
        return Optional.of(Duration.ofSeconds(MAX_SECONDS));
      }
      return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(v), MAX_SECONDS)));
    }
    Instant now = clock.instant();
    Instant at = httpDate(v, now);
    if (at == null) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, at);
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  /**
   * @param v the trimmed value
   * @param now the current time, for the century of an RFC 850 date
   * @return the instant, or {@code null} when {@code v} is none of the three forms
   */
  static Instant httpDate(String v, Instant now) {
    try {
      if (v.length() == 28 && v.charAt(3) == ',' && v.charAt(6) == ' ') {
        // a one-digit day, as java.time's RFC_1123_DATE_TIME writes it: accepted, to be robust
        return imfFixdate(v.substring(0, 5) + '0' + v.substring(5));
      }
      if (v.length() == 29 && v.charAt(3) == ',') {
        return imfFixdate(v);
      }
      if (v.length() == 24 && v.charAt(3) == ' ') {
        return asctime(v);
      }
      int comma = v.indexOf(',');
      if (comma > 3 && v.length() == comma + 24) {
        return rfc850(v, comma, now);
      }
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  /** {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
  private static Instant imfFixdate(String v) {
    if (index(DAYS, v.substring(0, 3)) < 0 || !v.startsWith(" ", 4) || v.charAt(7) != ' ' || v.charAt(11) != ' '
        || v.charAt(16) != ' ' || !v.endsWith(" GMT")) {
      return null;
    }
    int day = digits(v, 5, 2);
    int month = index(MONTHS, v.substring(8, 11)) + 1;
    int year = digits(v, 12, 4);
    return at(year, month, day, v, 17);
  }

  /** {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
  private static Instant rfc850(String v, int comma, Instant now) {
    if (index(LONG_DAYS, v.substring(0, comma)) < 0) {
      return null;
    }
    String rest = v.substring(comma + 1);
    // " 06-Nov-94 08:49:37 GMT"
    if (rest.charAt(0) != ' ' || rest.charAt(3) != '-' || rest.charAt(7) != '-' || rest.charAt(10) != ' '
        || !rest.endsWith(" GMT")) {
      return null;
    }
    int day = digits(rest, 1, 2);
    int month = index(MONTHS, rest.substring(4, 7)) + 1;
    int twoDigits = digits(rest, 8, 2);
    int thisYear = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
    int year = thisYear - Math.floorMod(thisYear, 100) + twoDigits;
    if (year > thisYear + 50) {
      year -= 100;
    } else if (year <= thisYear - 50) {
      year += 100;
    }
    return at(year, month, day, rest, 11);
  }

  /** {@code Sun Nov  6 08:49:37 1994}. */
  private static Instant asctime(String v) {
    if (index(DAYS, v.substring(0, 3)) < 0 || v.charAt(7) != ' ' || v.charAt(10) != ' ' || v.charAt(19) != ' ') {
      return null;
    }
    int month = index(MONTHS, v.substring(4, 7)) + 1;
    int day = v.charAt(8) == ' ' ? digits(v, 9, 1) : digits(v, 8, 2);
    int year = digits(v, 20, 4);
    return at(year, month, day, v, 11);
  }

  /** The instant of a date and the {@code HH:mm:ss} at {@code time}; a leap second counts as :59. */
  private static Instant at(int year, int month, int day, String v, int time) {
    if (month < 1 || v.charAt(time + 2) != ':' || v.charAt(time + 5) != ':') {
      return null;
    }
    int hour = digits(v, time, 2);
    int minute = digits(v, time + 3, 2);
    int second = digits(v, time + 6, 2);
    return LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59)).toInstant(ZoneOffset.UTC);
  }

  private static int digits(String v, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit");
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static int index(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
