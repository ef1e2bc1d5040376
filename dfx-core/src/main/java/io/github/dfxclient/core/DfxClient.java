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
 * call and attempt. The ports ({@code AuthsClient}, {@code AsyncAuthsClient}) are this client with
 * typed methods; {@link #builder()} (over any transport) and the adapter builders make one for you.
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
 * <p>Made with {@link #builder()} over a transport the application made (and closes), or with {@link
 * #create} by a module that made the transport and hands its ownership over.
 *
 * <p>Thread-safe; share one per base URI. {@link #close()} closes the transport only when the client
 * owns it ({@link #create}); closing a view, or a client from {@link #builder()}, closes nothing.
 */
public final class DfxClient implements AutoCloseable {
  private final Engine engine;
  private final boolean ownsTransport;
  private final String description;

  private DfxClient(Engine engine, boolean ownsTransport) {
    this(engine, ownsTransport, false);
  }

  private DfxClient(Engine engine, boolean ownsTransport, boolean view) {
    this.engine = engine;
    this.ownsTransport = ownsTransport;
    this.description = "DfxClient[" + engine.base().uri() + ", " + engine.transport().name()
        + ", requestTimeout=" + engine.requestTimeout() + (view ? ", view" : "") + "]";
  }

  /**
   * A client that <em>owns</em> {@code transport}: {@link #close()} closes it. This is how a module
   * that created the transport itself wires a client (the adapter builders do); an application that
   * passes its own transport uses {@link #builder()}, whose client never closes it.
   *
   * @param transport carries the exchanges; closed by {@link #close()}
   * @param settings base URI, credentials, timeouts, retry policy, bounds
   * @return the client
   * @throws IllegalArgumentException naming the setting when one cannot work
   */
  public static DfxClient create(DfxTransport transport, ClientSettings settings) {
    return create(transport, settings, true);
  }

  private static DfxClient create(DfxTransport transport, ClientSettings settings, boolean ownsTransport) {
    ClientSettings.required("transport", transport);
    ClientSettings.required("settings", settings);
    BaseUri base = BaseUri.of(settings.baseUri(), settings.allowPlainHttp());
    return new DfxClient(new Engine(transport, base, settings.credentials(), settings.requestTimeout(),
        settings.maxAnswerBytes(), settings.retryPolicy(), settings.listeners()), ownsTransport);
  }

  /**
   * A client over any transport, for any operation: the one way an application wires a client over
   * a transport it made (for the Auths resource, {@code new AuthsClient(client)} and {@code new
   * AsyncAuthsClient(client)} over it), and what the clients of resources outside dfx-core run on.
   *
   * <pre>{@code
   * try (DfxTransport transport = JdkHttpTransport.builder().build();
   *      DfxClient client = DfxClient.builder().transport(transport).credentials(session.credentials()).build()) {
   *   Status status = client.call(STATUS);
   * }
   * }</pre>
   *
   * <p>The client never closes the transport it was given: whoever made the transport closes it,
   * after the clients over it are done.
   *
   * @return a builder with production defaults ({@link ClientSettings})
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link DfxClient} over a transport the application made (and closes). Each setting
   * checks its value at once and throws an {@link IllegalArgumentException} naming it; the defaults
   * are {@link ClientSettings}'.
   */
  public static final class Builder {
    private final ClientSettings settings = new ClientSettings();
    private DfxTransport transport;

    private Builder() {}

    /**
     * @param transport carries the exchanges (e.g. {@code JdkHttpTransport.builder().build()});
     *     required; never closed by the client
     * @return this
     */
    public Builder transport(DfxTransport transport) {
      this.transport = ClientSettings.required("transport", transport);
      return this;
    }

    /**
     * @param baseUri the API's base URI; default {@code https://api.deepaffex.ai}
     * @return this
     */
    public Builder baseUri(URI baseUri) {
      settings.baseUri(baseUri);
      return this;
    }

    /**
     * @param baseUri the base URI as text, parsed as {@link ClientSettings#baseUri(String)} does
     * @return this
     * @throws IllegalArgumentException naming {@code baseUri} when the text is not such a URI
     */
    public Builder baseUri(String baseUri) {
      settings.baseUri(baseUri);
      return this;
    }

    /**
     * @param credentials the source of device and user tokens, asked per attempt (e.g. {@code
     *     TokenSession.credentials()}); not {@code null}
     * @return this
     */
    public Builder credentials(DfxCredentials credentials) {
      settings.credentials(ClientSettings.required("credentials", credentials));
      return this;
    }

    /**
     * @param bearerToken asked once per attempt for the bearer token of every operation that needs
     *     one (a fixed token); replaces {@link #credentials}
     * @return this
     */
    public Builder bearerToken(java.util.function.Supplier<String> bearerToken) {
      settings.bearerToken(ClientSettings.required("bearerToken", bearerToken));
      return this;
    }

    /**
     * @param requestTimeout bound on one attempt, from sending to the last byte of the answer; 1 ms
     *     to 1 h, default 15 s
     * @return this
     */
    public Builder requestTimeout(Duration requestTimeout) {
      settings.requestTimeout(requestTimeout);
      return this;
    }

    /**
     * @param retryPolicy the retry policy; default {@link DfxRetryPolicy#defaults()}
     * @return this
     */
    public Builder retryPolicy(DfxRetryPolicy retryPolicy) {
      settings.retryPolicy(retryPolicy);
      return this;
    }

    /**
     * @param allow accept a plain {@code http://} base URI to a non-loopback host; default false
     * @return this
     */
    public Builder allowPlainHttp(boolean allow) {
      settings.allowPlainHttp(allow);
      return this;
    }

    /**
     * @param maxAnswerBytes bound on an answer body, 1 KiB to 16 MiB; default 64 KiB
     * @return this
     */
    public Builder maxAnswerBytes(int maxAnswerBytes) {
      settings.maxAnswerBytes(maxAnswerBytes);
      return this;
    }

    /**
     * @param listener told before and after every call and attempt (it may veto a call before any
     *     I/O by throwing); several may be added, called in order; not {@code null}
     * @return this
     */
    public Builder listener(DfxCallListener listener) {
      settings.listener(listener);
      return this;
    }

    /**
     * @return the client; its {@link DfxClient#close()} does not close the transport
     * @throws IllegalArgumentException when no transport was set, or the settings cannot work
     *     together (a plain {@code http://} base URI to a non-loopback host)
     */
    public DfxClient build() {
      return create(transport, settings, false);
    }
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
    return new DfxClient(engine.withCredentials(ClientSettings.required("credentials", credentials)), false, true);
  }

  /**
   * Runs one operation, blocking the calling thread.
   *
   * @param operation the operation
   * @param request its request; {@code null} only for an operation that {@linkplain
   *     DfxOperation#takesRequest() takes none}
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
   * Runs an operation that takes no request (a plain {@code GET} without path parameters: {@link
   * DfxOperation#takesRequest()} is false), blocking the calling thread.
   *
   * @param operation the operation
   * @param <A> the answer type
   * @return the answer
   * @throws IllegalArgumentException before any I/O, when the operation takes a request
   * @throws IllegalStateException before any I/O, when the operation needs a device or user token
   *     and the credentials hold none; or as the credentials source threw it
   * @throws DfxException when the call fails
   */
  public <A> A call(DfxOperation<Void, A> operation) {
    return engine.call(ClientSettings.required("operation", operation), null);
  }

  /**
   * Runs an operation that takes no request without blocking, as {@link #callAsync(DfxOperation,
   * Object)} does.
   *
   * @param operation the operation
   * @param <A> the answer type
   * @return the answer, or a future failed as {@link #callAsync(DfxOperation, Object)}'s
   * @throws IllegalArgumentException before any I/O, when the operation takes a request
   */
  public <A> CompletableFuture<A> callAsync(DfxOperation<Void, A> operation) {
    return engine.callAsync(ClientSettings.required("operation", operation), null);
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
   * Closes the transport (which releases only what it created) when this client owns it: the client
   * {@link #create} made. A client from {@link #builder()} was given its transport and never closes
   * it; on a view from {@link #withCredentials} it does nothing either.
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
