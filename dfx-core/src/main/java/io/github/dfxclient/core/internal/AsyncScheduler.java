package io.github.dfxclient.core.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one scheduler of asynchronous retries' backoff waits: a timer, not a waiting thread. Its
 * single daemon thread exists only while a wait is pending (it times out after a second idle).
 */
final class AsyncScheduler {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ScheduledThreadPoolExecutor SCHEDULER = create();

  private AsyncScheduler() {}

  static ScheduledExecutorService get() {
    return SCHEDULER;
  }

  /** @return whether the calling thread is the timer's (which must only schedule) */
  static boolean isTimerThread() {
    return Thread.currentThread() instanceof TimerThread;
  }

  /** The timer's thread: its own class, so that {@link #isTimerThread} is a type check, not a name's. */
  private static final class TimerThread extends Thread {
    TimerThread(Runnable r, String name) {
      super(r, name);
    }
  }

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new TimerThread(r, "dfx-retry-timer-" + COUNT.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    s.setKeepAliveTime(1, TimeUnit.SECONDS);
    s.allowCoreThreadTimeOut(true);
    s.setRemoveOnCancelPolicy(true);
    return s;
  }
}
