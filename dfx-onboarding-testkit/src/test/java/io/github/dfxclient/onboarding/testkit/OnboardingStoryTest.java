package io.github.dfxclient.onboarding.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.onboarding.AsyncOnboardingClient;
import io.github.dfxclient.onboarding.LoginRequest;
import io.github.dfxclient.onboarding.OnboardingClient;
import io.github.dfxclient.onboarding.RegisterLicenseRequest;
import io.github.dfxclient.onboarding.RegisteredLicense;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.RecordedRequest;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The user story of docs/onboarding.md, compiled and run against the fake DFX server: from a license
 * key to a running {@code TokenSession}, then a call as the user who logged in. The page's snippets
 * are the tagged regions of this class (checked by the README snippet test).
 */
class OnboardingStoryTest {

  // readme:onboarding-fake:start
  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @BeforeEach
  void seedTheFake() {
    FakeOnboarding onboarding = FakeOnboarding.installOn(DFX.backend());   // 705 and 201 on the fake
    onboarding.addLicense("LIC-TEST-0001", 1);                                // one device seat
    onboarding.addUser("alice@example.com", "correct horse battery staple");
  }
  // readme:onboarding-fake:end

  private static final OrgClientCredentials ACME =
      new OrgClientCredentials("Acme Health", null, "pool-1", true, null, List.of());

  @Test
  void fromALicenseKeyToARunningSession() {
    URI baseUri = DFX.baseUri();
    String licenseKey = "LIC-TEST-0001";
    String password = "correct horse battery staple";
    TokenStore store = new InMemoryTokenStore();
    DFX.backend().addOrganization("acme-health", ACME);

    // readme:onboarding:start
    JdkAuthsAdapter auths = JdkAuthsAdapter.builder().baseUri(baseUri).build();   // one HttpClient for all
    OnboardingClient onboarding = new OnboardingClient(auths.client());             // the same transport
    TokenSession session = TokenSession.builder().auths(auths).store(store).build();

    // 1. the license key buys this device its first pair (705, sent without a token)
    RegisteredLicense device = onboarding.registerLicense(
        new RegisterLicenseRequest("LINUX", licenseKey, "Kiosk 7", "com.example.kiosk", "1.4.2"));
    session.set(TokenKind.DEVICE, device.pair());              // saved to the store, renewed when due

    // 2. a user logs in with the session's device token (201); keep her pair under her principal
    TokenPair alicePair = onboarding.withCredentials(session.credentials())
        .login(new LoginRequest("alice@example.com", password));
    session.set(TokenKey.user("alice"), alicePair);

    // 3. every call as Alice sends her token, renewed by the session when due
    OrgClientCredentials org = auths.withCredentials(session.credentials("alice"))
        .orgClientCredentials("acme-health");
    // readme:onboarding:end

    auths.close();
    assertThat(org).isEqualTo(ACME);
    List<RecordedRequest> journal = DFX.server().journal();
    assertThat(journal).extracting(RecordedRequest::path)
        .containsExactly("/organizations/licenses", "/users/auth", "/auths/organization/credentials/acme-health");
    TokenPair devicePair = store.load(TokenKey.device()).orElseThrow();
    assertThat(devicePair).isEqualTo(device.pair());
    assertThat(store.load(TokenKey.user("alice"))).contains(alicePair);
    assertThat(journal.get(0).header("Authorization")).isNull();
    assertThat(journal.get(1).header("Authorization")).isEqualTo("Bearer " + devicePair.token());
    assertThat(journal.get(2).header("Authorization")).isEqualTo("Bearer " + alicePair.token());
    assertThat(DFX.backend().isCurrent(devicePair)).isTrue();
    assertThat(DFX.backend().isCurrent(alicePair)).isTrue();
  }

  /**
   * The same story without blocking a thread: the asynchronous ports over one client; then the
   * device pair rotates (a renew through the session) and the next login sends the new device token.
   * @throws Exception when the story fails to run
   */
  @Test
  void theSameStoryAsynchronouslyAndAfterTheDevicePairRotated() throws Exception {
    DFX.backend().addOrganization("acme-health", ACME);
    try (AsyncAuthsClient auths = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).buildAsync();
        JdkAuthsAdapter renews = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build()) {
      AsyncOnboardingClient onboarding = new AsyncOnboardingClient(auths.client());
      TokenSession session = TokenSession.builder().auths(renews).asyncAuths(auths).build();

      RegisteredLicense device = onboarding.registerLicense(new RegisterLicenseRequest("LINUX", "LIC-TEST-0001",
          "Kiosk 7", "com.example.kiosk", "1.4.2")).get(10, TimeUnit.SECONDS);
      session.set(TokenKind.DEVICE, device.pair());
      TokenPair rotated = session.renewIfStill(TokenKind.DEVICE, device.pair().token());
      TokenPair alicePair = onboarding.withCredentials(session.credentials())
          .login(new LoginRequest("alice@example.com", "correct horse battery staple")).get(10, TimeUnit.SECONDS);
      session.set(TokenKey.user("alice"), alicePair);
      OrgClientCredentials org = auths.withCredentials(session.credentials("alice"))
          .orgClientCredentials("acme-health").get(10, TimeUnit.SECONDS);

      assertThat(org).isEqualTo(ACME);
      assertThat(DFX.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
      RecordedRequest login = DFX.server().journal().stream().filter(r -> r.path().equals("/users/auth"))
          .findFirst().orElseThrow();
      assertThat(login.header("Authorization")).isEqualTo("Bearer " + rotated.token());
    }
  }
}
