package io.github.dfxclient.testkit;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.ClientSettings;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An in-memory {@link AuthsPort} with the server's semantics (those of {@link FakeAuthsBackend}) and
 * the client's: it is dfx-core's real engine over an in-memory transport, so requests are encoded,
 * headers formed, answers decoded, retried and classified exactly as through the HTTP adapters; a
 * test written against it holds against them. Thread-safe.
 *
 * <pre>{@code
 * FakeAuths auths = new FakeAuths();
 * TokenPair device = auths.backend().issuePair("device-1");
 * TokenPair next = auths.renew(device);                      // rotates
 * auths.renew(device);                                       // DfxApiException 401 INVALID_REFRESH_TOKEN
 * }</pre>
 */
public final class FakeAuths extends AuthsClient {
  /** The subject of the device pair {@link #FakeAuths()} registers. */
  public static final String DEVICE = "device";

  private final FakeAuthsBackend backend;

  /**
   * A fake with a new backend that has registered a device: {@link #devicePair()} is its current
   * pair, and its access token is the bearer token of every call (after a renew of the device
   * pair, the new one). Retry policy: the default, with a 10 ms backoff.
   */
  public FakeAuths() {
    this(new FakeAuthsBackend());
  }

  private FakeAuths(FakeAuthsBackend backend) {
    this(backend, () -> backend.currentPair(DEVICE).map(TokenPair::token).orElse(null),
        Duration.ofSeconds(15), DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build());
    backend.issuePair(DEVICE);
  }

  /**
   * @param backend the state to talk to
   * @param bearerToken the {@code Authorization: Bearer} supplier; {@code null} for none (then, as
   *     through the adapters, every operation that needs a token fails before any I/O with an
   *     {@link IllegalStateException}; a renew is sent without the header)
   * @param requestTimeout answers held back longer than this surface as a timeout
   * @param retryPolicy the retry policy, as an adapter would use it
   */
  public FakeAuths(FakeAuthsBackend backend, Supplier<String> bearerToken, Duration requestTimeout,
      DfxRetryPolicy retryPolicy) {
    this(backend, settings(bearerToken, requestTimeout, retryPolicy));
  }

  /**
   * @param backend the state to talk to
   * @param settings credentials, request timeout, retry policy (the base URI is not used)
   */
  public FakeAuths(FakeAuthsBackend backend, ClientSettings settings) {
    super(DfxClient.create(new FakeTransport(ClientSettings.required("backend", backend)),
        ClientSettings.required("settings", settings).baseUri(IN_MEMORY)));
    this.backend = backend;
  }

  private static final URI IN_MEMORY = URI.create("http://fake-dfx.localhost");

  private static ClientSettings settings(Supplier<String> bearerToken, Duration requestTimeout,
      DfxRetryPolicy retryPolicy) {
    if (requestTimeout == null || retryPolicy == null) {
      throw new IllegalArgumentException("backend, requestTimeout and retryPolicy are required");
    }
    return new ClientSettings().bearerToken(bearerToken).requestTimeout(requestTimeout).retryPolicy(retryPolicy);
  }

  /** @return the non-blocking port over the same in-memory engine and backend */
  public AsyncAuthsClient async() {
    return new AsyncAuthsClient(client());
  }

  /** @return the current device pair registered by {@link #FakeAuths()}, if any */
  public TokenPair devicePair() {
    return backend.currentPair(DEVICE).orElseThrow(() -> new IllegalStateException("no current device pair"));
  }

  /** @return the state behind this fake: issue pairs, script failures, read the outbox */
  public FakeAuthsBackend backend() {
    return backend;
  }

  @Override
  public String toString() {
    return "FakeAuths[in memory]";
  }
}
