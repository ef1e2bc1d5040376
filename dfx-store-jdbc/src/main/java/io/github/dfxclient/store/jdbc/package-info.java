/**
 * {@link io.github.dfxclient.store.jdbc.JdbcTokenStore}: token pairs in a database the fleet
 * already runs, with a renew lease so that one process renews a shared pair for all.
 */
package io.github.dfxclient.store.jdbc;
