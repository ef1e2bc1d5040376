/** dfx-transport-jdk: the Auths port over {@code java.net.http.HttpClient}. */
module io.github.dfxclient.transport.jdk {
  requires transitive io.github.dfxclient.core;
  requires java.net.http;

  exports io.github.dfxclient.transport.jdk;
}
