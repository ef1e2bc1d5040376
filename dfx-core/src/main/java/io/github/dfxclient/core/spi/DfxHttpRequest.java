package io.github.dfxclient.core.spi;

import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxOperation;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A fully formed request, as the engine hands it to a {@link DfxTransport}: the HTTP request
 * (method, URI, headers, body), its bounds (deadline, answer size), and the identity of the
 * operation it runs, so that a transport that is not HTTP (DFX's WebSocket API frames a request by
 * its action ID, with path parameters under {@code "Params"} and the query under {@code "Query"})
 * needs no reverse routing. An HTTP transport uses method, URI, headers and body and ignores the
 * rest.
 *
 * <p>Requests formed by the engine always carry their {@link #operation()}; a request made with the
 * six-argument constructor (a test, a third-party caller of a transport) carries none: {@link
 * #operation()} is {@code null}, {@link #actionId()} 0, {@link #pathParameters()} and {@link
 * #query()} empty.
 *
 * @param method the HTTP method, upper case
 * @param uri the absolute URI, path parameters already encoded
 * @param headers the headers to send, exactly these (names as given; values never logged)
 * @param body the body, or {@code null} for none; the transport must not change it
 * @param deadlineNanos the whole answer must have arrived by then, on the {@link System#nanoTime()}
 *     scale
 * @param maxAnswerBytes the largest answer body to accept
 * @param operation the operation this request runs (action ID, name, path template, credential,
 *     resend rule), or {@code null} when the request was formed outside the engine
 * @param pathParameters the path parameters by name, in template order, unencoded (the URI holds
 *     them encoded); empty for a path without any. Unmodifiable; {@code null} is read as empty
 * @param query the query parameters by name, in order, unencoded (the URI holds them encoded);
 *     empty when the request has none, as every request of the Auths resource. Unmodifiable;
 *     {@code null} is read as empty
 */
public record DfxHttpRequest(String method, URI uri, Map<String, String> headers, byte[] body,
    long deadlineNanos, int maxAnswerBytes, DfxOperation<?, ?> operation, Map<String, String> pathParameters,
    Map<String, String> query) {

  /**
   * Reads a {@code null} map as empty; the maps are not copied (the engine hands over unmodifiable
   * ones).
   *
   * @param method the HTTP method, upper case
   * @param uri the absolute URI, path parameters already encoded
   * @param headers the headers to send, exactly these
   * @param body the body, or {@code null} for none
   * @param deadlineNanos the whole answer must have arrived by then, on the {@link System#nanoTime()}
   *     scale
   * @param maxAnswerBytes the largest answer body to accept
   * @param operation the operation this request runs, or {@code null} when formed outside the engine
   * @param pathParameters the path parameters by name, in template order, unencoded; {@code null}
   *     for none
   * @param query the query parameters by name, in order, unencoded; {@code null} for none
   */
  public DfxHttpRequest {
    if (pathParameters == null) {
      pathParameters = Map.of();
    }
    if (query == null) {
      query = Map.of();
    }
  }

  /**
   * A request without an operation's identity, as the SPI formed them before: {@link #operation()}
   * is {@code null}, {@link #pathParameters()} and {@link #query()} are empty.
   *
   * @param method the HTTP method, upper case
   * @param uri the absolute URI, path parameters already encoded
   * @param headers the headers to send, exactly these
   * @param body the body, or {@code null} for none
   * @param deadlineNanos the whole answer must have arrived by then, on the {@link System#nanoTime()}
   *     scale
   * @param maxAnswerBytes the largest answer body to accept
   */
  public DfxHttpRequest(String method, URI uri, Map<String, String> headers, byte[] body,
      long deadlineNanos, int maxAnswerBytes) {
    this(method, uri, headers, body, deadlineNanos, maxAnswerBytes, null, Map.of(), Map.of());
  }

  /**
   * @return the operation's DFX action ID (1..9999), or 0 when it has none ({@code GET
   *     /auth/v1/authenticate}) or the request carries no {@link #operation()}
   */
  public int actionId() {
    return operation == null ? DfxOperation.NO_ACTION_ID : operation.actionId();
  }

  /**
   * @return the operation's stable name ({@link DfxOperation#name()}, e.g. {@code renew}), or {@code
   *     null} when the request carries no {@link #operation()}
   */
  public String operationName() {
    return operation == null ? null : operation.name();
  }

  /**
   * @return the operation's path template (e.g. {@code /auths/organization/credentials/{orgId}}), or
   *     {@code null} when the request carries no {@link #operation()}
   */
  public String pathTemplate() {
    return operation == null ? null : operation.pathTemplate();
  }

  /**
   * @return the kind of bearer token the operation sends (the {@code Authorization} header holds
   *     the token itself, when there is one), or {@code null} when the request carries no {@link
   *     #operation()}
   */
  public Credential credential() {
    return operation == null ? null : operation.credential();
  }

  /** @return the time left until {@link #deadlineNanos()}, never negative */
  public Duration remaining() {
    long left = deadlineNanos - System.nanoTime();
    return Duration.ofNanos(Math.max(0, left));
  }

  /** @return method and URI only: headers, body and parameters may hold secrets */
  @Override
  public String toString() {
    return "DfxHttpRequest[" + method + " " + uri + "]";
  }
}
