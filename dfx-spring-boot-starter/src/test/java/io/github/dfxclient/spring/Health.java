package io.github.dfxclient.spring;

import java.util.Map;

/** Reads a health indicator of Spring Boot 3 or 4 (the tests compile against either). */
final class Health {
  private Health() {}

  record Result(String status, Map<String, Object> details) {}

  @SuppressWarnings("unchecked")
  static Result of(Object indicator) throws Exception {
    Object health = indicator.getClass().getMethod("health").invoke(indicator);
    Object status = health.getClass().getMethod("getStatus").invoke(health);
    String code = (String) status.getClass().getMethod("getCode").invoke(status);
    return new Result(code, (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health));
  }
}
