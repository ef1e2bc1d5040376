package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.core.codec.JsonField;
import io.github.dfxclient.core.codec.JsonObjectCodec;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DfxTransport} must do under the engine, independent of the Auths catalogue: it
 * runs test-only operations, written here as an application would add one (its records, its
 * {@link DfxOperation} descriptor, its {@link FakeHandler}; nothing else), against the fake
 * server's state: two with an action ID and path parameters, and a plain {@code GET} with neither an
 * action ID nor a request. A transport module extends this class and builds its transport.
 */
public abstract class TransportContract {

  /** A test-only request: which item. */
  public record ItemQuery(String itemId) {}

  /** A test-only answer. */
  public record Item(String itemId, String name, boolean owned) {}

  static final JsonField<String> ITEM_ID = JsonField.string("itemId");
  static final JsonField<String> NAME = JsonField.string("name");
  static final JsonField<Boolean> OWNED = JsonField.bool("owned");

  /** The answer codec of the test-only operation, on dfx-core's public codec layer. */
  static final JsonObjectCodec<Item> ITEM_CODEC = JsonObjectCodec.<Item>builder()
      .field(ITEM_ID, Item::itemId)
      .field(NAME, Item::name)
      .field(OWNED, Item::owned)
      .build(in -> new Item(in.get(ITEM_ID), in.get(NAME), in.get(OWNED)));

  /** The test-only operation: a GET with a path parameter and the user's token; safe to resend. */
  // readme:test-operation:start
  public static final DfxOperation<ItemQuery, Item> GET_ITEM =
      DfxOperation.<ItemQuery, Item>builder(2399, "GET", "/test/items/{itemId}")
          .argument("query")
          .pathParameters(q -> List.of(q.itemId()), values -> new ItemQuery(values.get(0)))
          .answer(ITEM_CODEC)
          .credential(Credential.USER)
          .resendAfterMaybeActed(true)
          .build();
  // readme:test-operation:end

  /** A test-only request with two path parameters. */
  public record PartQuery(String itemId, String partId) {}

  /** The second test-only operation: two path parameters, so the path rules are seen to be generic. */
  public static final DfxOperation<PartQuery, Item> GET_PART =
      DfxOperation.<PartQuery, Item>builder(2398, "GET", "/test/items/{itemId}/parts/{partId}")
          .argument("query")
          .pathParameters(q -> List.of(q.itemId(), q.partId()), values -> new PartQuery(values.get(0), values.get(1)))
          .answer(ITEM_CODEC)
          .credential(Credential.USER)
          .resendAfterMaybeActed(true)
          .build();

  /**
   * The third test-only operation: a plain {@code GET} without an action ID and without any request
   * (neither body nor path parameters; its request type is {@link Void}), with the device token; safe
   * to resend. It is named by method and path: {@code GET /test/status}, name {@code get-test-status}.
   */
  public static final DfxOperation<Void, Item> GET_STATUS =
      DfxOperation.<Void, Item>builder("GET", "/test/status")
          .answer(ITEM_CODEC)
          .resendAfterMaybeActed(true)
          .build();

  /** The user token the credentials give; the device token is another. */
  protected static final String USER_SUBJECT = "user-7";

  /** The items the fake serves, and the authorizations it saw. */
  private final Map<String, String> items = new ConcurrentHashMap<>();

  /** @return the state the transport under test reaches (fresh, or reset, for each test) */
  protected abstract FakeAuthsBackend backend();

  /**
   * @param settings base URI (set by the suite when the transport talks HTTP), credentials,
   *     timeouts and retry policy
   * @return a client over the transport under test, reaching {@link #backend()}
   */
  protected abstract DfxClient client(ClientSettings settings);

  /** @return the base URI of the server the transport reaches */
  protected abstract URI baseUri();

