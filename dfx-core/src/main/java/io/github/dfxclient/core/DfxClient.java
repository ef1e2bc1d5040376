package io.github.dfxclient.core;

import io.github.dfxclient.core.internal.BaseUri;
import io.github.dfxclient.core.internal.Engine;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.spi.DfxTransport;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The call engine over one transport: runs any {@link DfxOperation} the same way (validation,
 * encoding, headers, credentials asked at send time, answer bounds and deadline, the retry policy,
 * failure classification, one DEBUG line per attempt on {@code io.github.dfxclient.auths}, and one
 * fresh token after a 401). The ports ({@code AuthsClient}, {@code AsyncAuthsClient}) are this
 * client with typed methods; the adapter builders make one for you.
 *
 * <p>Thread-safe; share one per base URI. {@link #close()} closes the transport.
 */
public final class DfxClient implements AutoCloseable {
  private final Engine engine;
  private final String description;

  private DfxClient(Engine engine) {
    this.engine = engine;
    this.description = "DfxClient[" + engine.base().uri() + ", " + engine.transport().name()
        + ", requestTimeout=" + engine.requestTimeout() + "]";
  }

  /**
   * @param transport carries the exchanges; closed by {@link #close()}
   * @param settings base URI, credentials, timeouts, retry policy, bounds
   * @return the client
   * @throws IllegalArgumentException naming the setting when one cannot work
   */
  public static DfxClient create(DfxTransport transport, ClientSettings settings) {
    ClientSettings.required("transport", transport);
    ClientSettings.required("settings", settings);
    BaseUri base = BaseUri.of(settings.baseUri(), settings.allowPlainHttp());
    return new DfxClient(new Engine(transport, base, settings.credentials(), settings.requestTimeout(),
        settings.maxAnswerBytes(), settings.retryPolicy()));
  }

  /**
   * Runs one operation, blocking the calling thread.
   *
   * @param operation the operation
   * @param request its request
   * @param <Q> the request type
   * @param <A> the answer type
   * @return the answer
   * @throws IllegalArgumentException before any I/O, for a null or invalid request or token
   * @throws DfxException when the call fails
   */
  public <Q, A> A call(DfxOperation<Q, A> operation, Q request) {
    return engine.call(ClientSettings.required("operation", operation), request);
  }

  /**
   * Runs one operation without blocking: no thread waits for an answer or a backoff.
   *
   * @param operation the operation
   * @param request its request
   * @param <Q> the request type
   * @param <A> the answer type
   * @return the answer, or a future failed with a {@link DfxException}; cancelling it before the
   *     request left sends nothing, and never causes a message operation to be sent again
   * @throws IllegalArgumentException before any I/O, for a null or invalid request
   */
  public <Q, A> CompletableFuture<A> callAsync(DfxOperation<Q, A> operation, Q request) {
    return engine.callAsync(ClientSettings.required("operation", operation), request);
  }

  /** @return the base URI calls go to */
  public URI baseUri() {
    return engine.base().uri();
  }

  /** @return the bound on one attempt, to the last byte of the answer */
  public Duration requestTimeout() {
    return engine.requestTimeout();
  }

  /** Closes the transport (which releases only what it created). */
  @Override
  public void close() {
    engine.transport().close();
  }

  @Override
  public String toString() {
    return description;
  }
}
