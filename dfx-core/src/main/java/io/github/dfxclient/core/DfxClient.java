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
 * fresh token after a 401), and calls the {@link DfxCallListener}s of its settings around every
 * call and attempt. The ports ({@code AuthsClient}, {@code AsyncAuthsClient}) are this
 * client with typed methods; the adapter builders make one for you.
 *
 * <p>An operation that needs a device or user token ({@link DfxOperation#credential()}) while the
 * credentials hold none (no credentials configured, or a source that answers {@code null} or a
 * blank token) fails with an {@link IllegalStateException} naming the credential, and nothing is
 * sent: such a request could only earn a 401. An exception thrown by the credentials source itself
 * (e.g. a token session without a pair for a principal) surfaces unchanged. A renew carries its own
 * pair and is sent without an {@code Authorization} header when no device token is held.
 *
 * <p>Many users, one client: {@link #withCredentials(DfxCredentials)} returns a cheap view with other
 * credentials over the same transport, engine state and retry policy (gRPC's {@code
 * withCallCredentials} is the model).
 *
 * <p>Thread-safe; share one per base URI. {@link #close()} closes the transport; closing a view
 * closes nothing.
 */
public final class DfxClient implements AutoCloseable {
  private final Engine engine;
  private final boolean ownsTransport;
  private final String description;

  private DfxClient(Engine engine, boolean ownsTransport) {
    this.engine = engine;
    this.ownsTransport = ownsTransport;
    this.description = "DfxClient[" + engine.base().uri() + ", " + engine.transport().name()
        + ", requestTimeout=" + engine.requestTimeout() + (ownsTransport ? "" : ", view") + "]";
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
        settings.maxAnswerBytes(), settings.retryPolicy(), settings.listeners()), true);
  }

  /**
   * A view of this client that sends the tokens of {@code credentials} instead of this client's:
   * the one way to serve many users (or devices) from one transport. The view shares this client's
   * transport (its connections and threads), base URI, timeouts, answer bound, listeners, retry policy (its
   * Resilience4j {@code Retry} instances, hence its metrics) and caches; it costs one small object.
   * Closing the view closes nothing; closing this client (the original) closes the transport under
   * every view, after which their calls fail as the transport fails once closed.
   *
   * <pre>{@code
   * DfxClient alice = client.withCredentials(session.credentials("alice"));
   * }</pre>
   *
   * @param credentials the token source of the view's calls, asked per attempt (e.g. {@code
   *     TokenSession.credentials("alice")}); not {@code null}
   * @return the view; a view of a view is a view of the original (the same transport owner)
   * @throws IllegalArgumentException when {@code credentials} is {@code null}
   */
  public DfxClient withCredentials(DfxCredentials credentials) {
    return new DfxClient(engine.withCredentials(ClientSettings.required("credentials", credentials)), false);
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
   * @throws IllegalStateException before any I/O, when the operation needs a device or user token
   *     and the credentials hold none; or as the credentials source threw it
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
   * @return the answer, or a future failed with a {@link DfxException}, or with an {@link
   *     IllegalStateException} before any I/O when the operation needs a device or user token and
   *     the credentials hold none (or with what the credentials source failed with); cancelling it
   *     before the request left sends nothing, and never causes a message operation to be sent again
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

  /**
   * Closes the transport (which releases only what it created), when this is the client {@link
   * #create} made; on a view from {@link #withCredentials} it does nothing: the original owns the
   * transport.
   */
  @Override
  public void close() {
    if (ownsTransport) {
      engine.transport().close();
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
