package io.github.dfxclient.core;

/**
 * A {@link DfxCredentials} source could not give a token before the call had to be sent: a renew
 * of the pair was in flight and the call's deadline passed first, or the waiting caller was
 * interrupted. The engine reports it as a {@link DfxTransportException} whose request was not sent
 * ({@code outcomeUnknown() == false}), with this as its cause: nothing reached the server. (A pair
 * that is simply missing is an {@link IllegalStateException} instead.) The message names the pair,
 * never a token.
 */
public final class CredentialsUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was waited for, without secrets
   * @param cause why the wait ended early (an {@link InterruptedException}), or {@code null}
   */
  public CredentialsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
