/**
 * dfx-core: the ports, domain records, errors, the operation catalogue, the call engine, the
 * transport SPI and the token session.
 */
module io.github.dfxclient.core {
  requires transitive io.github.resilience4j.retry;
  requires io.github.resilience4j.core;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  exports io.github.dfxclient.auths;
  exports io.github.dfxclient.core;
  exports io.github.dfxclient.core.codec;
  exports io.github.dfxclient.core.spi;
  exports io.github.dfxclient.session;
}
