package io.github.dfxclient.core.spi;

import java.io.IOException;

/**
 * What a {@link DfxTransport} throws when it knows more than a plain {@link IOException} says:
 * that the request surely did not leave, that the answer was too large, or that it did not arrive
 * whole before the deadline. The engine turns it into the matching {@link
 * io.github.dfxclient.core.DfxException}.
 */
public final class TransportException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What happened. */
  public enum Kind {
    /** The request surely never left this machine; it may be sent again. */
    NOT_SENT,
    /** The request may have reached the server. */
    MAYBE_SENT,
    /** The answer's body passed {@link DfxHttpRequest#maxAnswerBytes()}; the transport stopped reading. */
    ANSWER_TOO_LARGE,
    /** The whole answer did not arrive before {@link DfxHttpRequest#deadlineNanos()}. */
    DEADLINE_EXCEEDED
  }

  /** Which pair, or what happened. */
  private final Kind kind;
  /** The HTTP status. */
  private final int status;

  private TransportException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  /**
   * @param reason what happened, without secrets, e.g. {@code "connect timed out"}
   * @param cause the underlying failure, or {@code null}
   * @return a failure whose request surely never left
   */
  public static TransportException notSent(String reason, Throwable cause) {
    return new TransportException(Kind.NOT_SENT, 0, reason, cause);
  }

  /**
   * @param reason what happened, without secrets
   * @param cause the underlying failure, or {@code null}
   * @return a failure whose request may have reached the server
   */
  public static TransportException maybeSent(String reason, Throwable cause) {
    return new TransportException(Kind.MAYBE_SENT, 0, reason, cause);
  }

  /**
   * @param status the answer's status
   * @param max the bound that was passed
   * @return a failure for an answer over the bound
   */
  public static TransportException answerTooLarge(int status, int max) {
    return new TransportException(Kind.ANSWER_TOO_LARGE, status, "answer body is larger than " + max + " bytes", null);
  }

  /** @return a failure for an answer that did not arrive whole before the deadline */
  public static TransportException deadlineExceeded() {
    return new TransportException(Kind.DEADLINE_EXCEEDED, 0, "no complete answer before the deadline", null);
  }

  /** @return what happened */
  public Kind kind() {
    return kind;
  }

  /** @return the answer's status for {@link Kind#ANSWER_TOO_LARGE}, else 0 */
  public int status() {
    return status;
  }
}
