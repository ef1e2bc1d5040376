package io.github.dfxclient.auths;

import java.time.Duration;

/**
 * The token set an SSO authorization code was exchanged for: what {@link AuthsPort#ssoToken}
 * answers ({@code POST /auth/v1/sso/token}). Wire: {@code
 * {"idToken","accessToken","refreshToken","expiresIn","tokenType"}}, {@code expiresIn} in whole
 * seconds, as the official JavaScript client 1.0.73 types the answer (every field declared, none
 * optional or nullable; an OAuth 2.0 authorization-code grant answers all five).
 *
 * <p>Every component is required: an answer without one of them, or with {@code null} in it, is a
 * {@link io.github.dfxclient.core.DfxProtocolException} naming the field and the action; no
 * component is ever {@code null}. The three tokens are credentials of 1 to 8192 visible ASCII
 * characters (what an {@code Authorization} header can carry); anything else is refused with an
 * {@link IllegalArgumentException} naming the component. They are secrets: {@link #toString()} shows
 * none of them, and an answer that cannot be used is never quoted in an exception.
 *
 * @param idToken the OpenID Connect ID token ({@code idToken}); a secret
 * @param accessToken the access token ({@code accessToken}); a secret
 * @param refreshToken the refresh token ({@code refreshToken}); a secret
 * @param expiresIn how long the access token is valid from when it was issued ({@code expiresIn},
 *     whole seconds); never negative
 * @param tokenType how to send the access token, e.g. {@code Bearer} ({@code tokenType}), as the
 *     server sent it
 */
public record SsoTokens(String idToken, String accessToken, String refreshToken, Duration expiresIn,
    String tokenType) {

  /**
   * Checks the values; see the class documentation for the rules.
   *
   * @param idToken see the record component
   * @param accessToken see the record component
   * @param refreshToken see the record component
   * @param expiresIn see the record component
   * @param tokenType see the record component
   * @throws IllegalArgumentException naming the component (never its value) when one is {@code null}
   *     or a token is not 1 to 8192 visible ASCII characters, or {@code expiresIn} is negative
   */
  public SsoTokens {
    Fields.token("idToken", idToken);
    Fields.token("accessToken", accessToken);
    Fields.token("refreshToken", refreshToken);
    if (expiresIn == null || expiresIn.isNegative()) {
      throw new IllegalArgumentException("expiresIn must not be null or negative");
    }
    if (tokenType == null) {
      throw new IllegalArgumentException("tokenType must not be null");
    }
  }

  @Override
  public String toString() {
    return "SsoTokens[idToken=***, accessToken=***, refreshToken=***, expiresIn=" + expiresIn
        + ", tokenType=" + tokenType + "]";
  }
}
