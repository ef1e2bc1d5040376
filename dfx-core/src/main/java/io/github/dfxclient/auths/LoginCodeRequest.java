package io.github.dfxclient.auths;

/**
 * Asks DFX to send a one-time login code by SMS (action 2303).
 *
 * <p>Rules, checked here before any I/O: {@code phoneNumber} is an E.164 number, an optional
 * {@code '+'} followed by 6 to 15 digits and nothing else (no spaces or dashes); {@code identifier}
 * is the organization identifier, 1 to 128 characters without control or invisible characters and
 * without surrounding white space. A broken rule is an {@link IllegalArgumentException} naming the
 * field; the value is never echoed. {@link #toString()} hides the phone number.
 *
 * @param phoneNumber the user's phone number
 * @param identifier the organization identifier
 */
public record LoginCodeRequest(String phoneNumber, String identifier) {

  /**
   * Checks both values; see the class documentation for the rules.
   *
   * @param phoneNumber see the record component
   * @param identifier see the record component
   */
  public LoginCodeRequest {
    Fields.phoneNumber("phoneNumber", phoneNumber);
    Fields.identifier("identifier", identifier);
  }

  @Override
  public String toString() {
    return "LoginCodeRequest[phoneNumber=***, identifier=" + identifier + "]";
  }
}
