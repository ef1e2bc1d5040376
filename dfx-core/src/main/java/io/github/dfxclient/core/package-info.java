/**
 * What every transport shares: the endpoint catalogue, the error model and the retry policy.
 */
package io.github.dfxclient.core;
