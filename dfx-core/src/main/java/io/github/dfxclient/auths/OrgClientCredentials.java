package io.github.dfxclient.auths;

import java.util.List;

/**
 * What a client application needs to sign an organization's users in (action 2306). Strings are as
 * the server sent them and may be {@code null}; {@code identityProviders} is never {@code null}
 * (empty when the server listed none) and cannot be modified.
 *
 * @param orgName the organization's name
 * @param logoUrl its logo ({@code logoURL})
 * @param userPoolId its user pool
 * @param nativeAuthEnabled whether DFX's own sign-in is enabled
 * @param cognitoDomainUrl the hosted sign-in domain
 * @param identityProviders the external identity providers
 */
public record OrgClientCredentials(String orgName, String logoUrl, String userPoolId, boolean nativeAuthEnabled,
    String cognitoDomainUrl, List<IdentityProvider> identityProviders) {

  /**
   * Copies the list.
   *
   * @param orgName see the record component
   * @param logoUrl see the record component
   * @param userPoolId see the record component
   * @param nativeAuthEnabled see the record component
   * @param cognitoDomainUrl see the record component
   * @param identityProviders see the record component
   */
  public OrgClientCredentials {
    identityProviders = identityProviders == null ? List.of() : List.copyOf(identityProviders);
  }
}
