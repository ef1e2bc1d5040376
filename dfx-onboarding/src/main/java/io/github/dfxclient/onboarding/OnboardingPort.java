package io.github.dfxclient.onboarding;

import io.github.dfxclient.auths.TokenPair;

/**
 * Where a DFX session's first pairs come from: register a license (the device pair), then log users
 * in (a pair per user). {@link OnboardingClient} implements it over any transport; {@link
 * AsyncOnboardingPort} is the non-blocking twin.
 *
 * <p>Both operations fail with a {@code DfxException} when the call fails: {@code DfxApiException}
 * for an error answer (e.g. an unknown license key or a wrong password), {@code
 * DfxTransportException} when no answer arrived; after {@code outcomeUnknown()} neither is sent
 * again (see {@link OnboardingOperations}).
 */
public interface OnboardingPort {

  /**
   * Registers a license (action 705): exchanges its key for a new device and the device's first pair.
   * Sent without a bearer token.
   *
   * @param request the license key and the device; not {@code null}
   * @return the device's ID and first pair, and the license's role and user IDs
   * @throws IllegalArgumentException before any I/O when {@code request} is {@code null}
   * @throws io.github.dfxclient.core.DfxException when the call fails
   */
  RegisteredLicense registerLicense(RegisterLicenseRequest request);

  /**
   * Logs a user in (action 201) with the device token, for the user's first pair.
   *
   * @param request the user's e-mail address and password (and MFA token); not {@code null}
   * @return the user's pair
   * @throws IllegalArgumentException before any I/O when {@code request} is {@code null}
   * @throws IllegalStateException before any I/O when the credentials hold no device token
   * @throws io.github.dfxclient.core.DfxException when the call fails
   */
  TokenPair login(LoginRequest request);
}