  /**
   * @return whether the transport carries operations without an action ID ({@link #GET_STATUS}):
   *     true for HTTP transports (the default); false for a transport that frames requests by action
   *     ID (DFX's WebSocket API): its rows for such operations are skipped with this reason, and
   *     {@link #refusesAnOperationWithoutActionIdWhenItCannotFrameIt} checks the refusal instead
   */
  protected boolean carriesOperationsWithoutActionId() {
    return true;
  }

  private static final String FRAMED_BY_ACTION_ID =
      "this transport frames requests by action ID; GET /test/status has none (refused: see"
          + " refusesAnOperationWithoutActionIdWhenItCannotFrameIt)";

  private String userToken;
  private String deviceToken;

  /** Registers the test-only operation's semantics and issues a device and a user pair. */
  @BeforeEach
  public void addTheOperation() {
    items.put("a b/c+ü", "Widget");
    backend().handle(GET_PART, call -> new Item(call.request().itemId() + "|" + call.request().partId(),
        "Part", call.requireBearer().equals(USER_SUBJECT)));
    // readme:test-operation-handler:start
    backend().handle(GET_ITEM, call -> {
      String subject = call.requireBearer();
      String name = items.get(call.request().itemId());
      if (name == null) {
        throw new FakeRefusal(404, "ITEM_NOT_FOUND", "No such item");
      }
      return new Item(call.request().itemId(), name, subject.equals(USER_SUBJECT));
    });
    // readme:test-operation-handler:end
    backend().handle(GET_STATUS, call -> {
      if (call.request() != null) {
        throw new FakeRefusal(400, "UNEXPECTED_REQUEST", "A plain GET has no request");
      }
      String subject = call.requireBearer();
      return new Item("status", subject, subject.equals(USER_SUBJECT));
    });
    userToken = backend().issuePair(USER_SUBJECT).token();
    deviceToken = backend().issuePair("device").token();
  }

