/**
 * Not API: the pieces the transports and the testkit share (wire mapping, call pipeline, failure
 * mapping). Exported only to those modules; may change in any release.
 */
package io.github.dfxclient.core.internal;
