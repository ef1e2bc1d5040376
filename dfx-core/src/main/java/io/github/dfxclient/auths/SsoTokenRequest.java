package io.github.dfxclient.auths;

/**
 * Exchanges a one-time SSO authorization code (the {@code code} the organization's identity provider
 * handed to the redirect URI) for a token set: the request of {@link AuthsPort#ssoToken} ({@code POST
 * /auth/v1/sso/token}, an operation without an action ID). Wire: {@code
 * {"redirectURL","orgIdentifier","code"}}, as the official JavaScript client 1.0.73 sends it.
 *
 * <p>Rules, checked here before any I/O: {@code redirectUrl} is the absolute URI the code was sent
 * to (the same as in the authorization request: OAuth compares them), 1 to 2048 visible ASCII
 * characters with a scheme; {@code orgIdentifier} is the organization identifier, 1 to 128 characters
 * without control or invisible characters and without surrounding white space; {@code code} is 1 to
 * 8192 visible ASCII characters. A broken rule is an {@link IllegalArgumentException} naming the
 * field; the value is never echoed. The code is a secret (it can be exchanged for tokens once):
 * {@link #toString()} masks it, and it is redacted from every exception message of the call.
 *
 * @param redirectUrl the redirect URI the code was issued for ({@code redirectURL})
 * @param orgIdentifier the organization identifier ({@code orgIdentifier})
 * @param code the one-time authorization code ({@code code}); a secret
 */
public record SsoTokenRequest(String redirectUrl, String orgIdentifier, String code) {

  /**
   * Checks the three values; see the class documentation for the rules.
   *
   * @param redirectUrl see the record component
   * @param orgIdentifier see the record component
   * @param code see the record component
   * @throws IllegalArgumentException naming the field (never its value) when a rule is broken
   */
  public SsoTokenRequest {
    Fields.absoluteUri("redirectUrl", redirectUrl);
    Fields.identifier("orgIdentifier", orgIdentifier);
    Fields.token("code", code);
  }

  @Override
  public String toString() {
    return "SsoTokenRequest[redirectUrl=" + redirectUrl + ", orgIdentifier=" + orgIdentifier + ", code=***]";
  }
}
