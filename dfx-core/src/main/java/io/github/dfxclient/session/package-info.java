/**
 * The token session: single-flight renewal, rotation persisted before use, proactive renew.
 * See {@link io.github.dfxclient.session.TokenSession}.
 */
package io.github.dfxclient.session;
