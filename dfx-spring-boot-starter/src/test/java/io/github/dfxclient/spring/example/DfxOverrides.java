package io.github.dfxclient.spring.example;

import io.github.dfxclient.core.DfxCallContext;
import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.micrometer.DefaultDfxClientObservationConvention;
import io.github.dfxclient.micrometer.DfxClientObservationContext;
import io.github.dfxclient.micrometer.DfxClientObservationConvention;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenStore;
import io.micrometer.common.KeyValues;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// readme:spring-override:start
@Configuration(proxyBeanMethods = false)
public class DfxOverrides {
  public static final AtomicBoolean PAUSED = new AtomicBoolean();   // your feature flag

  @Bean      // replaces the auto-configured store (JDBC or in memory): your Redis, Vault, ...
  TokenStore dfxTokenStore() {
    return new InMemoryTokenStore();
  }

  @Bean      // every DfxCallListener bean is registered on the clients and the session
  DfxCallListener killSwitch() {
    return new DfxCallListener() {
      @Override
      public void beforeCall(DfxCallContext call) {
        if (PAUSED.get()) {
          throw new IllegalStateException("DFX calls are paused");   // vetoed: nothing is sent
        }
      }
    };
  }

  @Bean      // replaces the default names and keys of dfx.client.requests
  DfxClientObservationConvention dfxClientConvention() {
    return new DefaultDfxClientObservationConvention() {
      @Override
      public KeyValues getLowCardinalityKeyValues(DfxClientObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and("team", "signin");
      }
    };
  }
}
// readme:spring-override:end
