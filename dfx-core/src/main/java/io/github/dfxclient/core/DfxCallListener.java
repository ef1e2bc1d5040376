package io.github.dfxclient.core;

/**
 * Hooks around every call and every attempt the engine runs, and around every renew a {@code
 * TokenSession} runs: the one source of the library's events (metrics, traces, audit, a kill
 * switch). Every method has a no-op default; implement those you need. Register listeners on the
 * adapter builders ({@code listener(...)}), on {@link io.github.dfxclient.core.spi.ClientSettings},
 * and on {@code TokenSession.builder().listener(...)}; several are called in the order they were
 * registered, and {@code withCredentials(...)} views share their client's listeners.
 *
 * <p>What a listener is given identifies the operation (action ID, method, path template, name,
 * credential kind), the transport and the pair (kind, principal), and classifies what happened
 * (outcome, HTTP status, attempt number, duration, the exception's type). It is never given a
 * token, a refresh token, a body, a path parameter value, a phone number, an e-mail address or an
 * exception (which could carry a pair).
 *
 * <p>Threads: hooks run on whatever thread runs the call: the caller's for a blocking call, an HTTP
 * client's or the library's worker for an asynchronous one; renew hooks on the thread that runs the
 * renew. Keep them quick and never block in them. A hook that throws is logged (WARN, with the
 * listener's and the exception's class names only) and the call goes on, except {@link
 * #beforeCall}, whose exception vetoes the call.
 *
 * <pre>{@code
 * DfxCallListener killSwitch = new DfxCallListener() {
 *   public void beforeCall(DfxCallContext call) {
 *     if (maintenance) throw new ServiceUnavailableException("DFX calls are paused");
 *   }
 * };
 * AuthsPort auths = JdkAuthsAdapter.builder().listener(killSwitch).build();
 * }</pre>
 */
public interface DfxCallListener {

  /**
   * Before a call, before any I/O (before its credentials are asked for a token, which may renew).
   * Throwing vetoes the call: nothing is sent, and the exception surfaces to the caller unchanged
   * (thrown by a blocking call; the failure of an asynchronous call's future). The listeners whose
   * {@code beforeCall} already ran are then given {@link #afterCall} with {@link
   * DfxOutcome#NOT_SENT} and 0 attempts. A request that is invalid
   * ({@link IllegalArgumentException} before any I/O) causes no hook at all.
   *
   * @param call the call; the same instance is given to its other hooks
   */
  default void beforeCall(DfxCallContext call) {}

  /**
   * After each attempt: once per request handed to the transport (a retry, or the resend after a
   * renewed token, is another attempt), when its answer was decoded or its failure classified.
   *
   * @param call the call
   * @param attempt how the attempt ended
   */
  default void afterAttempt(DfxCallContext call, DfxAttempt attempt) {}

  /**
   * After a call: once for every call whose {@link #beforeCall} ran, when the caller is given its
   * answer or failure.
   *
   * @param call the call
   * @param result how it ended
   */
  default void afterCall(DfxCallContext call, DfxCallResult result) {}

  /**
   * Before a token session sends a renew (or, in a fleet, takes the renew lease first): one per
   * renew flight, whatever the number of callers waiting for it.
   *
   * @param renew the renew; the same instance is given to its events and to {@link #afterRenew}
   */
  default void beforeRenew(DfxRenewContext renew) {}

  /**
   * After a renew's flight completed (every waiter was given its result): how it ended.
   *
   * @param renew the renew
   * @param result how it ended
   */
  default void afterRenew(DfxRenewContext renew, DfxRenewResult result) {}

  /**
   * Something else a token session reports: a wait for another process's fleet lease, a pair
   * adopted from the store, a pair found spent, a renewed pair the store could not save, or saved
   * late.
   *
   * @param event what happened
   */
  default void onSessionEvent(DfxSessionEvent event) {}
}
