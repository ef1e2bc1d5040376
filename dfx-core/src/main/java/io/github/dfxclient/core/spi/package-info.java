/**
 * The transport SPI: what a transport (an HTTP client binding, later a WebSocket one) implements so
 * that the engine in dfx-core can run every DFX operation over it.
 *
 * <p>A transport receives a fully formed {@link io.github.dfxclient.core.spi.DfxHttpRequest}
 * (method, URI, headers, body bytes, a deadline and a bound on the answer) and returns a {@link
 * io.github.dfxclient.core.spi.DfxHttpResponse} (status, headers, the whole bounded body), or
 * throws. It knows no operation, no credential rule, no retry rule and no JSON: the engine does all
 * of that once, for every transport. Implement {@link io.github.dfxclient.core.spi.DfxTransport},
 * then hand it to {@link io.github.dfxclient.core.DfxClient#create}.
 */
package io.github.dfxclient.core.spi;
