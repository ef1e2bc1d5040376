package io.github.dfxclient.core;

import io.github.dfxclient.auths.AuthsOperations;
import java.util.Optional;

/**
 * The Auths operations that have a DFX action ID, as one enum: a <em>derived</em> view of their
 * {@link DfxOperation} descriptors (in {@link AuthsOperations}), which are the only home of each
 * operation's facts. Every method answers from {@link #operation()}; nothing is stated twice.
 *
 * <p>This enum is kept for source compatibility ({@link DfxException#endpoint()}, the testkit's
 * {@code DfxEndpoint} overloads) and is not extended: operations added since exist only as {@link
 * DfxOperation}s. Those without an action ID ({@link AuthsOperations#AUTHENTICATE}, {@link
 * AuthsOperations#VALIDATE}, {@link AuthsOperations#SSO_TOKEN}) have no entry here, because every
 * entry is an action ID ({@link #actionId()}, {@link #forActionId}) and the WebSocket API frames a
 * request by it; operations of other modules have none either. For them {@link
 * DfxException#endpoint()} is {@code null} and {@link DfxException#operation()} names them (by
 * method and path when they have no action ID). Code that must handle every operation reads {@link
 * DfxException#operation()} and the {@code DfxOperation} overloads instead.
 */
public enum DfxEndpoint {
  /** Renew a token pair: {@link AuthsOperations#RENEW}. */
  RENEW(AuthsOperations.RENEW),
  /** Send a login code by SMS: {@link AuthsOperations#REQUEST_LOGIN_CODE}. */
  REQUEST_LOGIN_CODE(AuthsOperations.REQUEST_LOGIN_CODE),
  /** E-mail a password-reset link: {@link AuthsOperations#REQUEST_RESET_PASSWORD_LINK}. */
  REQUEST_RESET_PASSWORD_LINK(AuthsOperations.REQUEST_RESET_PASSWORD_LINK),
  /** Send a reset message to an e-mail address or phone: {@link AuthsOperations#SEND_RESET_MOBILE}. */
  SEND_RESET_MOBILE(AuthsOperations.SEND_RESET_MOBILE),
  /** Generate a general token for a pair: {@link AuthsOperations#GENERATE_TOKEN}. */
  GENERATE_TOKEN(AuthsOperations.GENERATE_TOKEN),
  /**
   * An organization's client credentials (sign-in settings): {@link
   * AuthsOperations#ORG_CLIENT_CREDENTIALS}; {@link #path()} holds {@code {orgId}}.
   */
  ORG_CLIENT_CREDENTIALS(AuthsOperations.ORG_CLIENT_CREDENTIALS);

  private final DfxOperation<?, ?> operation;

  DfxEndpoint(DfxOperation<?, ?> operation) {
    // AuthsOperations never refers to this enum, so its fields are set whichever class is first
    // initialised; a null here would be a class-initialisation cycle introduced later
    if (operation == null || !operation.hasActionId()) {
      throw new IllegalStateException("DfxEndpoint needs an initialised operation with an action ID"
          + " (a class-initialisation cycle through AuthsOperations?)");
    }
    this.operation = operation;
  }

  /** @return the operation this entry is derived from: its only description */
  public DfxOperation<?, ?> operation() {
    return operation;
  }

  /** @return the DFX action ID, e.g. 2304: {@link DfxOperation#actionId()} */
  public int actionId() {
    return operation.actionId();
  }

  /** @return the HTTP method: {@link DfxOperation#method()} */
  public String method() {
    return operation.method();
  }

  /**
   * @return the path below the API's base URI, starting with {@code /}: {@link
   *     DfxOperation#pathTemplate()} (with its parameters, e.g. {@code {orgId}})
   */
  public String path() {
    return operation.pathTemplate();
  }

  /**
   * @param actionId a DFX action ID
   * @return the endpoint with that ID, if it is one of this catalogue
   */
  public static Optional<DfxEndpoint> forActionId(int actionId) {
    for (DfxEndpoint e : values()) {
      if (e.actionId() == actionId) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The entry for {@code operation}: the one derived from it, or one with the same action ID, method
   * and path template (an operation built from an entry with {@link DfxOperation#builder(DfxEndpoint)}).
   */
  static Optional<DfxEndpoint> of(DfxOperation<?, ?> operation) {
    if (!operation.hasActionId()) {
      return Optional.empty();
    }
    for (DfxEndpoint e : values()) {
      DfxOperation<?, ?> o = e.operation;
      if (o == operation || (o.actionId() == operation.actionId() && o.method().equals(operation.method())
          && o.pathTemplate().equals(operation.pathTemplate()))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** @return e.g. {@code "2304 POST /auths/renew"}: the operation's {@link DfxOperation#toString()} */
  @Override
  public String toString() {
    return operation.toString();
  }
}
