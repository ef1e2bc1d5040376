package io.github.dfxclient.core;

import java.util.OptionalInt;

/**
 * One call as the {@link DfxCallListener}s see it: the operation's identity (action ID when it has
 * one, HTTP method, path template, name, credential kind) and the transport's name, never a token,
 * a body or a path parameter value. The same instance is handed to every hook of one call, so a
 * listener can keep its per-call state in it with {@link #attribute(Object, Object)} (e.g. the
 * Micrometer {@code Observation} it started in {@link DfxCallListener#beforeCall}).
 *
 * <p>The hooks of one call run one after another (each after the previous one happened), possibly
 * on different threads for an asynchronous call; the attributes are safe to use from any thread.
 */
public final class DfxCallContext {
  private final int actionId;
  private final String method;
  private final String pathTemplate;
  private final String name;
  private final Credential credential;
  private final String transport;
  private final ListenerAttributes attributes = new ListenerAttributes();

  /**
   * The engine makes one per call when listeners are registered; a test of a listener may make its
   * own.
   *
   * @param operation the operation called; only its identity is kept
   * @param transport the transport's name, e.g. {@code jdk} or {@code feign}
   * @throws IllegalArgumentException when an argument is {@code null}
   */
  public DfxCallContext(DfxOperation<?, ?> operation, String transport) {
    if (operation == null || transport == null) {
      throw new IllegalArgumentException("operation and transport must not be null");
    }
    this.actionId = operation.actionId();
    this.method = operation.method();
    this.pathTemplate = operation.pathTemplate();
    this.name = operation.retryName();
    this.credential = operation.credential();
    this.transport = transport;
  }

  /** @return the DFX action ID (e.g. 2304 for renew); empty for an operation that has none */
  public OptionalInt actionId() {
    return actionId > 0 ? OptionalInt.of(actionId) : OptionalInt.empty();
  }

  /** @return the HTTP method, upper case, e.g. {@code POST} */
  public String method() {
    return method;
  }

  /**
   * @return the path template below the base URI, with its parameters as names, never values, e.g.
   *     {@code /auths/organization/credentials/{orgId}}
   */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * @return the operation's name, lower case with dashes: the catalogue's name (e.g. {@code renew},
   *     {@code request-login-code}), or {@code action-<id>} for an operation outside it
   */
  public String name() {
    return name;
  }

  /** @return the credential the operation sends ({@link Credential#NONE}, device or user) */
  public Credential credential() {
    return credential;
  }

  /** @return the transport's name, e.g. {@code jdk} or {@code feign} */
  public String transport() {
    return transport;
  }

  /**
   * @param key the listener's key (a private constant of the listener is best)
   * @return the value stored under {@code key} for this call, or {@code null}
   */
  public synchronized Object attribute(Object key) {
    return attributes.get(key);
  }

  /**
   * Stores a value for this call under {@code key} (compared by identity), replacing the one there.
   *
   * @param key the listener's key, not {@code null}
   * @param value the value; {@code null} removes nothing but stores {@code null}
   * @throws IllegalArgumentException when {@code key} is {@code null}
   */
  public synchronized void attribute(Object key, Object value) {
    attributes.put(key, value);
  }

  /** @return e.g. {@code DfxCallContext[2304 POST /auths/renew, jdk]} */
  @Override
  public String toString() {
    return "DfxCallContext[" + (actionId > 0 ? actionId + " " : "") + method + " " + pathTemplate + ", " + transport
        + "]";
  }
}
