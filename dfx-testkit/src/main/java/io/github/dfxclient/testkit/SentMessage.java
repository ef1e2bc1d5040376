package io.github.dfxclient.testkit;

/**
 * A login code or reset link the fake "sent", as recorded in the {@link FakeAuthsBackend#outbox()}.
 * {@link #toString()} hides the recipient.
 *
 * @param kind what was sent
 * @param recipient the phone number (login code) or e-mail address (reset link)
 * @param identifier the organization identifier of the request
 * @param content the login code (six digits) or the reset link
 */
public record SentMessage(Kind kind, String recipient, String identifier, String content) {

  /** What was sent. */
  public enum Kind {
    /** An SMS with a login code (action 2303). */
    LOGIN_CODE,
    /** An e-mail with a password-reset link (action 2300). */
    RESET_PASSWORD_LINK
  }

  @Override
  public String toString() {
    return "SentMessage[" + kind + " to *** for " + identifier + "]";
  }
}
