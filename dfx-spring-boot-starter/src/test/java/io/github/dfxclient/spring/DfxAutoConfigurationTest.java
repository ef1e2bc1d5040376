package io.github.dfxclient.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxCallContext;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.micrometer.DfxObservationListener;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import io.github.dfxclient.store.jdbc.JdbcTokenStore;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.transport.feign.FeignAuthsAdapter;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each condition of the auto-configuration, with {@link ApplicationContextRunner}: with and without
 * a {@code DataSource}, with and without an {@code ObservationRegistry}, each transport and a missing
 * transport module, a user bean replacing each auto-configured one, property binding errors (named,
 * never quoting a secret), the health indicator, and no thread started before the first call.
 */
class DfxAutoConfigurationTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DfxAutoConfiguration.class))
      .withPropertyValues("dfx.base-uri=" + DFX.baseUri());

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Configuration(proxyBeanMethods = false)
  static class WithDataSource {
    @Bean
    DataSource dataSource() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:dfx-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return h2;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class WithRegistry {
    @Bean
    TestObservationRegistry observationRegistry() {
      return TestObservationRegistry.create();
    }
  }

  @Test
  void withoutDataSourceOrRegistryEverythingIsInMemoryAndUnobserved() {
    runner.run(context -> {
      assertThat(context).hasNotFailed()
          .hasSingleBean(DfxTransportClients.class).hasSingleBean(TokenSession.class)
          .hasSingleBean(AuthsClient.class).hasSingleBean(AsyncAuthsClient.class)
          .doesNotHaveBean(DfxObservationListener.class)
          .hasBean(DfxHealth.BEAN_NAME);
      assertThat(context.getBean(TokenStore.class)).isInstanceOf(InMemoryTokenStore.class);
      assertThat(context.getBean(DfxTransportClients.class).blocking()).isInstanceOf(JdkAuthsAdapter.class);
      assertThat(context.getBean(AuthsPort.class)).isSameAs(context.getBean(AuthsClient.class));
      assertThat(context.getBean(AsyncAuthsPort.class)).isSameAs(context.getBean(AsyncAuthsClient.class));
    });
  }

  @Test
  void withADataSourceTheTokensAreInItsJdbcStore() {
    runner.withUserConfiguration(WithDataSource.class)
        .withPropertyValues("dfx.store.table=dfx_pairs_test", "dfx.store.encryption-key=" + KEY)
        .run(context -> {
          TokenStore store = context.getBean(TokenStore.class);
          assertThat(store).isInstanceOf(JdbcTokenStore.class);
          assertThat(store.toString()).contains("dfx_pairs_test", "encrypted=true");
          TokenPair pair = DFX.backend().issuePair("device");
          context.getBean(TokenSession.class).set(TokenKind.DEVICE, pair);
          try (var c = context.getBean(DataSource.class).getConnection();
              var rs = c.createStatement().executeQuery("SELECT token FROM dfx_pairs_test")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain(pair.token());
          }
          Health.Result health = Health.of(context.getBean(DfxHealth.BEAN_NAME));
          assertThat(health.status()).isEqualTo("UP");
          assertThat(health.details()).containsEntry("pairsHeld", 1).containsEntry("spentPairs", 0)
              .containsEntry("storeReachable", true).containsEntry("store", "JdbcTokenStore");
        });
    // without dfx-store-jdbc the DataSource is not used
    runner.withUserConfiguration(WithDataSource.class).withClassLoader(new FilteredClassLoader(JdbcTokenStore.class))
        .run(context -> assertThat(context.getBean(TokenStore.class)).isInstanceOf(InMemoryTokenStore.class));
  }

  @Test
  void withARegistryEveryCallIsObserved() {
    TokenPair pair = DFX.backend().issuePair("device");
    runner.withUserConfiguration(WithRegistry.class).run(context -> {
      assertThat(context).hasSingleBean(DfxObservationListener.class);
      context.getBean(TokenSession.class).set(TokenKind.DEVICE, pair);

      context.getBean(AuthsClient.class).requestLoginCode(new LoginCodeRequest("+15555550100", "acme"));

      TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
      io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
          .hasSingleObservationThat().hasNameEqualTo("dfx.client.requests")
          .hasLowCardinalityKeyValue("action", "2303");
    });
    // a registry but no dfx-micrometer: no listener
    runner.withUserConfiguration(WithRegistry.class)
        .withClassLoader(new FilteredClassLoader(DfxObservationListener.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("dfxObservationListener"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "feign", "FEIGN"})
  void eachTransportCarriesTheCallsWithTheSessionsToken(String transport) {
    TokenPair pair = DFX.backend().issuePair("device");
    runner.withPropertyValues("dfx.transport=" + transport).run(context -> {
      DfxTransportClients clients = context.getBean(DfxTransportClients.class);
      assertThat(clients.blocking()).isInstanceOf(transport.equals("jdk") ? JdkAuthsAdapter.class
          : FeignAuthsAdapter.class);
      context.getBean(TokenSession.class).set(TokenKind.DEVICE, pair);

      assertThat(context.getBean(AuthsClient.class).requestLoginCode(new LoginCodeRequest("+15555550100", "acme"))
          .success()).isTrue();
      assertThat(context.getBean(AsyncAuthsClient.class).requestLoginCode(new LoginCodeRequest("+15555550100",
          "acme")).get(10, TimeUnit.SECONDS).success()).isTrue();

      assertThat(DFX.server().journal()).hasSize(2).allSatisfy(r ->
          assertThat(r.header("Authorization")).isEqualTo("Bearer " + pair.token()));
    });
  }

  @Test
  void aMissingTransportModuleFailsStartupNamingThePropertyAndTheArtifact() {
    runner.withPropertyValues("dfx.transport=feign").withClassLoader(new FilteredClassLoader(FeignAuthsAdapter.class))
        .run(context -> assertThat(failure(context)).contains("dfx.transport=feign",
            "io.github.dfxclient:dfx-transport-feign"));
    runner.withClassLoader(new FilteredClassLoader(JdkAuthsAdapter.class))
        .run(context -> assertThat(failure(context)).contains("dfx.transport=jdk",
            "io.github.dfxclient:dfx-transport-jdk"));
  }

  @Test
  void badPropertiesFailStartupNamingThePropertyNeverItsSecret() {
    runner.withPropertyValues("dfx.base-uri=127.0.0.1:8080")
        .run(context -> assertThat(failure(context)).contains("dfx.base-uri", "http://127.0.0.1:8080"));
    runner.withPropertyValues("dfx.base-uri=https://ada:s3cr3t-pw@dfx.example")
        .run(context -> assertThat(failure(context)).contains("dfx.base-uri").doesNotContain("s3cr3t-pw"));
    runner.withPropertyValues("dfx.base-uri=http://dfx.example")
        .run(context -> assertThat(failure(context)).contains("dfx.base-uri"));
    runner.withPropertyValues("dfx.transport=grpc")
        .run(context -> assertThat(failure(context)).contains("dfx.transport"));
    runner.withPropertyValues("dfx.request-timeout=0s")
        .run(context -> assertThat(failure(context)).contains("dfx.request-timeout"));
    runner.withPropertyValues("dfx.connect-timeout=2h")
        .run(context -> assertThat(failure(context)).contains("dfx.connect-timeout"));
    runner.withPropertyValues("dfx.retry.max-attempts=0")
        .run(context -> assertThat(failure(context)).contains("dfx.retry", "maxAttempts"));
    runner.withPropertyValues("dfx.session.renew-skew=-1s")
        .run(context -> assertThat(failure(context)).contains("dfx.session.renew-skew"));
    runner.withUserConfiguration(WithDataSource.class).withPropertyValues("dfx.store.table=drop table")
        .run(context -> assertThat(failure(context)).contains("dfx.store.table"));
    runner.withUserConfiguration(WithDataSource.class).withPropertyValues("dfx.store.encryption-key=not*base64")
        .run(context -> assertThat(failure(context)).contains("dfx.store.encryption-key").doesNotContain("not*base64"));
    String shortKey = Base64.getEncoder().encodeToString("0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    runner.withUserConfiguration(WithDataSource.class).withPropertyValues("dfx.store.encryption-key=" + shortKey)
        .run(context -> assertThat(failure(context)).contains("dfx.store.encryption-key", "10 bytes")
            .doesNotContain(shortKey));
  }

  /** @return the messages of the startup failure's chain */
  private static String failure(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    StringBuilder all = new StringBuilder();
    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  @Configuration(proxyBeanMethods = false)
  static class UserBeans {
    static final InMemoryTokenStore STORE = new InMemoryTokenStore();

    @Bean
    TokenStore myStore() {
      return STORE;
    }

    @Bean
    DfxTransportClients myClients() {
      JdkAuthsAdapter.Builder b = JdkAuthsAdapter.builder().baseUri(DFX.baseUri());
      return new DfxTransportClients(b.build(), b.buildAsync(), null);
    }

    @Bean
    TokenSession mySession(DfxTransportClients clients) {
      return TokenSession.builder().auths(clients.blocking()).store(STORE).build();
    }

    @Bean
    AuthsPort myAuths(DfxTransportClients clients, TokenSession session) {
      return clients.blocking().withCredentials(session.credentials());
    }

    @Bean
    AsyncAuthsPort myAsyncAuths(DfxTransportClients clients, TokenSession session) {
      return clients.async().withCredentials(session.credentials());
    }

    @Bean
    DfxObservationListener myObservations() {
      return new DfxObservationListener(ObservationRegistry.NOOP);
    }

    @Bean
    Object dfxHealthIndicator() {
      return "mine";
    }
  }

  @Test
  void userBeansReplaceEachAutoConfiguredOne() {
    runner.withUserConfiguration(UserBeans.class, WithRegistry.class, WithDataSource.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(TokenStore.class)).isSameAs(UserBeans.STORE);
      assertThat(context.getBeanNamesForType(DfxTransportClients.class)).containsExactly("myClients");
      assertThat(context.getBeanNamesForType(TokenSession.class)).containsExactly("mySession");
      assertThat(context.getBeanNamesForType(AuthsPort.class)).containsExactly("myAuths");
      assertThat(context.getBeanNamesForType(AsyncAuthsPort.class)).containsExactly("myAsyncAuths");
      assertThat(context.getBeanNamesForType(DfxObservationListener.class)).containsExactly("myObservations");
      assertThat(context.getBean(DfxHealth.BEAN_NAME)).isEqualTo("mine");
    });
  }

  @Test
  void everyListenerBeanSeesTheCallsAndTheRenews() {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger renews = new AtomicInteger();
    DfxCallListener counting = new DfxCallListener() {
      @Override
      public void beforeCall(DfxCallContext call) {
        calls.incrementAndGet();
      }

      @Override
      public void beforeRenew(io.github.dfxclient.core.DfxRenewContext renew) {
        renews.incrementAndGet();
      }
    };
    TokenPair pair = DFX.backend().issuePair("device");
    runner.withBean("counting", DfxCallListener.class, () -> counting).run(context -> {
      TokenSession session = context.getBean(TokenSession.class);
      session.set(TokenKind.DEVICE, pair);
      session.renewIfStill(TokenKind.DEVICE, pair.token());
      context.getBean(AuthsClient.class).requestLoginCode(new LoginCodeRequest("+15555550100", "acme"));

      assertThat(renews).hasValue(1);
      assertThat(calls).hasValue(2);
    });
  }

  @Test
  void nothingStartsAThreadBeforeTheFirstCall() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    runner.withUserConfiguration(WithDataSource.class, WithRegistry.class).run(context -> {
      assertThat(context).hasNotFailed();
      context.getBean(AuthsClient.class);
      context.getBean(AsyncAuthsClient.class);
      Health.of(context.getBean(DfxHealth.BEAN_NAME));
      List<String> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
          .map(Thread::getName).filter(n -> n.contains("HttpClient") || n.startsWith("dfx-"))
          .collect(Collectors.toList());

      assertThat(started).isEmpty();
    });
  }
}
