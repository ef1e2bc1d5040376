package io.github.dfxclient.core;

import java.util.Optional;

/**
 * The catalogue of DFX endpoints this library calls, with their action IDs. The action IDs also
 * number the same operations on the DFX WebSocket API.
 */
public enum DfxEndpoint {
  /** Renew a token pair. */
  RENEW(2304, "POST", "/auths/renew", true),
  /** Send a login code by SMS. */
  REQUEST_LOGIN_CODE(2303, "PATCH", "/auths/users/code", false),
  /** E-mail a password-reset link. */
  REQUEST_RESET_PASSWORD_LINK(2300, "PATCH", "/auths/users/reset", false),
  /** Send a reset message to an e-mail address or phone. */
  SEND_RESET_MOBILE(2302, "PATCH", "/auths/users/reset/mobile", false),
  /** Generate a general token for a pair. */
  GENERATE_TOKEN(2305, "POST", "/auths/generateToken", false),
  /** An organization's client credentials (sign-in settings); {@link #path()} holds {@code {orgId}}. */
  ORG_CLIENT_CREDENTIALS(2306, "GET", "/auths/organization/credentials/{orgId}", true);

  private final int actionId;
  private final String method;
  private final String path;
  private final boolean resendAfterMaybeActed;

  DfxEndpoint(int actionId, String method, String path, boolean resendAfterMaybeActed) {
    this.actionId = actionId;
    this.method = method;
    this.path = path;
    this.resendAfterMaybeActed = resendAfterMaybeActed;
  }

  /** The row of the "did the server act?" table: may it be sent again after it may have arrived. */
  boolean resendAfterMaybeActed() {
    return resendAfterMaybeActed;
  }

  /** The suffix of its Resilience4j {@code Retry} name, e.g. {@code request-login-code}. */
  String retryName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** @return the DFX action ID, e.g. 2304 */
  public int actionId() {
    return actionId;
  }

  /** @return the HTTP method */
  public String method() {
    return method;
  }

  /** @return the path below the API's base URI, starting with {@code /} */
  public String path() {
    return path;
  }

  /**
   * @param actionId a DFX action ID
   * @return the endpoint with that ID, if it is one of this catalogue
   */
  public static Optional<DfxEndpoint> forActionId(int actionId) {
    for (DfxEndpoint e : values()) {
      if (e.actionId == actionId) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** @return e.g. {@code "2304 POST /auths/renew"} */
  @Override
  public String toString() {
    return actionId + " " + method + " " + path;
  }
}
