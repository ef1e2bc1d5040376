/**
 * Test support for applications and transports: fakes of the DFX Auths API and the contract suites
 * that keep them honest.
 */
package io.github.dfxclient.testkit;
