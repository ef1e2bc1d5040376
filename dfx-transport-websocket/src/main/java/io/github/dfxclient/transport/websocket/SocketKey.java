package io.github.dfxclient.transport.websocket;

import java.net.URI;

/**
 * What a socket is opened for: the WebSocket URI and the {@code Authorization} header of its upgrade
 * request ({@code null} for a socket without a token). {@link #toString()} never shows the token.
 *
 * @param uri the {@code ws://} or {@code wss://} URI
 * @param authorization {@code Bearer <token>}, or {@code null}
 */
record SocketKey(URI uri, String authorization) {
  @Override
  public String toString() {
    return "SocketKey[" + uri + (authorization == null ? ", no token]" : ", a token]");
  }
}
