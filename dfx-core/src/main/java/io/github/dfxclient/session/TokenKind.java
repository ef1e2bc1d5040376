package io.github.dfxclient.session;

/** The two pairs an application holds. */
public enum TokenKind {
  /** The device pair, from registering a license; its token authorizes the Auths calls. */
  DEVICE,
  /** The user pair, from a user's login. */
  USER
}
