/**
 * Where a DFX session's first pairs come from: {@link io.github.dfxclient.onboarding.OnboardingPort}
 * registers a license (action 705, the device pair) and logs users in (action 201, a pair per user),
 * over any transport; {@link io.github.dfxclient.onboarding.AsyncOnboardingPort} is its non-blocking
 * twin. The operations are described once in {@link io.github.dfxclient.onboarding.OnboardingOperations},
 * on dfx-core's public API only. License keys, e-mail addresses, passwords, MFA tokens and the pairs
 * answered are secrets: no {@code toString()}, log line or exception message shows them.
 */
package io.github.dfxclient.onboarding;
