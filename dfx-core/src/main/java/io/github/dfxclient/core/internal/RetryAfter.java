package io.github.dfxclient.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110, section 10.2.3). */
public final class RetryAfter {
  private static final long MAX_SECONDS = 365L * 24 * 3600;

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
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
