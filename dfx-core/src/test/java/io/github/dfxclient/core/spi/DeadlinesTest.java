package io.github.dfxclient.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  @Test
  void aPassedDeadlineRunsItsActionOnceAndACancelledOneNever() throws Exception {
    AtomicInteger cancelledRan = new AtomicInteger();
    Deadlines.Registration cancelled = Deadlines.register(System.nanoTime(), cancelledRan::incrementAndGet);
    cancelled.cancel();
    CountDownLatch expired = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    // registered after the cancelled one, with a deadline already passed: once it ran, the
    // watchdog has swept past the cancelled one (one pass handles both, in order)
    Deadlines.Registration r = Deadlines.register(System.nanoTime(), () -> {
      runs.incrementAndGet();
      expired.countDown();
    });
    assertThat(expired.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(r.expired()).isTrue();
    r.cancel();   // too late: no effect
    Thread.sleep(3 * Deadlines.TICK_MILLIS);
    assertThat(runs).hasValue(1);
    // the watchdog may have reached it between register and cancel: then, and only then, it ran
    assertThat(cancelledRan).hasValue(cancelled.expired() ? 1 : 0);
  }

  @Test
  void manyThreadsRegisteringAndCancellingLoseNoExpiryAndRunNoCancelledAction() throws Exception {
    AtomicInteger cancelledRan = new AtomicInteger();
    int threads = 4;
    int perThread = 50_000;
    int expiring = 100;
    CountDownLatch allExpired = new CountDownLatch(threads * expiring);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            // far deadlines, cancelled at once: as a call whose answer came in time
            Deadlines.register(System.nanoTime() + TimeUnit.HOURS.toNanos(1), cancelledRan::incrementAndGet).cancel();
            if (i % (perThread / expiring) == 0) {
              Deadlines.register(System.nanoTime(), allExpired::countDown);
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(allExpired.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(cancelledRan).hasValue(0);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Cancel and expiry race on deadlines already passed: each registration ends one way, and says which. */
  @Test
  void cancelAndExpiryExcludeEachOtherAndExpiredSaysWhichWon() throws Exception {
    int n = 20_000;
    AtomicInteger[] runs = new AtomicInteger[n];
    Deadlines.Registration[] registrations = new Deadlines.Registration[n];
    for (int i = 0; i < n; i++) {
      AtomicInteger ran = new AtomicInteger();
      runs[i] = ran;
      registrations[i] = Deadlines.register(System.nanoTime(), ran::incrementAndGet);
      if (i % 7 == 0) {
        Thread.onSpinWait();
      }
      registrations[i].cancel();
    }
    // a last registration that must expire: once it ran, every earlier one was swept
    CountDownLatch last = new CountDownLatch(1);
    Deadlines.register(System.nanoTime(), last::countDown);
    assertThat(last.await(30, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < n; i++) {
      assertThat(runs[i].get()).as("registration %d", i).isEqualTo(registrations[i].expired() ? 1 : 0);
    }
  }

  /** An expiry action that throws an Error ends the watchdog; a new one takes over what is left. */
  @Test
  void anErrorInAnExpiryActionDoesNotStrandLaterDeadlines() throws Exception {
    Deadlines.register(System.nanoTime(), () -> {
      throw new AssertionError("an expiry action's own bug");
    });
    CountDownLatch later = new CountDownLatch(1);
    Deadlines.register(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), later::countDown);
    assertThat(later.await(30, TimeUnit.SECONDS)).isTrue();
  }
}
