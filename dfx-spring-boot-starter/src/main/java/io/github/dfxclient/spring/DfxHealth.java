package io.github.dfxclient.spring;

import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The health of dfx-java in an application: the pairs the {@link TokenSession} holds, how many are
 * spent or unsaved, and whether the token store is reachable. The starter registers it as the
 * health indicator {@code dfxHealthIndicator} (shown as {@code dfx} under {@code /actuator/health})
 * when Spring Boot's health API is present, on Spring Boot 3.5 and 4.0 alike (it finds that API at
 * run time); define a bean named {@code dfxHealthIndicator} to replace it.
 *
 * <p>Status: {@code UP} when the store is reachable, {@code DOWN} otherwise. Details: {@code
 * pairsHeld}, {@code spentPairs}, {@code unsavedPairs}, {@code storeReachable}, {@code store} (the
 * store's type). A spent pair is a detail, not a failure: the application may serve its other
 * users; alert on {@code spentPairs} if a spent device pair matters to you. Never a token.
 */
public final class DfxHealth {
  /** The bean name of the health indicator. */
  public static final String BEAN_NAME = "dfxHealthIndicator";

  private final TokenSession session;
  private final TokenStore store;
  private final DataSource dataSource;

  /**
   * @param session the session whose pairs are counted
   * @param store its store
   * @param dataSource the store's data source, probed instead of the store when given (a JDBC store
   *     retries transient failures for a long time); {@code null} to probe the store
   * @throws IllegalArgumentException when {@code session} or {@code store} is {@code null}
   */
  public DfxHealth(TokenSession session, TokenStore store, DataSource dataSource) {
    if (session == null || store == null) {
      throw new IllegalArgumentException("session and store must not be null");
    }
    this.session = session;
    this.store = store;
    this.dataSource = dataSource;
  }

  /**
   * What the health endpoint shows.
   *
   * @param up whether the store is reachable
   * @param details {@code pairsHeld}, {@code spentPairs}, {@code unsavedPairs}, {@code
   *     storeReachable}, {@code store}
   */
  public record Report(boolean up, Map<String, Object> details) {}

  /**
   * Counts the session's pairs (memory only) and probes the store: the data source's connection
   * ({@code isValid}, 2 s) for a JDBC store, else one read of the device pair.
   *
   * @return the report
   */
  public Report report() {
    boolean reachable = reachable();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("pairsHeld", session.pairsHeld());
    details.put("spentPairs", session.spentPairs());
    details.put("unsavedPairs", session.unsavedPairs());
    details.put("storeReachable", reachable);
    details.put("store", store.getClass().getSimpleName());
    return new Report(reachable, details);
  }

  private boolean reachable() {
    try {
      if (dataSource != null) {
        try (Connection c = dataSource.getConnection()) {
          return c.isValid(2);
        }
      }
      store.load(TokenKey.device());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Registers {@code dfxHealthIndicator} as an implementation of the health API present: Spring Boot
   * 4's {@code org.springframework.boot.health.contributor.HealthIndicator} or Spring Boot 3's {@code
   * org.springframework.boot.actuate.health.HealthIndicator}; none when neither is, or when the
   * application defines a bean of that name.
   */
  static final class Registrar implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {
    private static final String[] PACKAGES = {"org.springframework.boot.health.contributor",
        "org.springframework.boot.actuate.health"};
    private ClassLoader loader = Registrar.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
      this.loader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      if (registry.containsBeanDefinition(BEAN_NAME) || !(registry instanceof ListableBeanFactory beans)) {
        return;
      }
      for (String pkg : PACKAGES) {
        Class<?> indicator;
        Class<?> health;
        try {
          indicator = Class.forName(pkg + ".HealthIndicator", false, loader);
          health = Class.forName(pkg + ".Health", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(indicator);
        definition.setInstanceSupplier(() -> indicator(indicator, health, () -> new DfxHealth(
            beans.getBean(TokenSession.class), beans.getBean(TokenStore.class),
            jdbcDataSource(beans))));
        registry.registerBeanDefinition(BEAN_NAME, definition);
        return;
      }
    }

    /** @return the application's data source when the store is the JDBC one on it */
    private static DataSource jdbcDataSource(ListableBeanFactory beans) {
      TokenStore store = beans.getBean(TokenStore.class);
      if (!store.getClass().getName().equals("io.github.dfxclient.store.jdbc.JdbcTokenStore")) {
        return null;
      }
      return beans.getBeanProvider(DataSource.class).getIfUnique();
    }

    private Object indicator(Class<?> indicator, Class<?> health, java.util.function.Supplier<DfxHealth> dfx) {
      DfxHealth[] once = new DfxHealth[1];
      InvocationHandler handler = (proxy, method, args) -> {
        switch (method.getName()) {
          case "health":
            if (once[0] == null) {
              once[0] = dfx.get();
            }
            boolean withDetails = args == null || args.length == 0 || !(args[0] instanceof Boolean b) || b;
            return build(health, once[0].report(), withDetails);
          case "toString":
            return "DfxHealthIndicator";
          case "hashCode":
            return System.identityHashCode(proxy);
          case "equals":
            return proxy == args[0];
          default:
            if (method.isDefault()) {
              return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(method.getName());
        }
      };
      return Proxy.newProxyInstance(loader, new Class<?>[] {indicator}, handler);
    }

    private static Object build(Class<?> health, Report report, boolean withDetails) throws Exception {
      Object builder = health.getMethod(report.up() ? "up" : "down").invoke(null);
      if (withDetails) {
        Method withDetail = builder.getClass().getMethod("withDetail", String.class, Object.class);
        for (Map.Entry<String, Object> d : report.details().entrySet()) {
          withDetail.invoke(builder, d.getKey(), d.getValue());
        }
      }
      return builder.getClass().getMethod("build").invoke(builder);
    }
  }
}
