package io.github.dfxclient.auths;

/**
 * The answer to {@link AuthsPort#requestLoginCode}.
 *
 * @param success what the server said in {@code "success"}
 */
public record LoginCodeSent(boolean success) {}
