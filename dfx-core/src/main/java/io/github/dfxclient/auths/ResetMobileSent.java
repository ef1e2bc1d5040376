package io.github.dfxclient.auths;

/**
 * The answer to {@link AuthsPort#sendResetMobile}.
 *
 * @param success what the server said in {@code "success"}
 */
public record ResetMobileSent(boolean success) {}
