package io.github.dfxclient.onboarding;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;

/**
 * {@link OnboardingPort} over a {@link DfxClient}: each method is its operation from {@link
 * OnboardingOperations}, run by dfx-core's engine, so it works over any transport (the JDK
 * HttpClient, Feign, the testkit's in-memory fake). Use the client of the port you already have:
 *
 * <pre>{@code
 * JdkAuthsAdapter auths = JdkAuthsAdapter.builder().build();
 * OnboardingClient onboarding = new OnboardingClient(auths.client());            // same transport
 * RegisteredLicense device = onboarding.registerLicense(registration);           // no token needed
 * session.set(TokenKind.DEVICE, device.pair());
 * TokenPair alice = onboarding.withCredentials(session.credentials()).login(login); // device token
 * }</pre>
 *
 * <p>Thread-safe. It does not own the {@link DfxClient}: whoever created that closes it (closing the
 * adapter above closes its transport).
 */
public final class OnboardingClient implements OnboardingPort {
  private final DfxClient client;

  /**
   * @param client the engine to run the operations on (e.g. {@code JdkAuthsAdapter.client()})
   * @throws IllegalArgumentException when {@code client} is {@code null}
   */
  public OnboardingClient(DfxClient client) {
    if (client == null) {
      throw new IllegalArgumentException("client must not be null");
    }
    this.client = client;
  }

  /** @return the engine under this port */
  public DfxClient client() {
    return client;
  }

  /**
   * A view of this port whose calls send the tokens of {@code credentials} (for {@link #login}: the
   * device token), over the same transport, engine state and retry policy.
   *
   * @param credentials the view's token source, asked per attempt (e.g. {@code
   *     TokenSession.credentials()}); not {@code null}
   * @return the view
   * @throws IllegalArgumentException when {@code credentials} is {@code null}
   */
  public OnboardingClient withCredentials(DfxCredentials credentials) {
    return new OnboardingClient(client.withCredentials(credentials));
  }

  @Override
  public RegisteredLicense registerLicense(RegisterLicenseRequest request) {
    return client.call(OnboardingOperations.REGISTER_LICENSE, request);
  }

  @Override
  public TokenPair login(LoginRequest request) {
    return client.call(OnboardingOperations.LOGIN, request);
  }

  @Override
  public String toString() {
    return "OnboardingClient[" + client.baseUri() + ", requestTimeout=" + client.requestTimeout() + "]";
  }
}
