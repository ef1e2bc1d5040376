package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.core.spi.Deadlines;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.TransportException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One request on a socket, from the moment it is queued to its answer or failure: the future the
 * engine waits on. Its state says whether its frame was fully written, which decides how a failure
 * is classified (written: may have acted; not written: not sent). Exactly one of answer, failure,
 * deadline and cancellation completes it, and that one releases its place on the socket.
 */
final class Pending extends CompletableFuture<DfxHttpResponse> {
  static final int QUEUED = 0;
  static final int WRITING = 1;
  static final int WRITTEN = 2;
  static final int DONE = 3;

  final byte[] frame;
  final int maxAnswerBytes;
  private static final java.lang.invoke.VarHandle STATE;

  static {
    try {
      STATE = java.lang.invoke.MethodHandles.lookup().findVarHandle(Pending.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** {@link #QUEUED}, {@link #WRITING}, {@link #WRITTEN} or {@link #DONE}; changed through {@link #STATE}. */
  private volatile int state = QUEUED;
  /** Whether the frame's write completed. */
  private volatile boolean written;
  /** Whether the frame's write failed: the frame did not reach the server whole. */
  private volatile boolean writeFailed;
  /** Set once the socket took the request; never reassigned. */
  volatile Connection connection;
  volatile String id;
  /**
   * Set by the reading thread when an answer took it off its socket's table, so that its completion
   * does not look it up again (a stale read only costs a lookup that finds nothing).
   */
  boolean unlisted;
  private volatile Deadlines.Registration deadline;

  Pending(byte[] frame, int maxAnswerBytes) {
    this.frame = frame;
    this.maxAnswerBytes = maxAnswerBytes;
  }

  /** @return whether the frame may be written now (false: it was completed while it waited) */
  boolean startWriting() {
    return STATE.compareAndSet(this, QUEUED, WRITING);
  }

  /** The socket finished writing the whole frame. */
  void written() {
    written = true;
    STATE.compareAndSet(this, WRITING, WRITTEN);
  }

  /** The socket could not write the frame: it did not reach the server whole. */
  void writeFailed() {
    writeFailed = true;
  }

  /** @return whether the whole frame was written (its write completed) */
  boolean wasWritten() {
    return written;
  }

  /** Watches the request's deadline; withdrawn at once when the request already completed. */
  void watch(long deadlineNanos) {
    Deadlines.Registration r = Deadlines.register(deadlineNanos, this::expire);
    deadline = r;
    if (state == DONE) {
      r.cancel();
    }
  }

  /** @param response the answer: completes the request */
  void answer(DfxHttpResponse response) {
    if (finish()) {
      complete(response);
    }
  }

  /** @param failure the failure: completes the request */
  void fail(IOException failure) {
    if (finish()) {
      completeExceptionally(failure);
    }
  }

  /**
   * Fails the request as the socket under it went away: "not sent" when its frame was never handed
   * to the socket (still queued) or its write failed; otherwise "may have acted". A frame whose write
   * started counts as written even before the JDK confirmed it: the confirmation can come after the
   * server already answered or dropped the socket, and a message must never be re-sent when it may
   * have arrived.
   *
   * @param reason what happened, without secrets
   * @param cause the socket's failure, or {@code null}
   */
  void dropped(String reason, Throwable cause) {
    if (state == QUEUED && STATE.compareAndSet(this, QUEUED, DONE)) {
      release();
      completeExceptionally(TransportException.notSent(reason + "; the request was not written", cause));
      return;
    }
    fail(writeFailed ? TransportException.notSent(reason + "; the request could not be written whole", cause)
        : TransportException.maybeSent(reason + " after the request was written", cause));
  }

  /** The deadline passed: a request never written was not sent; else its outcome is unknown. */
  private void expire() {
    if (state == QUEUED && STATE.compareAndSet(this, QUEUED, DONE)) {
      release();
      completeExceptionally(TransportException.notSent(
          "no socket could take the request before the deadline; it was not written", null));
      return;
    }
    fail(TransportException.deadlineExceeded());
  }

  /** The caller gave up: a frame not yet written never will be. */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if ((int) STATE.getAndSet(this, DONE) != DONE) {
      release();
    }
    return super.cancel(mayInterruptIfRunning);
  }

  private boolean finish() {
    if ((int) STATE.getAndSet(this, DONE) == DONE) {
      return false;
    }
    release();
    return true;
  }

  private void release() {
    Deadlines.Registration r = deadline;
    if (r != null) {
      r.cancel();
    }
    Connection c = connection;
    if (c != null) {
      c.done(this);
    }
  }
}
