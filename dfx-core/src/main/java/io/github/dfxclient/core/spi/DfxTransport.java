package io.github.dfxclient.core.spi;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Carries one exchange for the engine. An HTTP transport sends the request exactly as given
 * (method, URI, headers, body) and returns the answer exactly as received; it applies no rule of any
 * operation. The request also carries the operation's identity ({@link DfxHttpRequest#operation()},
 * {@link DfxHttpRequest#pathParameters()}, {@link DfxHttpRequest#query()}), which a transport that
 * is not HTTP frames instead of a URI, and which an HTTP transport ignores.
 *
 * <h2>What a transport must do</h2>
 * <ul>
 *   <li>Send {@link DfxHttpRequest#method()} to {@link DfxHttpRequest#uri()} with exactly the given
 *       headers and body (no body when {@link DfxHttpRequest#body()} is {@code null}); never follow
 *       a redirect (return the 3xx as it is); never retry on its own (the engine's retry policy
 *       decides, and it knows which operations may be sent again).
 *   <li>Return the <em>whole</em> body, at most {@link DfxHttpRequest#maxAnswerBytes()} bytes, no
 *       later than {@link DfxHttpRequest#deadlineNanos()}; otherwise throw {@link
 *       TransportException#answerTooLarge} or {@link TransportException#deadlineExceeded}. {@link
 *       Bodies} reads a stream that way.
 *   <li>Tell whether the request may have left the machine when it fails: throw {@link
 *       TransportException#notSent} when it surely did not (connect refused, unknown host, connect
 *       timeout, TLS handshake failure, interrupted before sending). Any other {@link IOException}
 *       is classified by the engine from its cause chain ({@code ConnectException}, {@code
 *       UnknownHostException}, {@code NoRouteToHostException}, {@code SSLHandshakeException}: not
 *       sent; anything else: may have been sent).
 * </ul>
 *
 * <h2>Threads and lifecycle</h2>
 * A transport is shared by every call of a {@link io.github.dfxclient.core.DfxClient} and must be
 * thread-safe. {@link #send} blocks the calling thread (virtual threads welcome: hold no monitor
 * around I/O). {@link #sendAsync} must not block the caller nor hold a thread while it waits for the
 * network; a future it returned that is cancelled should abort the exchange. {@link #close()} is
 * called by whoever owns the transport: the application that built it (clients made with {@link
 * io.github.dfxclient.core.DfxClient#builder()} never close it), or a client made with {@link
 * io.github.dfxclient.core.DfxClient#create} (an adapter's). It releases what the transport created
 * (never what the application passed in) and must be idempotent.
 */
public interface DfxTransport extends AutoCloseable {

  /**
   * Sends one request and waits for the whole answer.
   *
   * @param request the fully formed request
   * @return the answer, whatever its status
   * @throws IOException when no complete answer arrived (see the class comment for how to report
   *     whether the request may have left)
   * @throws InterruptedException when the calling thread was interrupted
   */
  DfxHttpResponse send(DfxHttpRequest request) throws IOException, InterruptedException;

  /**
   * Sends one request without blocking. The default runs {@link #send} on the caller's thread,
   * which is correct but blocks; real transports override it.
   *
   * @param request the fully formed request
   * @return the answer, or a future failed with what {@link #send} would have thrown
   */
  default CompletableFuture<DfxHttpResponse> sendAsync(DfxHttpRequest request) {
    try {
      return CompletableFuture.completedFuture(send(request));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
  }

  /** @return a short name for the {@code User-Agent} header, e.g. {@code jdk-httpclient} */
  String name();

  /** Releases what this transport created. The default does nothing. */
  @Override
  default void close() {}
}