  private ClientSettings settings() {
    return new ClientSettings()
        .baseUri(baseUri())
        .credentials(kind -> kind == Credential.USER ? userToken : deviceToken)
        .requestTimeout(Duration.ofSeconds(2))
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).jitter(0).build());
  }

  /** The path parameter is encoded, sent with the user's token, decoded by the server. */
  @Test
  public void runsAnOperationAddedByItsDescriptorAlone() {
    try (DfxClient client = client(settings())) {
      Item item = client.call(GET_ITEM, new ItemQuery("a b/c+ü"));

      assertThat(item).isEqualTo(new Item("a b/c+ü", "Widget", true));
      assertThat(backend().requestsReceived(GET_ITEM)).isEqualTo(1);
    }
  }

  /**
   * The same through the non-blocking path.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  public void runsItAsynchronously() throws Exception {
    try (DfxClient client = client(settings())) {
      Item item = client.callAsync(GET_ITEM, new ItemQuery("a b/c+ü")).get(5, TimeUnit.SECONDS);

      assertThat(item.owned()).isTrue();
      assertThat(backend().requestsReceived(GET_ITEM)).isEqualTo(1);
    }
  }

  /** A refusal names the action even outside the catalogue; a 404 is not retried. */
  @Test
  public void refusalsNameTheAction() {
    try (DfxClient client = client(settings())) {
      DfxApiException e = catchThrowableOfType(DfxApiException.class,
          () -> client.call(GET_ITEM, new ItemQuery("missing")));

      assertThat(e.status()).isEqualTo(404);
      assertThat(e.code()).isEqualTo("ITEM_NOT_FOUND");
      assertThat(e.endpoint()).isNull();
      assertThat(e.action()).isEqualTo("2399 GET /test/items/{itemId}");
      assertThat(backend().requestsReceived(GET_ITEM)).isEqualTo(1);
    }
  }

  /** A GET may be sent again after a reset: two requests, one answer. */
  @Test
  public void resendsAResettableOperationAfterAReset() {
    backend().failNext(GET_ITEM, ScriptedFailure.connectionReset(), 1);
    try (DfxClient client = client(settings())) {
      assertThat(client.call(GET_ITEM, new ItemQuery("a b/c+ü")).name()).isEqualTo("Widget");
      assertThat(backend().requestsReceived(GET_ITEM)).isEqualTo(2);
    }
  }

  /** The whole answer must arrive within the request timeout; outcome unknown. */
  @Test
  public void boundsTheWholeAnswerInTime() {
    backend().failNext(GET_ITEM, ScriptedFailure.slow(Duration.ofSeconds(3)), 1);
    ClientSettings s = settings().requestTimeout(Duration.ofMillis(300))
        .retryPolicy(DfxRetryPolicy.builder().maxAttempts(1).build());
    try (DfxClient client = client(s)) {
      long start = System.nanoTime();
      DfxTransportException e = catchThrowableOfType(DfxTransportException.class,
          () -> client.call(GET_ITEM, new ItemQuery("a b/c+ü")));

      assertThat(e.outcomeUnknown()).isTrue();
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 2_500L);
    }
  }

  /** Without the user token the server refuses; with a 401 the credentials are asked once. */
  @Test
  public void asksTheCredentialsForAFreshTokenOnceAfter401() {
    String stale = "eyJ.stale.token";
    int[] renewals = {0};
    DfxCredentials credentials = new DfxCredentials() {
      @Override
      public String token(Credential kind) {
        return renewals[0] == 0 ? stale : userToken;
      }

      @Override
      public boolean renewAfterUnauthorized(Credential kind, String rejected) {
        assertThat(rejected).isEqualTo(stale);
        renewals[0]++;
        return true;
      }
    };
    try (DfxClient client = client(settings().credentials(credentials))) {
      assertThat(client.call(GET_ITEM, new ItemQuery("a b/c+ü")).owned()).isTrue();
      assertThat(renewals[0]).isEqualTo(1);
      assertThat(backend().requestsReceived(GET_ITEM)).isEqualTo(2);
    }
  }

  /** A blank path parameter is refused before any I/O, naming it. */
  @Test
  public void refusesABlankPathParameterBeforeAnyIo() {
    try (DfxClient client = client(settings())) {
      assertThatThrownBy(() -> client.call(GET_ITEM, new ItemQuery(" ")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itemId");
      assertThatThrownBy(() -> client.call(GET_ITEM, null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
      assertThat(backend().requestsReceived(GET_ITEM)).isZero();
    }
  }

  /**
   * Both parameters of a two-parameter operation: encoded as one segment each and decoded by the
   * server; an empty or dot-segment value in either is refused naming it, before any I/O.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  public void everyPathParameterIsOneSegmentAndNeverADotSegment() throws Exception {
    try (DfxClient client = client(settings())) {
      assertThat(client.call(GET_PART, new PartQuery("a/b", "..."))).isEqualTo(new Item("a/b|...", "Part", true));
      assertThat(client.callAsync(GET_PART, new PartQuery("?x#y", "%2E%2E")).get(5, TimeUnit.SECONDS).itemId())
          .isEqualTo("?x#y|%2E%2E");
      for (String bad : List.of("", ".", "..")) {
        assertThatThrownBy(() -> client.call(GET_PART, new PartQuery(bad, "p")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("itemId ");
        assertThatThrownBy(() -> client.call(GET_PART, new PartQuery("i", bad)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("partId ");
        assertThatThrownBy(() -> client.callAsync(GET_PART, new PartQuery("i", bad)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("partId ");
      }
      assertThat(backend().requestsReceived(GET_PART)).isEqualTo(2);
    }
  }

  /**
   * An operation without an action ID and without a request (a plain GET) runs like any other,
   * blocking and async, with the credential it names; the fake routes it (over HTTP by method and
   * path, in memory by the operation) and counts it by operation.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  public void runsAPlainGetWithoutActionIdOrRequest() throws Exception {
    assumeTrue(carriesOperationsWithoutActionId(), FRAMED_BY_ACTION_ID);
    try (DfxClient client = client(settings())) {
      assertThat(client.call(GET_STATUS)).isEqualTo(new Item("status", "device", false));
      assertThat(client.callAsync(GET_STATUS).get(5, TimeUnit.SECONDS).name()).isEqualTo("device");
      assertThat(client.call(GET_STATUS, null).itemId()).isEqualTo("status");

      assertThat(backend().requestsReceived(GET_STATUS)).isEqualTo(3);
      assertThat(backend().requestsReceived(GET_ITEM)).isZero();
    }
  }

  /**
   * Without an action ID, the operation is named by method and path in its exception, and its retry
   * is named by its name; its failures are scripted by operation.
   */
  @Test
  public void namesAnOperationWithoutActionIdByMethodAndPath() {
    assumeTrue(carriesOperationsWithoutActionId(), FRAMED_BY_ACTION_ID);
    RetryRegistry registry = RetryRegistry.ofDefaults();
    backend().failNext(GET_STATUS, ScriptedFailure.error(409, "BUSY", "Try later"), 1);
    ClientSettings s = settings().retryPolicy(DfxRetryPolicy.builder().retryRegistry(registry).build());
    try (DfxClient client = client(s)) {
      DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> client.call(GET_STATUS));

      assertThat(e.status()).isEqualTo(409);
      assertThat(e.action()).isEqualTo("GET /test/status");
      assertThat(e.operation()).isSameAs(GET_STATUS);
      assertThat(e.endpoint()).isNull();
      assertThat(e.getMessage()).contains("(action GET /test/status at ").doesNotContain(" 0 GET");
      assertThat(GET_STATUS.hasActionId()).isFalse();
      assertThat(GET_STATUS.actionId()).isZero();
      assertThat(GET_STATUS.name()).isEqualTo("get-test-status");
      assertThat(registry.getAllRetries()).extracting(r -> r.getName()).contains("dfx-get-test-status");
      assertThat(backend().requestsReceived(GET_STATUS)).isEqualTo(1);
    }
  }

  /** A reset after sending: a GET without action ID is sent again (its own resend rule): two requests. */
  @Test
  public void resendsAPlainGetAfterAReset() {
    assumeTrue(carriesOperationsWithoutActionId(), FRAMED_BY_ACTION_ID);
    backend().failNext(GET_STATUS, ScriptedFailure.connectionReset(), 1);
    try (DfxClient client = client(settings())) {
      assertThat(client.call(GET_STATUS).name()).isEqualTo("device");
      assertThat(backend().requestsReceived(GET_STATUS)).isEqualTo(2);
    }
  }

  /** Without the device token, nothing is sent, and the message names the operation by method and path. */
  @Test
  public void refusesAPlainGetWithoutItsTokenBeforeAnyIo() {
    ClientSettings s = settings().credentials(kind -> kind == Credential.USER ? userToken : null);
    try (DfxClient client = client(s)) {
      assertThatThrownBy(() -> client.call(GET_STATUS)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no device token for GET /test/status");
      assertThat(backend().requestsReceived(GET_STATUS)).isZero();
    }
  }

  /**
   * A transport that frames by action ID refuses an operation without one: nothing reaches the
   * server, the failure says "not sent" and names the operation, blocking and async.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  public void refusesAnOperationWithoutActionIdWhenItCannotFrameIt() throws Exception {
    assumeFalse(carriesOperationsWithoutActionId(), "this transport carries operations without an action ID");
    try (DfxClient client = client(settings())) {
      DfxTransportException e = catchThrowableOfType(DfxTransportException.class, () -> client.call(GET_STATUS));
      Throwable async = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
          () -> client.callAsync(GET_STATUS).get(5, TimeUnit.SECONDS)).getCause();

      assertThat(e.outcomeUnknown()).isFalse();
      assertThat(e.getMessage()).contains("GET /test/status").contains("action ID");
      assertThat(async).isInstanceOf(DfxTransportException.class);
      assertThat(((DfxTransportException) async).outcomeUnknown()).isFalse();
      assertThat(backend().requestsReceived(GET_STATUS)).isZero();
    }
  }
}
