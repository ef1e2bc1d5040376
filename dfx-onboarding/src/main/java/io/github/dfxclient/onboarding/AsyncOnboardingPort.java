package io.github.dfxclient.onboarding;

import io.github.dfxclient.auths.TokenPair;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking twin of {@link OnboardingPort}: the same operations, each answering a {@link
 * CompletableFuture}; no thread waits for an answer or a backoff. {@link AsyncOnboardingClient}
 * implements it over any transport.
 */
public interface AsyncOnboardingPort {

  /**
   * Registers a license (action 705); see {@link OnboardingPort#registerLicense}.
   *
   * @param request the license key and the device; not {@code null}
   * @return the device's ID and first pair, or a future failed with a {@code DfxException}
   * @throws IllegalArgumentException before any I/O when {@code request} is {@code null}
   */
  CompletableFuture<RegisteredLicense> registerLicense(RegisterLicenseRequest request);

  /**
   * Logs a user in (action 201) with the device token; see {@link OnboardingPort#login}.
   *
   * @param request the user's e-mail address and password (and MFA token); not {@code null}
   * @return the user's pair, or a future failed with a {@code DfxException}, or with an {@link
   *     IllegalStateException} when the credentials hold no device token (nothing was sent)
   * @throws IllegalArgumentException before any I/O when {@code request} is {@code null}
   */
  CompletableFuture<TokenPair> login(LoginRequest request);
}
