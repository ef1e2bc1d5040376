package io.github.dfxclient.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServer;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A real Spring Boot application (auto-configuration, actuator, an H2 {@code DataSource} from
 * {@code spring.datasource.*}) against the fake DFX server: calls work with the session's tokens, 64
 * concurrent requests on an expiring device token cause exactly one renew at the server, and the
 * observations recorded have the documented names and keys and no token in any tag or event. One
 * context for the class.
 */
class DfxApplicationTest {
  private static final int CALLERS = 64;

  static FakeDfxServer server;
  static ConfigurableApplicationContext app;
  static final List<String> observed = new CopyOnWriteArrayList<>();

  /** The application: its own observation registry; everything else is auto-configured. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    TestObservationRegistry observationRegistry() {
      TestObservationRegistry registry = TestObservationRegistry.create();
      registry.observationConfig().observationHandler(new ObservationHandler<>() {
        @Override
        public boolean supportsContext(Observation.Context context) {
          return true;
        }

        @Override
        public void onEvent(Observation.Event event, Observation.Context context) {
          observed.add(context.getName() + "." + event.getName() + " " + event.getContextualName() + " "
              + describe(context));
        }

        @Override
        public void onStop(Observation.Context context) {
          observed.add(describe(context));
        }
      });
      return registry;
    }
  }

  static String describe(Observation.Context c) {
    List<String> parts = new ArrayList<>();
    parts.add(c.getName() + " " + c.getContextualName());
    for (KeyValue kv : c.getAllKeyValues()) {
      parts.add(kv.getKey() + "=" + kv.getValue());
    }
    return String.join(" ", parts);
  }

  @BeforeAll
  static void start() {
    // the server's clock is 59.5 min behind: the device pair it issues now expired for the session
    // in 30 s, less than the renew skew (60 s): every caller needs a renew first
    FakeAuthsBackend backend = new FakeAuthsBackend(Clock.offset(Clock.systemUTC(),
        Duration.ofMinutes(-59).minusSeconds(30)), Duration.ofHours(1));
    server = new FakeDfxServer(backend, 0).start();
    app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
        "dfx.base-uri=" + server.baseUri(),
        "dfx.transport=jdk",
        "dfx.store.encryption-key=" + Base64.getEncoder().encodeToString(new byte[16]),
        "spring.datasource.url=jdbc:h2:mem:dfx-app;DB_CLOSE_DELAY=-1",
        "spring.main.banner-mode=off").run();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void oneRenewServesSixtyFourConcurrentCallsAndEveryObservationIsClean() throws Exception {
    FakeAuthsBackend backend = server.backend();
    TokenPair device = backend.issuePair("device");
    TokenSession session = app.getBean(TokenSession.class);
    session.set(TokenKind.DEVICE, device);
    assertThat(app.getBean(TokenStore.class).getClass().getSimpleName()).isEqualTo("JdbcTokenStore");
    AuthsClient auths = app.getBean(AuthsClient.class);
    AsyncAuthsClient async = app.getBean(AsyncAuthsClient.class);

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < CALLERS; i++) {
        String phone = String.format("+1555555%04d", i);
        Callable<Boolean> call = () -> {
          go.await();
          return auths.requestLoginCode(new LoginCodeRequest(phone, "acme")).success();
        };
        results.add(callers.submit(call));
      }
      go.countDown();
      for (Future<Boolean> r : results) {
        assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(async.requestLoginCode(new LoginCodeRequest("+15555559999", "acme")).get(30, TimeUnit.SECONDS)
        .success()).isTrue();

    assertThat(backend.requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
    assertThat(backend.requestsReceived(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(CALLERS + 1);
    TokenPair renewed = session.current(TokenKind.DEVICE).orElseThrow();
    assertThat(renewed).isNotEqualTo(device);
    assertThat(backend.isCurrent(renewed)).isTrue();
    // every login code was sent with the renewed token, none with the expiring one
    assertThat(server.journal().stream().filter(r -> r.path().equals("/auths/users/code")))
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + renewed.token()));

    TestObservationRegistry registry = app.getBean(TestObservationRegistry.class);
    io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo("dfx.client.requests", CALLERS + 2)
        .hasNumberOfObservationsWithNameEqualTo("dfx.session.renewals", 1);
    io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("dfx.session.renewals").that()
        .hasLowCardinalityKeyValue("kind", "device").hasLowCardinalityKeyValue("outcome", "renewed")
        .hasLowCardinalityKeyValue("exception", "none").hasHighCardinalityKeyValue("principal", "default");
    io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
        .hasAnObservation(o -> o.hasNameEqualTo("dfx.client.requests").hasLowCardinalityKeyValue("action", "2303")
            .hasLowCardinalityKeyValue("operation", "request-login-code").hasLowCardinalityKeyValue("method", "PATCH")
            .hasLowCardinalityKeyValue("outcome", "success").hasLowCardinalityKeyValue("status.class", "2xx")
            .hasLowCardinalityKeyValue("transport", "jdk-httpclient").hasLowCardinalityKeyValue("exception", "none"))
        .hasAnObservation(o -> o.hasNameEqualTo("dfx.client.requests").hasLowCardinalityKeyValue("action", "2304"));
    assertThat(observed).hasSizeGreaterThanOrEqualTo(CALLERS + 3);
    for (String o : observed) {
      assertThat(o).doesNotContain(device.token(), device.refreshToken(), renewed.token(), renewed.refreshToken(),
          "+1555555", "5555559999");
    }

    Health.Result health = Health.of(app.getBean(DfxHealth.BEAN_NAME));
    assertThat(health.status()).isEqualTo("UP");
    assertThat(health.details()).containsEntry("pairsHeld", 1).containsEntry("storeReachable", true);
  }
}
