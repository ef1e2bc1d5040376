package io.github.dfxclient.core.internal;

/**
 * What one successful attempt produced: the HTTP status and the decoded value.
 *
 * @param status the HTTP status
 * @param value the decoded answer
 * @param <T> the answer type
 */
public record Answer<T>(int status, T value) {}
