package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxCallListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link DfxCallListener}s of a client or a session, and the one way to call them: a
 * hook that throws (anything but an {@link OutOfMemoryError}) is logged (WARN, the listener's and the
 * exception's class names only: a message could carry anything) and never reaches the call. The empty set is one shared instance, checked
 * with {@link #isEmpty()} before anything is allocated.
 */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.listeners");
  private static final Listeners NONE = new Listeners(new DfxCallListener[0]);

  private final DfxCallListener[] all;

  private Listeners(DfxCallListener[] all) {
    this.all = all;
  }

  /**
   * @param listeners the listeners, in the order they are called
   * @return them, or the shared empty set
   */
  public static Listeners of(List<DfxCallListener> listeners) {
    return listeners == null || listeners.isEmpty() ? NONE : new Listeners(listeners.toArray(new DfxCallListener[0]));
  }

  /** @return whether there is no listener (then no hook runs and nothing is allocated for them) */
  public boolean isEmpty() {
    return all.length == 0;
  }

  /** @return how many */
  public int size() {
    return all.length;
  }

  /**
   * @param i the index
   * @return the listener at {@code i}
   */
  public DfxCallListener get(int i) {
    return all[i];
  }

  /** One hook of a listener. */
  @FunctionalInterface
  public interface Hook {
    /**
     * @param listener the listener to call
     */
    void call(DfxCallListener listener);
  }

  /**
   * Calls {@code hook} on every listener; none can throw out of it.
   *
   * @param name the hook's name, for the log
   * @param hook the hook
   */
  public void each(String name, Hook hook) {
    for (DfxCallListener l : all) {
      safely(l, name, hook);
    }
  }

  /**
   * Calls {@code hook} on {@code listener}, logging what it throws.
   *
   * @param listener the listener
   * @param name the hook's name, for the log
   * @param hook the hook
   */
  public static void safely(DfxCallListener listener, String name, Hook hook) {
    try {
      hook.call(listener);
    } catch (Throwable e) {
      if (e instanceof OutOfMemoryError oom) {
        throw oom;
      }
      LOG.warn("dfx: listener {} failed in {} ({}); ignored, the call goes on", listener.getClass().getName(), name,
          e.getClass().getName());
    }
  }
}
