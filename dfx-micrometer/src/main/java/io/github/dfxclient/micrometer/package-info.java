/**
 * Micrometer Observations over dfx-java's call hooks: {@link
 * io.github.dfxclient.micrometer.DfxObservationListener} turns every call into an observation named
 * {@code dfx.client.requests} and every token renewal into one named {@code dfx.session.renewals},
 * with low-cardinality keys only (never a token, a body, a phone number or an e-mail address), and
 * conventions an application can replace.
 */
package io.github.dfxclient.micrometer;
