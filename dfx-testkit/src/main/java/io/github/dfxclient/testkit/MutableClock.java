package io.github.dfxclient.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it: for token expiry and proactive renewal. Thread-safe. */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  /** @param start the initial instant */
  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** @param by how far to move the clock forward (or back, if negative) */
  public void advance(Duration by) {
    now.updateAndGet(i -> i.plus(by));
  }

  /** @param instant the new time */
  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("MutableClock is UTC only");
  }
}
