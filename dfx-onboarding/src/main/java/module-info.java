/**
 * dfx-onboarding: where a DFX session's first pairs come from. License registration (action 705)
 * and user login (action 201), described as {@code DfxOperation}s on dfx-core's public API only,
 * with a blocking and a non-blocking port over any transport. The fake server's semantics of both
 * are in the separate test artifact dfx-onboarding-testkit.
 */
module io.github.dfxclient.onboarding {
  requires transitive io.github.dfxclient.core;

  exports io.github.dfxclient.onboarding;
}
