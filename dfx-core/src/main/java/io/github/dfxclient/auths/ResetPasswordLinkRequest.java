package io.github.dfxclient.auths;

/**
 * Asks DFX to e-mail a password-reset link (action 2300).
 *
 * <p>Rules, checked here before any I/O: {@code email} has at most 254 characters, exactly one
 * {@code '@'} after a local part of 1 to 64 characters, a domain with a dot, and no white space or
 * control characters (non-ASCII is allowed); {@code identifier} is the organization identifier, 1
 * to 128 characters without control or invisible characters and without surrounding white space.
 * A broken rule is an {@link IllegalArgumentException} naming the field; the value is never echoed.
 * {@link #toString()} hides the e-mail address.
 *
 * @param email the user's e-mail address
 * @param identifier the organization identifier
 */
public record ResetPasswordLinkRequest(String email, String identifier) {

  /**
   * Checks both values; see the class documentation for the rules.
   *
   * @param email see the record component
   * @param identifier see the record component
   */
  public ResetPasswordLinkRequest {
    Fields.email("email", email);
    Fields.identifier("identifier", identifier);
  }

  @Override
  public String toString() {
    return "ResetPasswordLinkRequest[email=***, identifier=" + identifier + "]";
  }
}
