package io.github.dfxclient.core;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with an error status (4xx or 5xx).
 *
 * <p>{@link #code()} is the server's error code ({@code "Code"} or {@code "errorCode"} in its body),
 * or {@code HTTP_<status>} when the body carried none (an HTML page or an empty body from a proxy).
 * {@link #serverMessage()} is the server's message, or a short sanitised excerpt of the body;
 * {@link #getMessage()} combines status, code, server message, the action and, when known, the URI
 * requested ({@code host:port} and the path, a base URI's prefix included).
 */
public final class DfxApiException extends DfxException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** The error code. */
  private final String code;
  /** The sanitised server message. */
  private final String serverMessage;
  /** The server's Retry-After, or null. */
  private final Duration retryAfter;

  /**
   * @param endpoint the endpoint that answered
   * @param status the HTTP status, 400..599
   * @param code the error code, never blank
   * @param serverMessage the sanitised server message, may be empty
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  public DfxApiException(
      DfxEndpoint endpoint, int status, String code, String serverMessage, Duration retryAfter) {
    super(endpoint, compose(endpoint, status, code, serverMessage, retryAfter), null);
    check(status, code, retryAfter);
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage == null ? "" : serverMessage;
    this.retryAfter = retryAfter;
  }

  /**
   * @param operation the operation that was called
   * @param status the HTTP status, 400..599
   * @param code the error code, never blank
   * @param serverMessage the sanitised server message, may be empty
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  public DfxApiException(
      DfxOperation<?, ?> operation, int status, String code, String serverMessage, Duration retryAfter) {
    this(operation, null, status, code, serverMessage, retryAfter);
  }

  /**
   * @param operation the operation that was called
   * @param requestUri the URI requested (a query, fragment or user info in it is dropped), or
   *     {@code null} when unknown; its host, port and path are named in the message
   * @param status the HTTP status, 400..599
   * @param code the error code, never blank
   * @param serverMessage the sanitised server message, may be empty
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  public DfxApiException(DfxOperation<?, ?> operation, URI requestUri, int status, String code,
      String serverMessage, Duration retryAfter) {
    super(operation, requestUri,
        compose(where(operation, requestUri), status, code, serverMessage, retryAfter), null);
    check(status, code, retryAfter);
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage == null ? "" : serverMessage;
    this.retryAfter = retryAfter;
  }

  private static void check(int status, String code, Duration retryAfter) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400..599, got " + status);
    }
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
  }

  private static String compose(Object endpoint, int status, String code, String serverMessage, Duration retryAfter) {
    StringBuilder b = new StringBuilder().append(status).append(' ').append(code);
    if (serverMessage != null && !serverMessage.isEmpty()) {
      b.append(": ").append(serverMessage);
    }
    if (retryAfter != null) {
      b.append(" (the server asked to retry after ").append(retryAfter.toSeconds()).append(" s)");
    }
    return b.append(" (action ").append(endpoint).append(')').toString();
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return the server's error code, or {@code HTTP_<status>} */
  public String code() {
    return code;
  }

  /** @return the server's message, sanitised; empty when it sent none */
  public String serverMessage() {
    return serverMessage;
  }

  /** @return how long the server asked us to wait, when it said so ({@code Retry-After}) */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
