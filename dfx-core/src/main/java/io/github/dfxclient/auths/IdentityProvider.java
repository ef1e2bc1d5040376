package io.github.dfxclient.auths;

/**
 * An identity provider an organization's users can sign in with, as listed by {@link
 * AuthsPort#orgClientCredentials}. Fields are as the server sent them; any may be {@code null}.
 *
 * @param iconUrl the provider's icon ({@code iconURL})
 * @param displayName the name to show
 * @param identityProviderName the provider's name in the user pool
 */
public record IdentityProvider(String iconUrl, String displayName, String identityProviderName) {}
