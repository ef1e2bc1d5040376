package io.github.dfxclient.spring;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;

/**
 * The clients that own the transport the starter built from {@code dfx.*} (blocking and
 * asynchronous, sharing one HTTP client), without credentials: the token session renews through
 * them, and the {@link AuthsClient} and {@link AsyncAuthsClient} beans are their {@code
 * withCredentials(session.credentials())} views. The HTTP client is built on the first call (no
 * thread before); {@link #close()} (at the context's shutdown) closes it. Define a bean of this type
 * to bring your own clients.
 */
public final class DfxTransportClients implements AutoCloseable {
  private final AuthsClient blocking;
  private final AsyncAuthsClient async;
  private final AutoCloseable resources;

  /**
   * @param blocking the blocking client that owns its transport
   * @param async the asynchronous client that owns its transport
   * @param resources closed after both clients (e.g. the HTTP client they share); may be {@code null}
   * @throws IllegalArgumentException when a client is {@code null}
   */
  public DfxTransportClients(AuthsClient blocking, AsyncAuthsClient async, AutoCloseable resources) {
    if (blocking == null || async == null) {
      throw new IllegalArgumentException("blocking and async must not be null");
    }
    this.blocking = blocking;
    this.async = async;
    this.resources = resources;
  }

  /** @return the blocking client, without credentials (give it {@code withCredentials(...)}) */
  public AuthsClient blocking() {
    return blocking;
  }

  /** @return the asynchronous client, without credentials */
  public AsyncAuthsClient async() {
    return async;
  }

  /** Closes both clients and their HTTP client. */
  @Override
  public void close() {
    blocking.close();
    async.close();
    if (resources != null) {
      try {
        resources.close();
      } catch (Exception ignored) {
        // best effort, at shutdown
      }
    }
  }

  @Override
  public String toString() {
    return "DfxTransportClients[" + blocking.client() + "]";
  }
}
