package io.github.dfxclient.core;

import static io.github.dfxclient.core.EngineTest.PUBLIC;
import static io.github.dfxclient.core.EngineTest.READ;
import static io.github.dfxclient.core.EngineTest.SEND;
import static io.github.dfxclient.core.EngineTest.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.spi.DfxHttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's one rule for credentials: an operation that needs a token the credentials do not
 * hold fails before any I/O with an {@link IllegalStateException} naming the credential, blocking and
 * async; what a credentials source throws surfaces unchanged; an operation without a credential
 * sends no header; a renew (its request authenticates itself) is sent without one. And views:
 * {@link DfxClient#withCredentials} shares the transport, which only the original closes.
 */
class CredentialRulesTest {
  static final DfxOperation<String, String> RENEW_LIKE = DfxOperation.<String, String>builder(9004, "POST", "/renew")
      .requestBody(TEXT).answer(TEXT).credential(Credential.DEVICE).noCredentialRenewalOnUnauthorized().build();

  private final EngineTest.Scripted transport = new EngineTest.Scripted();

  private DfxClient client(ClientSettings settings) {
    return DfxClient.create(transport, settings.baseUri(URI.create("http://127.0.0.1:9"))
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).jitter(0).build()));
  }

  /** @return what {@code call} threw, or what the future it returned failed with */
  private static Throwable failure(boolean async, DfxClient client, DfxOperation<String, String> op) {
    if (!async) {
      return catchThrowable(() -> client.call(op, "x"));
    }
    CompletableFuture<String> f = client.callAsync(op, "x");
    Throwable t = catchThrowable(f::join);
    assertThat(t).isInstanceOf(CompletionException.class);
    return t.getCause();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void withoutCredentialsAnOperationThatNeedsATokenSendsNothing(boolean async) {
    DfxClient client = client(new ClientSettings());

    assertThat(failure(async, client, SEND)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no device token for action 9001 (POST /send): no credentials are configured");
    assertThat(failure(async, client, READ)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no user token for action 9002 (GET /read/{id})");
    assertThat(transport.sent).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "", " ", "\t"})
  void aSupplierWithoutATokenSendsNothing(String answer) {
    Supplier<String> supplier = answer.equals("null") ? () -> null : () -> answer;
    DfxClient client = client(new ClientSettings().bearerToken(supplier));

    for (boolean async : new boolean[] {false, true}) {
      assertThat(failure(async, client, SEND)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no device token").hasMessageContaining("null or blank");
      assertThat(failure(async, client, READ)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no user token");
    }
    assertThat(transport.sent).isEmpty();
  }

  @Test
  void aMissingTokenIsNotRetried() {
    AtomicInteger asked = new AtomicInteger();
    DfxClient client = client(new ClientSettings().bearerToken(() -> {
      asked.incrementAndGet();
      return null;
    }));

    assertThatThrownBy(() -> client.call(SEND, "x")).isInstanceOf(IllegalStateException.class);
    assertThat(client.callAsync(SEND, "x")).isCompletedExceptionally();
    assertThat(asked).hasValue(2);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void whatTheCredentialsThrowSurfacesUnchanged(boolean async) {
    IllegalStateException own = new IllegalStateException("no user pair is set for principal alice");
    DfxClient client = client(new ClientSettings().credentials(kind -> {
      throw own;
    }));

    assertThat(failure(async, client, READ)).isSameAs(own);
    assertThat(transport.sent).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anOperationWithoutACredentialSendsNoHeader(boolean async) throws Exception {
    transport.ok("a").ok("b");
    DfxClient bare = client(new ClientSettings());
    DfxClient withToken = client(new ClientSettings().bearerToken(() -> "t"));

    assertThat(async ? bare.callAsync(PUBLIC, "x").get() : bare.call(PUBLIC, "x")).isEqualTo("a");
    assertThat(async ? withToken.callAsync(PUBLIC, "x").get() : withToken.call(PUBLIC, "x")).isEqualTo("b");

    assertThat(transport.sent).extracting(DfxHttpRequest::headers).allSatisfy(h ->
        assertThat(h).doesNotContainKey("Authorization"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRenewCarriesItsPairAndIsSentWithoutAHeaderWhenNoTokenIsHeld(boolean async) throws Exception {
    transport.ok("a").ok("b");
    DfxClient bare = client(new ClientSettings());
    DfxClient blank = client(new ClientSettings().bearerToken(() -> " "));

    assertThat(async ? bare.callAsync(RENEW_LIKE, "x").get() : bare.call(RENEW_LIKE, "x")).isEqualTo("a");
    assertThat(async ? blank.callAsync(RENEW_LIKE, "x").get() : blank.call(RENEW_LIKE, "x")).isEqualTo("b");

    assertThat(transport.sent).extracting(DfxHttpRequest::headers).allSatisfy(h ->
        assertThat(h).doesNotContainKey("Authorization"));
  }

  // ------------------------------------------------------------------ views

  /** Counts {@link #close()}. */
  static final class Closing extends EngineTest.Scripted {
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  @Test
  void aViewSendsItsOwnTokensOverTheSameTransportWhichOnlyTheOriginalCloses() throws Exception {
    Closing shared = new Closing();
    shared.ok("a").ok("b").ok("c").ok("d");
    DfxClient original = DfxClient.create(shared, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9/gw"))
        .bearerToken(() -> "device-token"));
    DfxClient alice = original.withCredentials(kind -> kind == Credential.USER ? "alice-token" : "alice-device");
    DfxClient bob = alice.withCredentials(kind -> "bob-token");

    assertThat(original.call(SEND, "x")).isEqualTo("a");
    assertThat(alice.call(READ, "1")).isEqualTo("b");
    assertThat(bob.callAsync(READ, "2").get()).isEqualTo("c");
    alice.close();
    bob.close();
    assertThat(shared.closed).as("closing views closes nothing").hasValue(0);
    assertThat(original.call(SEND, "y")).isEqualTo("d");
    original.close();

    assertThat(shared.closed).hasValue(1);
    assertThat(shared.sent).extracting(r -> r.headers().get("Authorization"))
        .containsExactly("Bearer device-token", "Bearer alice-token", "Bearer bob-token", "Bearer device-token");
    assertThat(shared.sent).extracting(r -> r.uri().toString()).containsExactly("http://127.0.0.1:9/gw/send",
        "http://127.0.0.1:9/gw/read/1", "http://127.0.0.1:9/gw/read/2", "http://127.0.0.1:9/gw/send");
    assertThat(alice.baseUri()).isEqualTo(original.baseUri());
    assertThat(alice.requestTimeout()).isEqualTo(original.requestTimeout());
    assertThat(alice.toString()).endsWith(", view]");
    assertThatThrownBy(() -> original.withCredentials(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("credentials must not be null");
  }

  @Test
  void aViewSharesTheRetryPolicyAndItsRetries() {
    io.github.resilience4j.retry.RetryRegistry registry = io.github.resilience4j.retry.RetryRegistry.ofDefaults();
    transport.status(503).ok("a").status(503).ok("b");
    DfxRetryPolicy policy = DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).retryRegistry(registry).build();
    DfxClient original = DfxClient.create(transport, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9"))
        .bearerToken(() -> "t").retryPolicy(policy));

    assertThat(original.call(SEND, "x")).isEqualTo("a");
    assertThat(original.withCredentials(kind -> "u").call(SEND, "y")).isEqualTo("b");

    assertThat(policy.retry(SEND).getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(2);
    assertThat(registry.retry(policy.retry(SEND).getName())).isSameAs(policy.retry(SEND));
  }
}
