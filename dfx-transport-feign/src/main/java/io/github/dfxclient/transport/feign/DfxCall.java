package io.github.dfxclient.transport.feign;

import io.github.dfxclient.core.DfxEndpoint;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds a Feign method to an entry of the endpoint catalogue (method and path). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface DfxCall {
  /** @return the endpoint */
  DfxEndpoint value();
}
