package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxRenewContext;
import io.github.dfxclient.core.DfxRenewOutcome;
import io.github.dfxclient.core.DfxSessionEvent;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.LeasingTokenStore;
import io.github.dfxclient.session.RefreshTokenSpentException;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenPersistenceException;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.ScriptedFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token session reports through the same listener SPI: each renew (start, end, outcome, kind,
 * principal), pairs found spent (once), pairs the store could not save and saved later, pairs
 * adopted from a fleet store and the wait for another process's lease; the session's counts for a
 * health check; a throwing listener changes nothing. Against the fake DFX server, requests counted.
 */
class SessionListenerTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private static TokenSession.Builder session(JdkAuthsAdapter http, DfxCallListener listener) {
    return TokenSession.builder().auths(http).listener(listener);
  }

  @Test
  void aRenewIsReportedWithItsPairAndTheCallsSeeItsRequest() {
    TokenPair device = DFX.backend().issuePair("device");
    TokenPair alice = DFX.backend().issuePair("alice");
    RecordingListener events = new RecordingListener();
    try (JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).listener(events).build()) {
      TokenSession s = session(http, events).build();
      s.set(TokenKind.DEVICE, device);
      s.set(TokenKey.user("alice"), alice);

      s.renewIfStill(TokenKey.user("alice"), alice.token());

      assertThat(events.hooks).containsExactly("beforeRenew user", "beforeCall renew", "afterAttempt renew 1 SUCCESS",
          "afterCall renew SUCCESS", "afterRenew user RENEWED");
      DfxRenewContext renew = events.renewContexts.get(0);
      assertThat(renew.principal()).isEqualTo("alice");
      assertThat(renew.toString()).doesNotContain("alice");
      assertThat(events.renews.get(0).leaseWait()).isZero();
      assertThat(events.renews.get(0).error()).isEmpty();
      assertThat(s.pairsHeld()).isEqualTo(2);
      assertThat(s.spentPairs()).isZero();
      assertThat(events.everything()).doesNotContain(device.token(), device.refreshToken(), alice.token(),
          alice.refreshToken(), s.current(TokenKey.user("alice")).orElseThrow().token());
    }
  }

  @Test
  void aSpentPairIsReportedOnceAndCounted() {
    TokenPair device = DFX.backend().issuePair("device");
    RecordingListener events = new RecordingListener();
    try (JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build()) {
      TokenSession s = session(http, events).build();
      s.set(TokenKind.DEVICE, device);
      DFX.backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.error(401, "INVALID_REFRESH_TOKEN", "used"), 1);

      assertThatThrownBy(() -> s.renewIfStill(TokenKind.DEVICE, device.token()))
          .isInstanceOf(RefreshTokenSpentException.class);
      assertThatThrownBy(() -> s.renewIfStill(TokenKind.DEVICE, device.token()))
          .isInstanceOf(RefreshTokenSpentException.class);

      assertThat(DFX.backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
      assertThat(events.hooks).containsExactly("beforeRenew device", "event REFRESH_TOKEN_SPENT",
          "afterRenew device SPENT", "beforeRenew device", "afterRenew device SPENT");
      assertThat(events.events.get(0).renew()).containsSame(events.renewContexts.get(0));
      assertThat(events.renews.get(0).error()).contains(RefreshTokenSpentException.class);
      assertThat(s.spentPairs()).isEqualTo(1);
      assertThat(s.pairsHeld()).isEqualTo(1);
    }
  }

  @Test
  void aPairTheStoreRefusedIsReportedUnsavedThenSaved() {
    TokenPair device = DFX.backend().issuePair("device");
    AtomicBoolean storeDown = new AtomicBoolean();
    InMemoryTokenStore memory = new InMemoryTokenStore();
    TokenStore flaky = new TokenStore() {
      @Override
      public Optional<TokenPair> load(TokenKind kind) {
        return memory.load(kind);
      }

      @Override
      public void save(TokenKind kind, TokenPair pair) {
        if (storeDown.get()) {
          throw new IllegalStateException("database down");
        }
        memory.save(kind, pair);
      }
    };
    RecordingListener events = new RecordingListener();
    try (JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build()) {
      TokenSession s = session(http, events).store(flaky).build();
      s.set(TokenKind.DEVICE, device);
      storeDown.set(true);

      assertThatThrownBy(() -> s.renewIfStill(TokenKind.DEVICE, device.token()))
          .isInstanceOf(TokenPersistenceException.class);
      assertThat(s.unsavedPairs()).isEqualTo(1);
      storeDown.set(false);
      s.current(TokenKind.DEVICE);

      assertThat(s.unsavedPairs()).isZero();
      assertThat(events.hooks).containsExactly("beforeRenew device", "event PAIR_UNSAVED",
          "afterRenew device UNSAVED", "event PAIR_SAVED");
      assertThat(events.events.get(1).renew()).isEmpty();
      assertThat(events.renews.get(0).outcome()).isEqualTo(DfxRenewOutcome.UNSAVED);
    }
  }

  @Test
  void aFleetStoreReportsTheLeaseWaitAndTheAdoptedPair() {
    TokenPair held = DFX.backend().issuePair("device");
    TokenPair newer = DFX.backend().issuePair("device-2");
    AtomicInteger leaseAsks = new AtomicInteger();
    InMemoryTokenStore memory = new InMemoryTokenStore();
    LeasingTokenStore fleet = new LeasingTokenStore() {
      @Override
      public Optional<TokenPair> load(TokenKind kind) {
        return memory.load(kind);
      }

      @Override
      public void save(TokenKind kind, TokenPair pair) {
        memory.save(kind, pair);
      }

      @Override
      public Lease tryLease(TokenKey key, TokenPair pair) {
        // another process holds the lease twice, then has saved a newer pair
        return leaseAsks.incrementAndGet() <= 2 ? new Busy() : new Newer(newer);
      }

      @Override
      public void releaseLease(TokenKey key) {}

      @Override
      public Duration leaseDuration() {
        return Duration.ofSeconds(30);
      }
    };
    RecordingListener events = new RecordingListener();
    try (JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build()) {
      TokenSession s = session(http, events).store(fleet).build();
      s.set(TokenKind.DEVICE, held);

      assertThat(s.renewIfStill(TokenKind.DEVICE, held.token())).isEqualTo(newer);

      assertThat(DFX.backend().requestsReceived(DfxEndpoint.RENEW)).isZero();
      assertThat(events.hooks).containsExactly("beforeRenew device", "event LEASE_WAIT", "event PAIR_ADOPTED",
          "afterRenew device ADOPTED");
      DfxSessionEvent wait = events.events.get(0);
      assertThat(wait.duration()).isPositive();
      assertThat(events.renews.get(0).leaseWait()).isEqualTo(wait.duration());
    }
  }

  @Test
  void aThrowingSessionListenerChangesNothingAndOneRenewServesManyCallers() throws Exception {
    TokenPair device = DFX.backend().issuePair("device");
    AtomicInteger renewsStarted = new AtomicInteger();
    DfxCallListener broken = new DfxCallListener() {
      @Override
      public void beforeRenew(DfxRenewContext renew) {
        renewsStarted.incrementAndGet();
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void afterRenew(DfxRenewContext renew, io.github.dfxclient.core.DfxRenewResult result) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (JdkAuthsAdapter http = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build()) {
      TokenSession s = session(http, broken).build();
      s.set(TokenKind.DEVICE, device);
      AuthsClient auths = http.withCredentials(s.credentials());

      TokenPair renewed = s.renewIfStill(TokenKind.DEVICE, device.token());
      auths.requestLoginCode(new LoginCodeRequest("+15555550123", "acme"));

      assertThat(renewsStarted).hasValue(1);
      assertThat(DFX.backend().isCurrent(renewed)).isTrue();
      assertThat(DFX.server().journal().get(DFX.server().journal().size() - 1).header("Authorization"))
          .isEqualTo("Bearer " + renewed.token());
    }
  }
}
