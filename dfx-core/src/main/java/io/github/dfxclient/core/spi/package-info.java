/**
 * The transport SPI: what a transport (an HTTP client binding, later a WebSocket one) implements so
 * that the engine in dfx-core can run every DFX operation over it.
 *
 * <p>A transport receives a fully formed {@link io.github.dfxclient.core.spi.DfxHttpRequest}
 * (method, URI, headers, body bytes, a deadline and a bound on the answer, and the identity of the
 * operation it runs: action ID, name, path template and parameters, query, credential kind) and
 * returns a {@link io.github.dfxclient.core.spi.DfxHttpResponse} (status, headers, the whole bounded
 * body), or throws. An HTTP transport uses the HTTP request and ignores the identity; a transport
 * that is not HTTP frames the request from the identity, with no reverse routing. Neither applies
 * a credential rule, a retry rule or JSON: the engine does all of that once, for every transport.
 * Implement {@link io.github.dfxclient.core.spi.DfxTransport}, then run clients over it with {@link
 * io.github.dfxclient.core.DfxClient#builder()} (or hand its ownership to {@link
 * io.github.dfxclient.core.DfxClient#create}).
 */
package io.github.dfxclient.core.spi;
