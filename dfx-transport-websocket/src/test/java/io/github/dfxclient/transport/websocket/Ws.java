package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.DfxTransport;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/** Clients over a WebSocket transport for the suites: the way an application wires one. */
final class Ws {
  private Ws() {}

  /** @return a client builder over {@code transport} (which the client never closes) */
  static DfxClient.Builder client(DfxTransport transport, URI baseUri, Duration requestTimeout, DfxRetryPolicy policy) {
    return DfxClient.builder().transport(transport).baseUri(baseUri).requestTimeout(requestTimeout).retryPolicy(policy);
  }

  static AuthsClient auths(DfxTransport transport, URI baseUri, Supplier<String> bearer, Duration timeout,
      DfxRetryPolicy policy) {
    return new AuthsClient(client(transport, baseUri, timeout, policy).bearerToken(bearer).build());
  }

  static AuthsClient auths(DfxTransport transport, URI baseUri, DfxCredentials credentials, Duration timeout,
      DfxRetryPolicy policy) {
    return new AuthsClient(client(transport, baseUri, timeout, policy).credentials(credentials).build());
  }

  static AsyncAuthsClient asyncAuths(DfxTransport transport, URI baseUri, Supplier<String> bearer, Duration timeout,
      DfxRetryPolicy policy) {
    return new AsyncAuthsClient(client(transport, baseUri, timeout, policy).bearerToken(bearer).build());
  }

  static AsyncAuthsClient asyncAuths(DfxTransport transport, URI baseUri, DfxCredentials credentials,
      Duration timeout, DfxRetryPolicy policy) {
    return new AsyncAuthsClient(client(transport, baseUri, timeout, policy).credentials(credentials).build());
  }

  static DfxRetryPolicy fast() {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).build();
  }
}
