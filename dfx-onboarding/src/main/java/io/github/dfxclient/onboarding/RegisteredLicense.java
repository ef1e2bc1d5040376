package io.github.dfxclient.onboarding;

import io.github.dfxclient.auths.TokenPair;

/**
 * What registering a license (action 705) answers: the new device's ID and its first pair (a device
 * token and its refresh token: give it to {@code TokenSession.set(TokenKind.DEVICE, pair)}), and the
 * role and user account the license is associated with.
 *
 * <p>Every field is required; IDs are 1 to 128 characters without control characters (a decoded
 * answer that breaks this is refused as unusable). {@link #toString()} masks the pair.
 *
 * @param deviceId the registered device's ID
 * @param pair the device's first pair, a secret
 * @param roleId the role associated with the license
 * @param userId the user account associated with the license
 */
public record RegisteredLicense(String deviceId, TokenPair pair, String roleId, String userId) {

  /**
   * Checks every value.
   *
   * @param deviceId see the record component
   * @param pair see the record component
   * @param roleId see the record component
   * @param userId see the record component
   */
  public RegisteredLicense {
    Inputs.text("deviceId", deviceId, Inputs.MAX_TEXT_LENGTH);
    if (pair == null) {
      throw new IllegalArgumentException("pair must not be null");
    }
    Inputs.text("roleId", roleId, Inputs.MAX_TEXT_LENGTH);
    Inputs.text("userId", userId, Inputs.MAX_TEXT_LENGTH);
  }

  /** @return the IDs, with the pair masked */
  @Override
  public String toString() {
    return "RegisteredLicense[deviceId=" + deviceId + ", pair=" + pair + ", roleId=" + roleId + ", userId="
        + userId + "]";
  }
}
