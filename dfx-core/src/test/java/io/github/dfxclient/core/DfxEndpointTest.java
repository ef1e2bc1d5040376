package io.github.dfxclient.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsOperations;
import io.github.resilience4j.retry.Retry;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * {@link DfxEndpoint} is derived from the operations ({@link AuthsOperations}), the one home of each
 * operation's facts; the facts themselves are pinned here against the DESIGN's wire table.
 */
class DfxEndpointTest {

  /**
   * The DESIGN's wire and retry tables, as test data: action ID, name, method, path, credential,
   * resend after "maybe acted", secret answer.
   */
  private static final Object[][] TABLE = {
      {2304, "renew", "POST", "/auths/renew", Credential.DEVICE, true, true},
      {2303, "request-login-code", "PATCH", "/auths/users/code", Credential.DEVICE, false, false},
      {2300, "request-reset-password-link", "PATCH", "/auths/users/reset", Credential.DEVICE, false, false},
      {2302, "send-reset-mobile", "PATCH", "/auths/users/reset/mobile", Credential.DEVICE, false, false},
      {2305, "generate-token", "POST", "/auths/generateToken", Credential.DEVICE, false, true},
      {2306, "org-client-credentials", "GET", "/auths/organization/credentials/{orgId}", Credential.USER, true, false},
  };

  /** The rows without an action ID: named by method and path, no {@link DfxEndpoint} entry. */
  private static final Object[][] WITHOUT_ACTION_ID = {
      {"get-auth-v1-authenticate", "GET", "/auth/v1/authenticate", Credential.DEVICE, true, false},
      {"get-auth-v1-validate", "GET", "/auth/v1/validate", Credential.DEVICE, true, false},
      {"post-auth-v1-sso-token", "POST", "/auth/v1/sso/token", Credential.DEVICE, true, true},
  };

  @Test
  void theOperationsWithoutAnActionIdHoldTheirRows() {
    List<DfxOperation<?, ?>> without = new ArrayList<>();
    for (DfxOperation<?, ?> op : AuthsOperations.all()) {
      if (!op.hasActionId()) {
        without.add(op);
      }
    }
    assertThat(without).containsExactly(AuthsOperations.AUTHENTICATE, AuthsOperations.VALIDATE,
        AuthsOperations.SSO_TOKEN);
    for (int i = 0; i < WITHOUT_ACTION_ID.length; i++) {
      Object[] row = WITHOUT_ACTION_ID[i];
      DfxOperation<?, ?> op = without.get(i);
      assertThat(op.actionId()).isEqualTo(DfxOperation.NO_ACTION_ID);
      assertThat(op.name()).as("%s", op).isEqualTo(row[0]);
      assertThat(op.method()).as("%s", op).isEqualTo(row[1]);
      assertThat(op.pathTemplate()).as("%s", op).isEqualTo(row[2]);
      assertThat(op.credential()).as("%s", op).isEqualTo(row[3]);
      assertThat(op.resendAfterMaybeActed()).as("%s", op).isEqualTo(row[4]);
      assertThat(op.secretAnswer()).as("%s", op).isEqualTo(row[5]);
      assertThat(op.endpoint()).as("%s", op).isEmpty();
      assertThat(op).hasToString(row[1] + " " + row[2]);
      assertThat(DfxRetryPolicy.defaults().retry(op).getName()).isEqualTo("dfx-" + row[0]);
    }
    assertThat(AuthsOperations.AUTHENTICATE.takesRequest()).isFalse();
    assertThat(AuthsOperations.VALIDATE.takesRequest()).isFalse();
    assertThat(AuthsOperations.SSO_TOKEN.takesRequest()).isTrue();
  }

  @Test
  void theOperationsHoldTheWireTable() {
    List<DfxOperation<?, ?>> withIds = new ArrayList<>();
    for (DfxOperation<?, ?> op : AuthsOperations.all()) {
      if (op.hasActionId()) {
        withIds.add(op);
      }
    }
    assertThat(withIds).hasSize(TABLE.length);
    for (Object[] row : TABLE) {
      DfxOperation<?, ?> op = withIds.stream().filter(o -> o.actionId() == (int) row[0]).findFirst().orElseThrow();
      assertThat(op.name()).as("%s", op).isEqualTo(row[1]);
      assertThat(op.method()).as("%s", op).isEqualTo(row[2]);
      assertThat(op.pathTemplate()).as("%s", op).isEqualTo(row[3]);
      assertThat(op.credential()).as("%s", op).isEqualTo(row[4]);
      assertThat(op.resendAfterMaybeActed()).as("%s", op).isEqualTo(row[5]);
      assertThat(op.secretAnswer()).as("%s", op).isEqualTo(row[6]);
    }
  }

