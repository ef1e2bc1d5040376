/** dfx-core: the Auths port, domain types, errors, endpoint catalogue, retry policy, token session. */
module io.github.dfxclient.core {
  requires transitive io.github.resilience4j.retry;
  requires io.github.resilience4j.core;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  exports io.github.dfxclient.auths;
  exports io.github.dfxclient.core;
  exports io.github.dfxclient.session;
  exports io.github.dfxclient.core.internal to
      io.github.dfxclient.transport.jdk,
      io.github.dfxclient.transport.feign,
      io.github.dfxclient.testkit;
}
