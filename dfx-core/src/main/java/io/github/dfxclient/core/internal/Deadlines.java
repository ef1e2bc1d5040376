package io.github.dfxclient.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Enforces whole-answer deadlines without a timer per call: one daemon thread wakes every {@link
 * #TICK_MILLIS} ms and runs the expiry action of every registration whose deadline passed. A call
 * registers (a set insertion) and cancels (a removal); nothing is signalled, so the common case
 * costs no context switch. Deadlines are met within one tick.
 */
public final class Deadlines {
  /** The watchdog's period. */
  public static final long TICK_MILLIS = 25;

  private static final Set<Registration> ACTIVE = ConcurrentHashMap.newKeySet();

  static {
    Thread watchdog = new Thread(Deadlines::watch, "dfx-deadline-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private Deadlines() {}

  /** The answer did not arrive whole before its deadline; the read was stopped. */
  public static final class Exceeded extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    /** Made by the expiry action of a transport. */
    public Exceeded() {
      super("no complete answer before the deadline");
    }
  }

  /** A registered deadline. */
  public static final class Registration {
    private final long deadlineNanos;
    private final Runnable onExpiry;
    private final AtomicBoolean done = new AtomicBoolean();

    private Registration(long deadlineNanos, Runnable onExpiry) {
      this.deadlineNanos = deadlineNanos;
      this.onExpiry = onExpiry;
    }

    private volatile boolean expired;

    /** @return whether the deadline passed and the expiry action ran (or is running) */
    public boolean expired() {
      return expired;
    }

    /** Withdraws the deadline; after this the expiry action never starts. */
    public void cancel() {
      if (done.compareAndSet(false, true)) {
        ACTIVE.remove(this);
      }
    }
  }

  /**
   * @param deadlineNanos the deadline on the {@link System#nanoTime()} scale
   * @param onExpiry what to do when it passes (close a stream, cancel a subscription); runs on the
   *     watchdog thread, so it must be quick and must not throw
   * @return the registration, to {@link Registration#cancel()} when the answer is complete
   */
  public static Registration register(long deadlineNanos, Runnable onExpiry) {
    Registration r = new Registration(deadlineNanos, onExpiry);
    ACTIVE.add(r);
    return r;
  }

  private static void watch() {
    while (true) {
      try {
        TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = System.nanoTime();
      for (Registration r : ACTIVE) {
        if (now - r.deadlineNanos >= 0 && r.done.compareAndSet(false, true)) {
          ACTIVE.remove(r);
          r.expired = true;
          try {
            r.onExpiry.run();
          } catch (RuntimeException ignored) {
            // an expiry action must not stop the watchdog
          }
        }
      }
    }
  }
}
