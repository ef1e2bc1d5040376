package io.github.dfxclient.core.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small elastic pool of daemon threads for the library's own blocking work that must not run on a
 * caller's timer or an HTTP client's threads: a token renew (and its store I/O) needed by an
 * asynchronous call, and asynchronous retry attempts once their backoff timer fired (the timer only
 * schedules). Threads start on demand, at most {@link #MAX_THREADS}, and exit after a second idle,
 * so an idle application has none.
 */
public final class Workers {
  /** The most threads alive at once; more work waits in the queue. */
  public static final int MAX_THREADS = 16;

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = create();

  private Workers() {}

  /** @return the pool */
  public static Executor executor() {
    return POOL;
  }

  /** @return whether the calling thread is one of the pool's */
  public static boolean isWorkerThread() {
    return Thread.currentThread().getName().startsWith("dfx-worker-");
  }

  private static ThreadPoolExecutor create() {
    ThreadPoolExecutor p = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 1, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "dfx-worker-" + COUNT.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    p.allowCoreThreadTimeOut(true);
    return p;
  }
}
