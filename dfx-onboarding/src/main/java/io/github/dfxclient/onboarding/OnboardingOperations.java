package io.github.dfxclient.onboarding;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxOperation;
import java.util.List;

/**
 * The two operations that start a DFX session, each described once: what {@link OnboardingClient}
 * and {@link AsyncOnboardingClient} run, and what the fakes ({@code
 * io.github.dfxclient.onboarding.testing.FakeOnboarding}) route and decode with. Both are defined
 * with dfx-core's public API only ({@link DfxOperation#builder(int, String, String)} and the codec
 * layer); the action IDs number the same operations on DFX's WebSocket API.
 *
 * <p>Neither is sent again after the server may have acted on it (a reset or timeout after sending,
 * a 500, 502 or 504): the call fails with {@code DfxTransportException.outcomeUnknown()} (or the
 * {@code DfxApiException} of the 5xx) after exactly one request. A request that surely did not
 * leave (connect refused, connect timeout) and a 429 or 503 are retried as for every operation.
 */
public final class OnboardingOperations {
  private OnboardingOperations() {}

  /**
   * 705 {@code POST /organizations/licenses}: exchange a license key for a device and its first pair.
   * Sent without {@code Authorization} header. Never sent again once it may have arrived: a
   * registration creates a device and takes one of the license's limited device seats, so a second
   * one could use up a seat for a device nobody holds. Its answer is a secret (a pair).
   */
  public static final DfxOperation<RegisterLicenseRequest, RegisteredLicense> REGISTER_LICENSE =
      DfxOperation.<RegisterLicenseRequest, RegisteredLicense>builder(705, "POST", "/organizations/licenses")
          .requestBody(OnboardingCodecs.REGISTER_LICENSE_REQUEST)
          .answer(OnboardingCodecs.REGISTERED_LICENSE)
          .credential(Credential.NONE)
          .resendAfterMaybeActed(false)
          .secretAnswer()
          .build();

  /**
   * 201 {@code POST /users/auth}: log a user in with e-mail and password (and MFA token), sent with
   * the device token; answers the user's first pair (a secret). A 401 means the device token was
   * refused: the credentials are asked for a fresh one once, as for every operation.
   *
   * <p>Never sent again once it may have arrived. Safety cannot be shown: a login may have started
   * a server-side session, the one-time MFA code may be spent (a second send would be refused and
   * hide the first one's success), and login attempts may count towards a lockout. After {@code
   * outcomeUnknown()} the application decides (usually: ask the user to sign in again).
   */
  public static final DfxOperation<LoginRequest, TokenPair> LOGIN =
      DfxOperation.<LoginRequest, TokenPair>builder(201, "POST", "/users/auth")
          .requestBody(OnboardingCodecs.LOGIN_REQUEST)
          .answer(OnboardingCodecs.TOKEN_PAIR)
          .credential(Credential.DEVICE)
          .resendAfterMaybeActed(false)
          .secretAnswer()
          .build();

  /** @return both onboarding operations */
  public static List<DfxOperation<?, ?>> all() {
    return List.of(REGISTER_LICENSE, LOGIN);
  }
}
