/**
 * dfx-transport-websocket: the transport SPI over {@code java.net.http.WebSocket}, speaking DFX's
 * WebSocket API (requests framed by action ID, many in flight on one socket per token).
 */
module io.github.dfxclient.transport.websocket {
  requires transitive io.github.dfxclient.core;
  requires java.net.http;
  requires org.slf4j;

  exports io.github.dfxclient.transport.websocket;
}
