package io.github.dfxclient.auths;

/**
 * Asks DFX to send a reset message to a user's e-mail address or phone (action 2302).
 *
 * <p>Rules, checked here before any I/O: at least one of the two is given; {@code email}, when
 * given, is an e-mail address ({@code local@domain.tld}, at most 254 characters, no white space);
 * {@code phoneNumber}, when given, is an E.164 number (an optional {@code '+'}, a first digit 1-9,
 * 6 to 15 digits in all). A broken rule is an {@link IllegalArgumentException} naming the field; the
 * value is never echoed. {@link #toString()} hides both.
 *
 * @param email the user's e-mail address, or {@code null}
 * @param phoneNumber the user's phone number, or {@code null}
 */
public record ResetMobileRequest(String email, String phoneNumber) {

  /**
   * Checks the values; see the class documentation for the rules.
   *
   * @param email see the record component
   * @param phoneNumber see the record component
   */
  public ResetMobileRequest {
    if (email == null && phoneNumber == null) {
      throw new IllegalArgumentException("email or phoneNumber must be given (both are null)");
    }
    if (email != null) {
      Fields.email("email", email);
    }
    if (phoneNumber != null) {
      Fields.phoneNumber("phoneNumber", phoneNumber);
    }
  }

  @Override
  public String toString() {
    return "ResetMobileRequest[email=" + (email == null ? "none" : "***") + ", phoneNumber="
        + (phoneNumber == null ? "none" : "***") + "]";
  }
}
