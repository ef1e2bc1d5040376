package io.github.dfxclient.testkit;

/**
 * A login code or reset link the fake "sent", as recorded in the {@link FakeAuthsBackend#outbox()}.
 * {@link #toString()} hides the recipient.
 *
 * @param kind what was sent
 * @param recipient the phone number (login code, SMS) or e-mail address (reset link, e-mail)
 * @param identifier the organization identifier of the request ({@code null} for action 2302)
 * @param content the login code (six digits) or the reset link
 */
public record SentMessage(Kind kind, String recipient, String identifier, String content) {

  /** What was sent. */
  public enum Kind {
    /** An SMS with a login code (action 2303). */
    LOGIN_CODE,
    /** An e-mail with a password-reset link (action 2300). */
    RESET_PASSWORD_LINK,
    /** A reset message by e-mail (action 2302). */
    RESET_BY_EMAIL,
    /** A reset message by SMS (action 2302). */
    RESET_BY_SMS
  }

  @Override
  public String toString() {
    return "SentMessage[" + kind + " to *** for " + identifier + "]";
  }
}
