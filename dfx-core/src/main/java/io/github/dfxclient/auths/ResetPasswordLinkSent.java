package io.github.dfxclient.auths;

/**
 * The answer to {@link AuthsPort#requestResetPasswordLink}.
 *
 * @param success what the server said in {@code "success"}
 */
public record ResetPasswordLinkSent(boolean success) {}
