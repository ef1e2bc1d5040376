/**
 * Spring Boot auto-configuration of dfx-java: {@link io.github.dfxclient.spring.DfxProperties} (the
 * {@code dfx.*} properties), {@link io.github.dfxclient.spring.DfxAutoConfiguration} (the token
 * session, the Auths clients, observations) and {@link io.github.dfxclient.spring.DfxHealth}.
 */
package io.github.dfxclient.spring;
