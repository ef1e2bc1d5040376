package io.github.dfxclient.core;

/** The bearer token an operation needs in its {@code Authorization} header. */
public enum Credential {
  /** No {@code Authorization} header. */
  NONE,
  /** The device token (from registering a license). */
  DEVICE,
  /** The token of a logged-in user. */
  USER
}
