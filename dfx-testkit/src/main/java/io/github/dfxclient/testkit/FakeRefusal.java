package io.github.dfxclient.testkit;

/**
 * Thrown by a {@link FakeHandler} to answer with an error: the status and a {@code {"Code",
 * "Message"}} body, as the DFX server writes errors.
 */
public final class FakeRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** The error code. */
  private final String code;

  /**
   * @param status the HTTP status, 400..599
   * @param code the error code, e.g. {@code NOT_FOUND}
   * @param message the error message (never put a secret here: clients may show it)
   */
  public FakeRefusal(int status, String code, String message) {
    super(message, null, false, false);
    if (status < 400 || status > 599 || code == null || code.isBlank()) {
      throw new IllegalArgumentException("status must be 400..599 and code must not be blank");
    }
    this.status = status;
    this.code = code;
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return the error code */
  public String code() {
    return code;
  }
}
