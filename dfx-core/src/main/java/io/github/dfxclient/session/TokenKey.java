package io.github.dfxclient.session;

/**
 * Which pair: the device pair, or the pair of one user (a backend serves many users; each is a
 * principal). {@link #device()} and {@link #user()} are the pairs the kind-only methods of {@link
 * TokenSession} and {@link TokenStore} address.
 *
 * @param kind device or user
 * @param principal the user's principal (your user ID), or {@link #DEFAULT_PRINCIPAL}
 */
public record TokenKey(TokenKind kind, String principal) {
  /**
   * The principal of the device pair and of the single user pair of the kind-only methods. */
  public static final String DEFAULT_PRINCIPAL = "default";

  private static final TokenKey DEVICE = new TokenKey(TokenKind.DEVICE, DEFAULT_PRINCIPAL);
  private static final TokenKey USER = new TokenKey(TokenKind.USER, DEFAULT_PRINCIPAL);

  /** Checks the values: a device pair has the default principal; principals are 1..128 visible characters.
   *
   * @param kind see the record component
   * @param principal see the record component
   */
  public TokenKey {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (principal == null || principal.isEmpty() || principal.length() > 128
        || !principal.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("principal must be 1..128 visible ASCII characters");
    }
    if (kind == TokenKind.DEVICE && !principal.equals(DEFAULT_PRINCIPAL)) {
      throw new IllegalArgumentException("principal of the device pair must be " + DEFAULT_PRINCIPAL);
    }
  }

  /** @return the device pair's key */
  public static TokenKey device() {
    return DEVICE;
  }

  /** @return the key of the single user pair the kind-only methods address */
  public static TokenKey user() {
    return USER;
  }

  /**
   * @param principal the user's principal
   * @return the key of that user's pair
   */
  public static TokenKey user(String principal) {
    return new TokenKey(TokenKind.USER, principal);
  }

  /**
   * @param kind device or user
   * @return {@link #device()} or {@link #user()}
   */
  public static TokenKey of(TokenKind kind) {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    return kind == TokenKind.DEVICE ? DEVICE : USER;
  }

  /** @return whether this is a key the kind-only methods address */
  public boolean isDefault() {
    return principal.equals(DEFAULT_PRINCIPAL);
  }

  @Override
  public String toString() {
    return isDefault() ? kind.toString() : kind + "[" + principal + "]";
  }
}
