package io.github.dfxclient.spring;

import io.github.dfxclient.auths.AsyncAuthsClient;
import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of dfx-java from the {@code dfx.*} properties ({@link DfxProperties}). Every
 * bean is {@code @ConditionalOnMissingBean}: define your own to replace it.
 *
 * <ul>
 *   <li>{@link TokenStore}: a {@code JdbcTokenStore} on the application's {@code DataSource} when
 *       there is one and dfx-store-jdbc is on the class path (a fleet renews once); an {@link
 *       InMemoryTokenStore} otherwise.
 *   <li>{@link DfxTransportClients}: the transport {@code dfx.transport} names (its module must be
 *       present), with every {@link DfxCallListener} bean; its HTTP client is built on the first call.
 *   <li>{@link TokenSession}: on the store, renewing through those clients, with the listeners.
 *   <li>{@link AuthsClient} and {@link AsyncAuthsClient}: the session's credentials on those clients.
 *   <li>{@code DfxObservationListener}: when dfx-micrometer is present and there is an {@code
 *       ObservationRegistry} bean (Spring Boot's actuator makes one).
 *   <li>{@code dfxHealthIndicator}: when Spring Boot's health API is present (see {@link DfxHealth}).
 * </ul>
 *
 * Nothing starts a thread or does I/O before the application's first call.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@EnableConfigurationProperties(DfxProperties.class)
@Import(DfxHealth.Registrar.class)
public class DfxAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.spring");

  /** Made by Spring. */
  public DfxAutoConfiguration() {}

  /**
   * @param properties the {@code dfx.*} properties
   * @param listeners every {@link DfxCallListener} bean, in their order
   * @param context the application context, whose class loader tells which transport modules are present
   * @return the clients that own the transport, without credentials
   * @throws IllegalStateException naming the property when a setting cannot work, or when the
   *     transport's module is missing
   */
  @Bean
  @ConditionalOnMissingBean
  public DfxTransportClients dfxTransportClients(DfxProperties properties, ObjectProvider<DfxCallListener> listeners,
      org.springframework.context.ApplicationContext context) {
    String baseUri = setting("dfx.base-uri", () -> {
      ClientSettings checked = new ClientSettings().baseUri(properties.getBaseUri())
          .allowPlainHttp(properties.isAllowPlainHttp());
      checked.check();
      return properties.getBaseUri();
    });
    Duration requestTimeout = timeout("dfx.request-timeout", properties.getRequestTimeout());
    Duration connectTimeout = timeout("dfx.connect-timeout", properties.getConnectTimeout());
    DfxProperties.Retry r = properties.getRetry();
    DfxRetryPolicy policy = setting("dfx.retry", () -> DfxRetryPolicy.builder().maxAttempts(r.getMaxAttempts())
        .initialBackoff(r.getInitialBackoff()).backoffMultiplier(r.getMultiplier())
        .maxRetryAfter(r.getMaxRetryAfter()).build());
    if (properties.getTransport() == null) {
      throw new IllegalStateException("dfx.transport must be jdk or feign");
    }
    List<DfxCallListener> all = listeners.orderedStream().toList();
    return TransportBuilders.build(properties.getTransport(),
        new TransportBuilders.Settings(baseUri, properties.isAllowPlainHttp(), requestTimeout, connectTimeout, policy,
            all),
        context.getClassLoader());
  }

  /**
   * @return an in-memory store, when no other {@link TokenStore} is defined (no {@code DataSource},
   *     or dfx-store-jdbc absent)
   */
  @Bean
  @ConditionalOnMissingBean
  public TokenStore dfxTokenStore() {
    return new InMemoryTokenStore();
  }

  /**
   * @param properties the {@code dfx.*} properties
   * @param store the token store
   * @param clients the clients renews are sent through
   * @param listeners every {@link DfxCallListener} bean, in their order
   * @return the session; it reads pairs from the store on first use (no I/O here)
   */
  @Bean
  @ConditionalOnMissingBean
  public TokenSession dfxTokenSession(DfxProperties properties, TokenStore store, DfxTransportClients clients,
      ObjectProvider<DfxCallListener> listeners) {
    TokenSession.Builder b = TokenSession.builder().auths(clients.blocking()).asyncAuths(clients.async()).store(store);
    setting("dfx.session.renew-skew", () -> b.renewSkew(properties.getSession().getRenewSkew()));
    listeners.orderedStream().forEach(b::listener);
    return b.build();
  }

  /**
   * @param clients the clients that own the transport
   * @param session the session whose credentials the calls send
   * @return the blocking Auths client, as the session's credentials (close does nothing: the clients
   *     bean owns the transport)
   */
  @Bean
  @ConditionalOnMissingBean(AuthsPort.class)
  public AuthsClient dfxAuthsClient(DfxTransportClients clients, TokenSession session) {
    return clients.blocking().withCredentials(session.credentials());
  }

  /**
   * @param clients the clients that own the transport
   * @param session the session whose credentials the calls send
   * @return the asynchronous Auths client, as the session's credentials
   */
  @Bean
  @ConditionalOnMissingBean(AsyncAuthsPort.class)
  public AsyncAuthsClient dfxAsyncAuthsClient(DfxTransportClients clients, TokenSession session) {
    return clients.async().withCredentials(session.credentials());
  }

  /** The JDBC token store on the application's {@code DataSource}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.github.dfxclient.store.jdbc.JdbcTokenStore", "javax.sql.DataSource"})
  @ConditionalOnSingleCandidate(javax.sql.DataSource.class)
  static class JdbcStore {
    /**
     * @param properties the {@code dfx.*} properties
     * @param dataSource the application's data source
     * @return the JDBC store; the table is created on first use
     */
    @Bean
    @ConditionalOnMissingBean
    TokenStore dfxTokenStore(DfxProperties properties, javax.sql.DataSource dataSource) {
      return JdbcStores.build(properties.getStore(), dataSource);
    }
  }

  /** Observations of every call and renew, with dfx-micrometer and an {@code ObservationRegistry}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.micrometer.observation.ObservationRegistry",
      "io.github.dfxclient.micrometer.DfxObservationListener"})
  @ConditionalOnBean(type = "io.micrometer.observation.ObservationRegistry")
  static class Observations {
    /**
     * @param registry the application's registry
     * @param clientConvention a {@code DfxClientObservationConvention} bean, if any, replaces the default
     * @param renewalConvention a {@code DfxRenewalObservationConvention} bean, if any, replaces the default
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean
    io.github.dfxclient.micrometer.DfxObservationListener dfxObservationListener(
        io.micrometer.observation.ObservationRegistry registry,
        ObjectProvider<io.github.dfxclient.micrometer.DfxClientObservationConvention> clientConvention,
        ObjectProvider<io.github.dfxclient.micrometer.DfxRenewalObservationConvention> renewalConvention) {
      return io.github.dfxclient.micrometer.DfxObservationListener.builder(registry)
          .clientConvention(clientConvention.getIfUnique())
          .renewalConvention(renewalConvention.getIfUnique())
          .build();
    }
  }

  private static Duration timeout(String property, Duration value) {
    if (value == null || value.toMillis() < 1 || value.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalStateException(property + " must be 1 ms to 1 h");
    }
    return value;
  }

  /**
   * @return what {@code action} made
   * @throws IllegalStateException naming {@code property} when the action refused a value (the
   *     message of the library's check, which never quotes a secret)
   */
  static <T> T setting(String property, Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + ": " + e.getMessage(), null);
    }
  }

  static Logger log() {
    return LOG;
  }
}
