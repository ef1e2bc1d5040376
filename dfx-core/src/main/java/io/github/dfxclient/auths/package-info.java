/**
 * The Auths resource: the {@link io.github.dfxclient.auths.AuthsPort} and its value types.
 * Pick a transport module (dfx-transport-jdk or dfx-transport-feign) for an implementation.
 */
package io.github.dfxclient.auths;
