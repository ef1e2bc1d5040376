package io.github.dfxclient.onboarding;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsyncOnboardingPort} over a {@link DfxClient}: each method is its operation from {@link
 * OnboardingOperations}, run by the engine's non-blocking path, over any transport. Thread-safe; it
 * does not own the {@link DfxClient} (whoever created it closes it).
 */
public final class AsyncOnboardingClient implements AsyncOnboardingPort {
  private final DfxClient client;

  /**
   * @param client the engine to run the operations on (e.g. {@code AsyncAuthsClient.client()})
   * @throws IllegalArgumentException when {@code client} is {@code null}
   */
  public AsyncOnboardingClient(DfxClient client) {
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
   * A view of this port whose calls send the tokens of {@code credentials}, over the same transport,
   * engine state and retry policy.
   *
   * @param credentials the view's token source, asked per attempt; not {@code null}
   * @return the view
   * @throws IllegalArgumentException when {@code credentials} is {@code null}
   */
  public AsyncOnboardingClient withCredentials(DfxCredentials credentials) {
    return new AsyncOnboardingClient(client.withCredentials(credentials));
  }

  @Override
  public CompletableFuture<RegisteredLicense> registerLicense(RegisterLicenseRequest request) {
    return client.callAsync(OnboardingOperations.REGISTER_LICENSE, request);
  }

  @Override
  public CompletableFuture<TokenPair> login(LoginRequest request) {
    return client.callAsync(OnboardingOperations.LOGIN, request);
  }

  @Override
  public String toString() {
    return "AsyncOnboardingClient[" + client.baseUri() + ", requestTimeout=" + client.requestTimeout() + "]";
  }
}
