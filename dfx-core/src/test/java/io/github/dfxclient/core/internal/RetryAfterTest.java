package io.github.dfxclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsSecondsAndDates() {
    assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  /** RFC 9110, section 5.6.7: the three forms of one instant, and the day padded in asctime. */
  @Test
  void readsAllThreeHttpDateForms() {
    Clock c = Clock.fixed(Instant.parse("2026-11-06T08:49:07Z"), ZoneOffset.UTC);

    assertThat(RetryAfter.parse("Fri, 06 Nov 2026 08:49:37 GMT", c)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Friday, 06-Nov-26 08:49:37 GMT", c)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Fri Nov  6 08:49:37 2026", c)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Fri Nov 06 08:49:37 2026", c)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Mon Nov 16 08:49:37 2026", c)).contains(Duration.ofDays(10).plusSeconds(30));
    // java.time's RFC_1123_DATE_TIME writes a one-digit day: read too
    assertThat(RetryAfter.parse("Fri, 6 Nov 2026 08:49:37 GMT", c)).contains(Duration.ofSeconds(30));
  }

  /** The two-digit year of RFC 850: a year more than 50 years ahead is the one in the past. */
  @Test
  void readsTheTwoDigitYearWithinFiftyYears() {
    Instant now = Instant.parse("2026-11-06T08:49:07Z");

    assertThat(RetryAfter.httpDate("Sunday, 06-Nov-94 08:49:37 GMT", now)).isEqualTo(Instant.parse("1994-11-06T08:49:37Z"));
    assertThat(RetryAfter.httpDate("Monday, 06-Nov-76 08:49:37 GMT", now)).isEqualTo(Instant.parse("2076-11-06T08:49:37Z"));
    assertThat(RetryAfter.httpDate("Sunday, 06-Nov-77 08:49:37 GMT", now)).isEqualTo(Instant.parse("1977-11-06T08:49:37Z"));
    assertThat(RetryAfter.httpDate("Friday, 06-Nov-26 08:49:37 GMT", now)).isEqualTo(Instant.parse("2026-11-06T08:49:37Z"));
    assertThat(RetryAfter.httpDate("Tuesday, 06-Nov-01 08:49:37 GMT", Instant.parse("2090-01-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2101-11-06T08:49:37Z"));
  }

  @Test
  void ignoresDatesOutsideTheGrammar() {
    for (String v : new String[] {"sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37 +0000", "Sun, 06 Nov 1994 8:49:37 GMT",
        "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT",
        "Sunday, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun Nov 6 08:49:37 1994",
        "Sun Nov  6 08:49:37 94", "Sun Nov  6 08:49:37 1994 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
        "2026-11-28T10:00:30Z", "1.5", "Sun, 06 Nov 1994 08:49:37 GMT, later"}) {
      assertThat(RetryAfter.parse(v, clock)).as(v).isEmpty();
    }
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("", clock)).isEmpty();
    assertThat(RetryAfter.parse("-5", clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999", clock)).contains(Duration.ofDays(365));
  }
}
