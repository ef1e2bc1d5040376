package io.github.dfxclient.core.spi;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enforces whole-answer deadlines for transports without a timer per call: one daemon thread wakes
 * every {@link #TICK_MILLIS} ms while deadlines are registered and runs the expiry action of every
 * registration whose deadline passed. A call registers (a queue insertion) and cancels (a flag the
 * watchdog sweeps out at its next tick, so two threads never contend on removing it); nothing is
 * signalled, so the common case costs no context switch. Deadlines are met within one
 * tick. The thread exits after a second with nothing registered and starts again on demand, so an
 * idle application has no library thread waking up.
 */
public final class Deadlines {
  /** The watchdog's period. */
  public static final long TICK_MILLIS = 25;

  private static final int IDLE_TICKS_BEFORE_EXIT = 40;
  /** Registered and not yet swept out: cancelled ones leave at the watchdog's next tick. */
  private static final ConcurrentLinkedQueue<Registration> ACTIVE = new ConcurrentLinkedQueue<>();
  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  private Deadlines() {}

  /** A registered deadline. */
  public static final class Registration {
    private static final int PENDING = 0;
    private static final int CANCELLED = 1;
    private static final int EXPIRED = 2;

    private final long deadlineNanos;
    private final AtomicInteger state = new AtomicInteger(PENDING);
    /** Dropped on cancel: a cancelled registration holds nothing of its call while it waits to be swept. */
    private volatile Runnable onExpiry;

    private Registration(long deadlineNanos, Runnable onExpiry) {
      this.deadlineNanos = deadlineNanos;
      this.onExpiry = onExpiry;
    }

    /** @return whether the deadline passed and the expiry action ran (or is running) */
    public boolean expired() {
      return state.get() == EXPIRED;
    }

    /**
     * Withdraws the deadline: unless it has {@link #expired()} already, the expiry action never
     * starts. One of the two wins, atomically.
     */
    public void cancel() {
      if (state.compareAndSet(PENDING, CANCELLED)) {
        onExpiry = null;
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
    ACTIVE.offer(r);
    if (!RUNNING.get() && RUNNING.compareAndSet(false, true)) {
      start();
    }
    return r;
  }

  /** @return whether the watchdog thread is running now (for tests of idleness) */
  public static boolean watchdogRunning() {
    return RUNNING.get();
  }

  /** Starts a watchdog; the caller set {@link #RUNNING}, which is given back if the thread cannot start. */
  private static void start() {
    try {
      Thread watchdog = new Thread(Deadlines::watch, "dfx-deadline-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    } catch (Throwable e) {
      RUNNING.set(false);
      throw e;
    }
  }

  /**
   * The watchdog's life. It ends by itself only when idle; any other end (an interrupt, an {@code
   * Error} from an expiry action) hands the work to a new watchdog if registrations are left, so
   * that none waits forever and cancelled ones do not pile up.
   */
  private static void watch() {
    boolean idle = false;
    try {
      idle = sweepUntilIdle();
    } finally {
      if (!idle) {
        RUNNING.set(false);
        if (!ACTIVE.isEmpty() && RUNNING.compareAndSet(false, true)) {
          start();
        }
      }
    }
  }

  /** @return {@code true} after an idle exit (then {@link #RUNNING} is already settled), {@code false} when interrupted */
  private static boolean sweepUntilIdle() {
    int idle = 0;
    while (true) {
      try {
        TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return false;
      }
      long now = System.nanoTime();
      for (Iterator<Registration> it = ACTIVE.iterator(); it.hasNext(); ) {
        Registration r = it.next();
        int state = r.state.get();
        if (state == Registration.CANCELLED) {
          it.remove();
        } else if (state == Registration.PENDING && now - r.deadlineNanos >= 0
            && r.state.compareAndSet(Registration.PENDING, Registration.EXPIRED)) {
          it.remove();
          Runnable action = r.onExpiry;
          r.onExpiry = null;
          try {
            action.run();
          } catch (RuntimeException ignored) {
            // an expiry action must not stop the watchdog
          }
        }
      }
      if (!ACTIVE.isEmpty()) {
        idle = 0;
        continue;
      }
      if (++idle >= IDLE_TICKS_BEFORE_EXIT) {
        RUNNING.set(false);
        // a registration that raced with the exit either sees RUNNING false and starts a new
        // watchdog, or was added before: then this one takes the work back
        if (ACTIVE.isEmpty() || !RUNNING.compareAndSet(false, true)) {
          return true;
        }
      }
    }
  }
}
