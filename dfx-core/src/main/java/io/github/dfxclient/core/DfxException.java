package io.github.dfxclient.core;

import java.net.URI;
import java.util.Optional;

/**
 * A DFX call failed. The three kinds tell what is known about the request:
 * {@link DfxApiException} (the server answered with an error), {@link DfxTransportException} (no
 * usable answer) and {@link DfxProtocolException} (an answer the protocol does not allow).
 *
 * <p>Messages never hold a token, refresh token, phone number or e-mail address. When the engine
 * made the exception, its message also names where the request went: scheme, {@code host:port} and
 * the path actually requested (a base URI's path prefix included, never a query), as {@link
 * #requestUri()} gives it.
 */
public abstract sealed class DfxException extends RuntimeException
    permits DfxApiException, DfxTransportException, DfxProtocolException {

  private static final long serialVersionUID = 1L;

  /** The endpoint called, or null outside the catalogue. */
  private final DfxEndpoint endpoint;
  /** The operation called; not serialized (an operation is not a value). */
  private final transient DfxOperation<?, ?> operation;
  /** The action called, e.g. 2304 POST /auths/renew. */
  private final String action;
  /** The URI requested, without user info, query or fragment; null when not known. */
  private final URI requestUri;

  DfxException(DfxEndpoint endpoint, String message, Throwable cause) {
    super(message, cause);
    if (endpoint == null) {
      throw new IllegalArgumentException("endpoint must not be null");
    }
    this.endpoint = endpoint;
    this.operation = endpoint.operation();
    this.action = endpoint.toString();
    this.requestUri = null;
  }

  DfxException(DfxOperation<?, ?> operation, URI requestUri, String message, Throwable cause) {
    super(message, cause);
    if (operation == null) {
      throw new IllegalArgumentException("operation must not be null");
    }
    this.endpoint = operation.endpoint().orElse(null);
    this.operation = operation;
    this.action = operation.toString();
    this.requestUri = withoutQuery(requestUri);
  }

  /**
   * @return {@code uri} without user info, query and fragment, with its port when it has one; null
   *     for null
   */
  static URI withoutQuery(URI uri) {
    if (uri == null) {
      return null;
    }
    if (uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
      return uri;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return URI.create(uri.getScheme() + "://" + uri.getHost() + port + path);
  }

  /**
   * @param action the action, e.g. {@code 2304 POST /auths/renew}
   * @param requestUri the URI requested, or null
   * @return e.g. {@code "2304 POST /auths/renew at https://api.deepaffex.ai:443/auths/renew"}: the
   *     port is always shown (the scheme's default when the URI has none), the query never
   */
  static String where(Object action, URI requestUri) {
    URI uri = withoutQuery(requestUri);
    if (uri == null) {
      return String.valueOf(action);
    }
    int port = uri.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return action + " at " + uri.getScheme() + "://" + uri.getHost() + (port < 0 ? "" : ":" + port) + path;
  }

  /**
   * @return the endpoint that was called; {@code null} for an operation outside the {@link
   *     DfxEndpoint} catalogue (one without an action ID, one another module or the application
   *     described with {@link DfxOperation}). {@link #operation()} covers every operation
   */
  public DfxEndpoint endpoint() {
    return endpoint;
  }

  /**
   * @return the operation that was called, whichever it is (the replacement of {@link #endpoint()},
   *     which knows only the {@link DfxEndpoint} catalogue); {@code null} only on an exception that
   *     was deserialized
   */
  public DfxOperation<?, ?> operation() {
    return operation;
  }

  /**
   * @return the action that was called, e.g. {@code "2304 POST /auths/renew"}, or method and path for
   *     an operation without an action ID ({@code "GET /auth/v1/authenticate"})
   */
  public String action() {
    return action;
  }

  /**
   * @return the URI the failed attempt requested: the base URI (its path prefix included) and the
   *     operation's path with its parameters filled in, without user info, query or fragment; empty
   *     when the exception was made without one (by the constructors that take no URI)
   */
  public Optional<URI> requestUri() {
    return Optional.ofNullable(requestUri);
  }

  /**
   * @return how many attempts the call made, this failure's included: the failures of the earlier
   *     ones are attached as {@linkplain #getSuppressed() suppressed} exceptions
   */
  public int attempts() {
    int earlier = 0;
    for (Throwable t : getSuppressed()) {
      if (t instanceof DfxException) {
        earlier++;
      }
    }
    return earlier + 1;
  }

  /** @return what happened, and after how many attempts when there was more than one */
  @Override
  public String getMessage() {
    int attempts = attempts();
    return attempts > 1 ? super.getMessage() + " after " + attempts + " attempts" : super.getMessage();
  }
}