  /**
   * Every entry answers from its operation, and the operation finds its entry back.
   * @param e the entry
   */
  @ParameterizedTest
  @EnumSource(DfxEndpoint.class)
  void everyEndpointAgreesWithItsOperation(DfxEndpoint e) {
    DfxOperation<?, ?> op = e.operation();

    assertThat(AuthsOperations.all()).contains(op);
    assertThat(e.actionId()).isEqualTo(op.actionId()).isPositive();
    assertThat(e.method()).isEqualTo(op.method());
    assertThat(e.path()).isEqualTo(op.pathTemplate());
    assertThat(e).hasToString(op.toString());
    assertThat(op.endpoint()).contains(e);
    assertThat(DfxEndpoint.forActionId(op.actionId())).contains(e);
    assertThat(op.name()).isEqualTo(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  @Test
  void everyOperationWithAnActionIdHasExactlyOneEntry() {
    for (DfxOperation<?, ?> op : AuthsOperations.all()) {
      long entries = Arrays.stream(DfxEndpoint.values()).filter(e -> e.operation() == op).count();
      assertThat(entries).as("%s", op).isEqualTo(op.hasActionId() ? 1 : 0);
    }
  }

  @Test
  void findsEndpointByActionId() {
    assertThat(DfxEndpoint.forActionId(2303)).contains(DfxEndpoint.REQUEST_LOGIN_CODE);
    assertThat(DfxEndpoint.forActionId(9999)).isEmpty();
    assertThat(DfxEndpoint.forActionId(0)).isEmpty();
  }

  /** The retry policy reads the rule and the name from the operation; the entry's Retry is its operation's. */
  @Test
  void theRetryOfAnEntryIsThatOfItsOperation() {
    DfxRetryPolicy policy = DfxRetryPolicy.builder().build();
    for (DfxEndpoint e : DfxEndpoint.values()) {
      Retry retry = policy.retry(e);
      assertThat(retry).isSameAs(policy.retry(e.operation()));
      assertThat(retry.getName()).isEqualTo("dfx-" + e.operation().name());
    }
    assertThat(policy.retry(DfxEndpoint.RENEW).getName()).isEqualTo("dfx-renew");
    assertThat(policy.retry(DfxEndpoint.REQUEST_LOGIN_CODE).getName()).isEqualTo("dfx-request-login-code");
  }

  /**
   * Whichever class a JVM initialises first, the enum and the operations are complete: no
   * class-initialisation cycle leaves an entry without its operation. Each run is a fresh class
   * loader over dfx-core and its dependencies.
   * @param first the class initialised first
   * @throws java.lang.Exception when the test fails to run
   */
  @ParameterizedTest
  @ValueSource(strings = {"io.github.dfxclient.core.DfxEndpoint", "io.github.dfxclient.auths.AuthsOperations",
      "io.github.dfxclient.core.DfxRetryPolicy", "io.github.dfxclient.core.DfxOperation",
      "io.github.dfxclient.auths.AuthsClient"})
  void noClassInitialisationOrderLeavesAnEntryWithoutItsOperation(String first) throws Exception {
    try (URLClassLoader fresh = new URLClassLoader(new URL[] {codeOf(DfxEndpoint.class), codeOf(Retry.class),
        codeOf(io.github.resilience4j.core.IntervalFunction.class), codeOf(com.fasterxml.jackson.core.JsonFactory.class),
        codeOf(LoggerFactory.class)}, ClassLoader.getPlatformClassLoader())) {
      Class.forName(first, true, fresh);
      Class<?> endpoint = Class.forName("io.github.dfxclient.core.DfxEndpoint", true, fresh);
      Method operation = endpoint.getMethod("operation");
      for (Object e : endpoint.getEnumConstants()) {
        assertThat(operation.invoke(e)).as("%s after %s", e, first).isNotNull();
      }
      Field renew = Class.forName("io.github.dfxclient.auths.AuthsOperations", true, fresh).getField("RENEW");
      assertThat(renew.get(null)).isSameAs(operation.invoke(endpoint.getField("RENEW").get(null)));
    }
  }

  private static URL codeOf(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }
}
