/** dfx-transport-feign: the Auths port over OpenFeign. */
module io.github.dfxclient.transport.feign {
  requires transitive io.github.dfxclient.core;
  requires transitive feign.core;
  requires feign.java11;
  requires java.net.http;

  exports io.github.dfxclient.transport.feign;
}
