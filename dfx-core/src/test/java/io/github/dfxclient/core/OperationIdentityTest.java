package io.github.dfxclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.core.EngineTest.Scripted;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.core.spi.DfxHttpRequest;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The operation's identity: what the engine hands a transport with each request, operations
 * without an action ID or a request, names, and who closes a transport.
 */
class OperationIdentityTest {

  record Part(String itemId, String partId) {}

  static final DfxOperation<Part, String> GET_PART =
      DfxOperation.<Part, String>builder(9010, "GET", "/items/{itemId}/parts/{partId}")
          .pathParameters(p -> List.of(p.itemId(), p.partId()), v -> new Part(v.get(0), v.get(1)))
          .answer(EngineTest.TEXT)
          .credential(Credential.USER)
          .build();

  /** A plain GET: no action ID, no body, no path parameters. */
  static final DfxOperation<Void, String> STATUS = DfxOperation.<Void, String>builder("GET", "/v1/status")
      .answer(EngineTest.TEXT)
      .resendAfterMaybeActed(true)
      .build();

  private final Scripted transport = new Scripted();

  private DfxClient client() {
    return DfxClient.create(transport, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9/gw"))
        .credentials(kind -> kind.name().toLowerCase() + "-token")
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).jitter(0).build()));
  }

  @Test
  void eachRequestCarriesItsOperationsIdentity() {
    transport.ok("a").ok("b");
    DfxClient client = client();

    client.call(GET_PART, new Part("a b/c", "ü"));
    client.call(EngineTest.SEND, "x");

    DfxHttpRequest get = transport.sent.get(0);
    assertThat(get.operation()).isSameAs(GET_PART);
    assertThat(get.actionId()).isEqualTo(9010);
    assertThat(get.operationName()).isEqualTo("get-items-itemid-parts-partid");
    assertThat(get.pathTemplate()).isEqualTo("/items/{itemId}/parts/{partId}");
    assertThat(get.credential()).isEqualTo(Credential.USER);
    assertThat(get.pathParameters()).containsExactly(Map.entry("itemId", "a b/c"), Map.entry("partId", "ü"));
    assertThat(get.query()).isEmpty();
    assertThat(get.uri().getRawPath()).isEqualTo("/gw/items/a%20b%2Fc/parts/%C3%BC");
    assertThat(get.toString()).doesNotContain("Bearer");

    DfxHttpRequest post = transport.sent.get(1);
    assertThat(post.operation()).isSameAs(EngineTest.SEND);
    assertThat(post.pathParameters()).isEmpty();
    assertThat(post.credential()).isEqualTo(Credential.DEVICE);
  }

  @Test
  void aRequestFormedOutsideTheEngineCarriesNoIdentity() {
    DfxHttpRequest r = new DfxHttpRequest("GET", URI.create("http://127.0.0.1:9/x"), Map.of(), null, 0L, 1024);

    assertThat(r.operation()).isNull();
    assertThat(r.actionId()).isZero();
    assertThat(r.operationName()).isNull();
    assertThat(r.pathTemplate()).isNull();
    assertThat(r.credential()).isNull();
    assertThat(r.pathParameters()).isEmpty();
    assertThat(r.query()).isEmpty();
    assertThat(new DfxHttpRequest("GET", r.uri(), Map.of(), null, 0L, 1024, null, null, null).pathParameters())
        .isEmpty();
  }

  /**
   * A plain GET without an action ID: run blocking and async with {@code call(op)}, no body, no
   * {@code Content-Type}, named by method and path everywhere.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  void runsAPlainGetWithoutActionIdOrRequest() throws Exception {
    transport.ok("up").ok("up again").status(404);
    DfxClient client = client();

    assertThat(client.call(STATUS)).isEqualTo("up");
    assertThat(client.callAsync(STATUS).get(5, TimeUnit.SECONDS)).isEqualTo("up again");
    DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> client.call(STATUS, null));

    DfxHttpRequest sent = transport.sent.get(0);
    assertThat(sent.operation()).isSameAs(STATUS);
    assertThat(sent.actionId()).isZero();
    assertThat(sent.operationName()).isEqualTo("get-v1-status");
    assertThat(sent.body()).isNull();
    assertThat(sent.headers()).doesNotContainKey("Content-Type").containsEntry("Authorization", "Bearer device-token");
    assertThat(sent.uri()).isEqualTo(URI.create("http://127.0.0.1:9/gw/v1/status"));
    assertThat(STATUS.takesRequest()).isFalse();
    assertThat(STATUS.hasActionId()).isFalse();
    assertThat(STATUS).hasToString("GET /v1/status");
    assertThat(STATUS.endpoint()).isEmpty();
    assertThat(STATUS.requestFromPath(List.of())).isNull();
    assertThat(e.action()).isEqualTo("GET /v1/status");
    assertThat(e.operation()).isSameAs(STATUS);
    assertThat(e.endpoint()).isNull();
    assertThat(e.getMessage()).contains("(action GET /v1/status at http://127.0.0.1:9/gw/v1/status)");
  }

  @Test
  void aMissingTokenNamesAnOperationWithoutActionIdByMethodAndPath() {
    DfxClient client = DfxClient.create(transport, new ClientSettings().baseUri(URI.create("http://127.0.0.1:9")));

    assertThatThrownBy(() -> client.call(STATUS)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no device token for GET /v1/status: ");
    assertThatThrownBy(() -> client.call(EngineTest.SEND, "x")).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no device token for action 9001 (POST /send): ");
    assertThat(transport.sent).isEmpty();
  }

  @Test
  void anOperationThatTakesARequestRefusesNone() {
    DfxClient client = client();
    @SuppressWarnings("unchecked")
    DfxOperation<Void, String> misdeclared = (DfxOperation<Void, String>) (DfxOperation<?, ?>) EngineTest.SEND;

    assertThatThrownBy(() -> client.call(misdeclared)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThatThrownBy(() -> client.callAsync(misdeclared)).isInstanceOf(IllegalArgumentException.class);
    assertThat(transport.sent).isEmpty();
  }

  @Test
  void namesAreStableAndSettable() {
    assertThat(EngineTest.SEND.name()).isEqualTo("post-send");
    assertThat(DfxOperation.<Void, String>builder(1, "GET", "/a").name("my.op_1").answer(EngineTest.TEXT).build()
        .name()).isEqualTo("my.op_1");
    for (String bad : new String[] {"", "-x", "a b", "a/b", "x".repeat(101)}) {
      assertThatThrownBy(() -> DfxOperation.builder("GET", "/a").name(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name ");
    }
    assertThatThrownBy(() -> DfxOperation.builder("GET", "/a").name(null)).hasMessageStartingWith("name ");
  }

  @Test
  void refusesWhatCannotBeAnOperation() {
    assertThatThrownBy(() -> DfxOperation.builder(0, "GET", "/a")).hasMessageStartingWith("actionId ");
    assertThatThrownBy(() -> DfxOperation.builder(10000, "GET", "/a")).hasMessageStartingWith("actionId ");
    assertThatThrownBy(() -> DfxOperation.builder("get", "/a")).hasMessageStartingWith("method ");
    assertThatThrownBy(() -> DfxOperation.<Part, String>builder("GET", "/a/{x}/b/{x}")
        .pathParameters(p -> List.of("1", "2"), v -> null).answer(EngineTest.TEXT).build())
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> DfxOperation.<Void, String>builder("GET", "/a").build())
        .hasMessageContaining("answer");
  }

  @Test
  void pathParametersAreCheckedAndKeptInTemplateOrder() {
    Map<String, String> p = GET_PART.pathParameters(new Part("z", "a"));

    assertThat(p.keySet()).containsExactly("itemId", "partId");
    assertThat(GET_PART.pathParameterNames()).containsExactly("itemId", "partId");
    assertThat(GET_PART.expandPath(p)).isEqualTo("/items/z/parts/a").isEqualTo(GET_PART.path(new Part("z", "a")));
    assertThatThrownBy(() -> p.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> GET_PART.pathParameters(new Part("..", "a"))).hasMessageStartingWith("itemId ");
    assertThatThrownBy(() -> GET_PART.expandPath(Map.of("itemId", "z"))).hasMessageStartingWith("partId ");
    assertThat(STATUS.pathParameters(null)).isEmpty();
    assertThat(STATUS.expandPath(Map.of())).isEqualTo("/v1/status");
  }

  /** One Retry per name cannot apply two resend rules: the second operation is refused, naming the fix. */
  @Test
  void twoOperationsWithOneNameButTwoResendRulesAreRefused() {
    DfxRetryPolicy policy = DfxRetryPolicy.builder().retryRegistry(RetryRegistry.ofDefaults()).build();
    DfxOperation<Void, String> a = DfxOperation.<Void, String>builder("GET", "/x").name("same")
        .answer(EngineTest.TEXT).resendAfterMaybeActed(true).build();
    DfxOperation<Void, String> b = DfxOperation.<Void, String>builder("POST", "/x").name("same")
        .answer(EngineTest.TEXT).build();
    DfxOperation<Void, String> c = DfxOperation.<Void, String>builder("PUT", "/x").name("same")
        .answer(EngineTest.TEXT).resendAfterMaybeActed(true).build();

    assertThat(policy.retry(a).getName()).isEqualTo("dfx-same");
    assertThat(policy.retry(c)).isSameAs(policy.retry(a));
    assertThatThrownBy(() -> policy.retry(b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another name");
  }

  /** A client from the builder never closes the transport it was given; one from create() owns it. */
  @Test
  void whoeverMadeATransportClosesIt() {
    AtomicInteger closed = new AtomicInteger();
    DfxTransport counted = new DfxTransport() {
      @Override
      public DfxHttpResponse send(DfxHttpRequest request) {
        return new DfxHttpResponse(200, Map.of("Content-Type", List.of("application/json")),
            EngineTest.TEXT.encode("ok"));
      }

      @Override
      public String name() {
        return "counted";
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    };

    DfxClient given = DfxClient.builder().transport(counted).baseUri("http://127.0.0.1:9")
        .bearerToken(() -> "t").requestTimeout(Duration.ofSeconds(3)).maxAnswerBytes(2048).build();
    DfxClient view = given.withCredentials(kind -> "u");
    assertThat(given.call(STATUS)).isEqualTo("ok");
    view.close();
    given.close();
    assertThat(closed).hasValue(0);
    assertThat(given.call(STATUS)).as("still usable: the transport is the application's").isEqualTo("ok");
    assertThat(given.requestTimeout()).isEqualTo(Duration.ofSeconds(3));

    DfxClient owner = DfxClient.create(counted, new ClientSettings().baseUri("http://127.0.0.1:9"));
    owner.withCredentials(kind -> "u").close();
    assertThat(closed).hasValue(0);
    owner.close();
    assertThat(closed).hasValue(1);

    assertThatThrownBy(() -> DfxClient.builder().build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transport must not be null");
    assertThatThrownBy(() -> DfxClient.builder().transport(null)).hasMessage("transport must not be null");
    assertThatThrownBy(() -> DfxClient.builder().transport(counted).baseUri("http://api.deepaffex.ai").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri");
  }
}
