/**
 * The fake server's semantics of the onboarding operations, for tests: {@link
 * io.github.dfxclient.onboarding.testkit.FakeOnboarding} installs them on a dfx-testkit {@code
 * FakeAuthsBackend}, so that they run in memory ({@code FakeAuths}) and over HTTP ({@code
 * FakeDfxServer}).
 */
package io.github.dfxclient.onboarding.testkit;
