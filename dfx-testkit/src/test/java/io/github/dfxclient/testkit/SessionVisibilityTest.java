package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * "Persisted before visible", measured: one thread renews 100,000 times through the in-memory fake
 * (the real engine), another reads {@code accessToken} all along; every token it ever sees must
 * already be in the store.
 */
class SessionVisibilityTest {

  @Test
  void noReaderSeesATokenBeforeItsPairIsSaved() throws Exception {
    FakeAuthsBackend backend = new FakeAuthsBackend();
    Set<String> saved = ConcurrentHashMap.newKeySet();
    TokenStore store = new TokenStore() {
      private volatile TokenPair user;

      @Override
      public Optional<TokenPair> load(TokenKind kind) {
        return Optional.ofNullable(kind == TokenKind.USER ? user : null);
      }

      @Override
      public void save(TokenKind kind, TokenPair pair) {
        // a slow store widens the window in which an unsaved pair could leak
        Thread.onSpinWait();
        saved.add(pair.token());
        user = pair;
      }
    };
    FakeAuths auths = new FakeAuths(backend, () -> null, Duration.ofSeconds(5), DfxRetryPolicy.defaults());
    TokenSession session = TokenSession.builder().auths(auths).store(store).build();
    session.set(TokenKey.user(), backend.issuePair("user-7"));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicLong unsavedSeen = new AtomicLong();
    Thread reader = new Thread(() -> {
      while (!stop.get()) {
        String token = session.accessToken(TokenKind.USER);
        if (!saved.contains(token)) {
          unsavedSeen.incrementAndGet();
        }
        reads.incrementAndGet();
      }
    });
    reader.start();
    int renews = 100_000;
    try {
      for (int i = 0; i < renews; i++) {
        TokenPair held = session.current(TokenKind.USER).orElseThrow();
        session.renewIfStill(TokenKind.USER, held.token());
      }
    } finally {
      stop.set(true);
      reader.join(10_000);
    }

    assertThat(backend.requestsReceived(io.github.dfxclient.core.DfxEndpoint.RENEW)).isEqualTo(renews);
    assertThat(reads.get()).as("the reader ran alongside").isGreaterThan(10_000);
    assertThat(unsavedSeen).hasValue(0);
  }
}
