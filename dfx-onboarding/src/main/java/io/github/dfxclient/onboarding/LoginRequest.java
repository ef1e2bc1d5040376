package io.github.dfxclient.onboarding;

import java.time.Duration;

/**
 * What a user login (action 201) sends: the user's e-mail address and password, and the one-time
 * MFA token when the user has multi-factor authentication enabled. It is sent with the device token;
 * the server answers with the user's first pair.
 *
 * <p>Input rules, checked here so that a bad value is refused before any I/O with an {@link
 * IllegalArgumentException} naming the field (never its value):
 * <ul>
 *   <li>{@code email}: at most 254 characters, {@code local@domain.tld}, no white space.
 *   <li>{@code password}: 1 to 1024 characters, not only white space, no control or invisible
 *       character; anything else (spaces included) is the server's to judge.
 *   <li>{@code mfaToken}: {@code null} (no MFA), or 1 to 64 visible ASCII characters.
 *   <li>{@code tokenExpiresIn}: {@code null} (the server's default), or 1 s to 3650 days in whole
 *       seconds; the server may shorten it.
 * </ul>
 *
 * <p>E-mail, password and MFA token are secrets: {@link #toString()} never shows them.
 *
 * @param email the user's e-mail address, a secret
 * @param password the user's password, a secret
 * @param mfaToken the one-time MFA code, a secret; {@code null} when the user has no MFA
 * @param tokenExpiresIn the user token's lifetime to ask for, or {@code null}
 */
public record LoginRequest(String email, String password, String mfaToken, Duration tokenExpiresIn) {

  /**
   * Checks every value; see the class documentation for the rules.
   *
   * @param email see the record component
   * @param password see the record component
   * @param mfaToken see the record component
   * @param tokenExpiresIn see the record component
   */
  public LoginRequest {
    Inputs.email("email", email);
    Inputs.password("password", password);
    if (mfaToken != null) {
      Inputs.opaque("mfaToken", mfaToken, Inputs.MAX_MFA_TOKEN_LENGTH);
    }
    Inputs.lifetime("tokenExpiresIn", tokenExpiresIn);
  }

  /**
   * A login without MFA token, with the server's default token lifetime.
   *
   * @param email the user's e-mail address
   * @param password the user's password
   * @throws IllegalArgumentException naming the field when a value breaks its rule
   */
  public LoginRequest(String email, String password) {
    this(email, password, null, null);
  }

  /** @return the fields with e-mail, password and MFA token masked */
  @Override
  public String toString() {
    return "LoginRequest[email=***, password=***, mfaToken=" + (mfaToken == null ? "null" : "***")
        + ", tokenExpiresIn=" + tokenExpiresIn + "]";
  }
}
