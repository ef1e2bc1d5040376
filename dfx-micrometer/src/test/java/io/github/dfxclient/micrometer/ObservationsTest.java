package io.github.dfxclient.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.ResetMobileRequest;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.Credential;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.session.RefreshTokenSpentException;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.ScriptedFailure;
import io.github.dfxclient.transport.feign.FeignAuthsAdapter;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The observations of every Auths operation, success and failure, through both adapters against the
 * fake DFX server, and of the session's renewals: their names and keys, the counters a metrics
 * handler makes of their events, a replaced convention, and no token, refresh token, phone number or
 * e-mail address in any name, key, value, event or error of any observation.
 */
class ObservationsTest {
  private static final String PHONE = "+15555550199";
  private static final String EMAIL = "grace@example.com";

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  /** Records every event and every context it is shown, with what the context held then. */
  static final class Seen implements ObservationHandler<Observation.Context> {
    final List<String> text = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }

    @Override
    public void onStart(Observation.Context context) {
      text.add(describe(context));
    }

    @Override
    public void onEvent(Observation.Event event, Observation.Context context) {
      events.add(context.getName() + "." + event.getName());
      text.add(event.getName() + " " + event.getContextualName() + " " + describe(context));
    }

    @Override
    public void onStop(Observation.Context context) {
      text.add(describe(context));
    }

    static String describe(Observation.Context c) {
      List<String> parts = new ArrayList<>();
      parts.add(c.getName());
      parts.add(c.getContextualName());
      for (KeyValue kv : c.getLowCardinalityKeyValues()) {
        parts.add(kv.getKey() + "=" + kv.getValue());
      }
      for (KeyValue kv : c.getHighCardinalityKeyValues()) {
        parts.add(kv.getKey() + "=" + kv.getValue());
      }
      parts.add(String.valueOf(c.getError()));
      parts.add(String.valueOf(c));
      return String.join(" ", parts);
    }
  }

  private static AuthsClient http(String transport, DfxCredentials credentials, DfxObservationListener listener) {
    DfxRetryPolicy fast = DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).build();
    return transport.equals("jdk")
        ? JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).credentials(credentials).retryPolicy(fast)
            .listener(listener).build()
        : FeignAuthsAdapter.builder().baseUri(DFX.baseUri()).credentials(credentials).retryPolicy(fast)
            .listener(listener).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "feign"})
  void noSecretInAnyObservationOfAnyOperationSuccessOrFailure(String transport) {
    TokenPair device = DFX.backend().issuePair("device");
    TokenPair member = DFX.backend().issuePair("member");
    DFX.backend().addOrganization("acme", new OrgClientCredentials("Acme", null, null, true, null, List.of()));
    TestObservationRegistry registry = TestObservationRegistry.create();
    Seen seen = new Seen();
    registry.observationConfig().observationHandler(seen);
    DfxObservationListener listener = new DfxObservationListener(registry);
    List<String> secrets = new ArrayList<>(List.of(device.token(), device.refreshToken(), member.token(),
        member.refreshToken(), PHONE, EMAIL, "15555550199", "grace"));
    DfxCredentials credentials = kind -> kind == Credential.USER ? member.token() : device.token();
    try (AuthsClient auths = http(transport, credentials, listener)) {
      List<Function<AuthsClient, Object>> calls = List.of(
          a -> a.requestLoginCode(new LoginCodeRequest(PHONE, "acme")),
          a -> a.requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, "acme")),
          a -> a.sendResetMobile(new ResetMobileRequest(EMAIL, PHONE)),
          a -> a.generateToken(DFX.backend().currentPair("device").orElseThrow()),
          a -> a.orgClientCredentials("acme"),
          a -> a.renew(DFX.backend().currentPair("device").orElseThrow()));
      DfxEndpoint[] endpoints = {DfxEndpoint.REQUEST_LOGIN_CODE, DfxEndpoint.REQUEST_RESET_PASSWORD_LINK,
          DfxEndpoint.SEND_RESET_MOBILE, DfxEndpoint.GENERATE_TOKEN, DfxEndpoint.ORG_CLIENT_CREDENTIALS,
          DfxEndpoint.RENEW};
      for (int i = 0; i < calls.size(); i++) {
        Object answer = calls.get(i).apply(auths);
        collect(answer, secrets);
        DFX.backend().failNext(endpoints[i], ScriptedFailure.error(400, "INVALID_REQUEST",
            "bad " + PHONE + " " + EMAIL + " " + device.token()), 1);
        int n = i;
        assertThatThrownBy(() -> calls.get(n).apply(auths)).isInstanceOf(RuntimeException.class);
      }
      secrets.addAll(DFX.backend().currentPair("device").map(p -> List.of(p.token(), p.refreshToken()))
          .orElseThrow());
    }
    // the session's renewals too: renewed, then spent
    TokenPair user = DFX.backend().issuePair("grace");
    secrets.add(user.token());
    secrets.add(user.refreshToken());
    try (JdkAuthsAdapter renewer = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).listener(listener).build()) {
      TokenSession session = TokenSession.builder().auths(renewer).listener(listener).build();
      session.set(TokenKey.user("u-17"), user);
      TokenPair renewed = session.renewIfStill(TokenKey.user("u-17"), user.token());
      secrets.add(renewed.token());
      secrets.add(renewed.refreshToken());
      DFX.backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.error(401, "INVALID_REFRESH_TOKEN",
          "refresh token " + renewed.refreshToken() + " was used"), 1);
      assertThatThrownBy(() -> session.renewIfStill(TokenKey.user("u-17"), renewed.token()))
          .isInstanceOf(RefreshTokenSpentException.class);
    }

    assertThat(registry).hasNumberOfObservationsWithNameEqualTo("dfx.client.requests", 14)
        .hasNumberOfObservationsWithNameEqualTo("dfx.session.renewals", 2);
    assertThat(registry).hasObservationWithNameEqualTo("dfx.client.requests").that()
        .hasBeenStarted().hasBeenStopped();
    assertThat(seen.events).contains("dfx.session.renewals.spent");
    assertThat(seen.text).isNotEmpty();
    for (String s : seen.text) {
      for (String secret : secrets) {
        assertThat(s).as("an observation").doesNotContain(secret);
      }
    }
  }

  /** Adds the string components of an answer (tokens, links) to the secrets to look for. */
  private static void collect(Object answer, List<String> secrets) {
    if (answer instanceof TokenPair p) {
      secrets.add(p.token());
      secrets.add(p.refreshToken());
    } else if (answer instanceof io.github.dfxclient.auths.GeneratedToken g) {
      secrets.add(g.token());
    }
  }

  @Test
  void aCallHasItsNameAndKeysAndARetryIsCounted() {
    TokenPair device = DFX.backend().issuePair("device");
    MeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    TestObservationRegistry test = TestObservationRegistry.create();
    DfxObservationListener listener = new DfxObservationListener(registry);
    DfxObservationListener testListener = new DfxObservationListener(test);
    try (JdkAuthsAdapter auths = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(device::token)
        .retryPolicy(DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).build())
        .listener(listener).listener(testListener).build()) {
      DFX.backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.unavailable(), 1);

      auths.renew(device);

      assertThat(test).hasSingleObservationThat().hasNameEqualTo("dfx.client.requests")
          .hasContextualNameEqualTo("dfx renew")
          .hasLowCardinalityKeyValue("action", "2304")
          .hasLowCardinalityKeyValue("operation", "renew")
          .hasLowCardinalityKeyValue("method", "POST")
          .hasLowCardinalityKeyValue("transport", "jdk-httpclient")
          .hasLowCardinalityKeyValue("outcome", "success")
          .hasLowCardinalityKeyValue("status.class", "2xx")
          .hasLowCardinalityKeyValue("exception", "none")
          .hasHighCardinalityKeyValue("attempts", "2");
      assertThat(meters.get("dfx.client.requests").tags("action", "2304", "outcome", "success").timer().count())
          .isEqualTo(1);
      assertThat(meters.get("dfx.client.requests.retry").tags("action", "2304", "transport", "jdk-httpclient")
          .counter().count()).isEqualTo(1.0);

      DFX.backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.errorAfterActing(502), 1);
      assertThatThrownBy(() -> auths.requestLoginCode(new LoginCodeRequest(PHONE, "acme")))
          .isInstanceOf(io.github.dfxclient.core.DfxApiException.class);
      assertThat(meters.get("dfx.client.requests")
          .tags(List.of(Tag.of("action", "2303"), Tag.of("outcome", "maybe_acted"), Tag.of("status.class", "5xx"),
              Tag.of("exception", "DfxApiException"), Tag.of("method", "PATCH"))).timer().count()).isEqualTo(1);
    }
  }

  @Test
  void aRenewalHasItsKeysAndASpentPairIsCounted() {
    TokenPair device = DFX.backend().issuePair("device");
    MeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    TestObservationRegistry test = TestObservationRegistry.create();
    try (JdkAuthsAdapter renewer = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).build()) {
      TokenSession session = TokenSession.builder().auths(renewer).listener(new DfxObservationListener(registry))
          .listener(new DfxObservationListener(test)).build();
      session.set(TokenKind.DEVICE, device);
      TokenPair renewed = session.renewIfStill(TokenKind.DEVICE, device.token());
      DFX.backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.error(401, "INVALID_REFRESH_TOKEN", "used"), 1);

      assertThatThrownBy(() -> session.renewIfStill(TokenKind.DEVICE, renewed.token()))
          .isInstanceOf(RefreshTokenSpentException.class);

      assertThat(test).hasNumberOfObservationsWithNameEqualTo("dfx.session.renewals", 2)
          .hasObservationWithNameEqualTo("dfx.session.renewals").that()
          .hasLowCardinalityKeyValue("kind", "device")
          .hasHighCardinalityKeyValue("principal", "default");
      assertThat(meters.get("dfx.session.renewals").tags("kind", "device", "outcome", "renewed").timer().count())
          .isEqualTo(1);
      assertThat(meters.get("dfx.session.renewals").tags("kind", "device", "outcome", "spent",
          "exception", "RefreshTokenSpentException").timer().count()).isEqualTo(1);
      assertThat(meters.get("dfx.session.renewals.spent").tags("kind", "device").counter().count()).isEqualTo(1.0);
      assertThat(meters.find("dfx.session.renewals").tagKeys("principal").meters()).isEmpty();
    }
  }

  @Test
  void aReplacedConventionNamesAndTagsTheObservations() {
    TokenPair device = DFX.backend().issuePair("device");
    TestObservationRegistry test = TestObservationRegistry.create();
    // readme:metrics-convention:start
    DfxClientObservationConvention mine = new DefaultDfxClientObservationConvention() {
      @Override
      public String getName() {
        return "deepaffex.calls";
      }

      @Override
      public io.micrometer.common.KeyValues getLowCardinalityKeyValues(DfxClientObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and("team", "signin");
      }
    };
    DfxObservationListener observations = DfxObservationListener.builder(test)
        .clientConvention(mine)
        .build();
    // readme:metrics-convention:end
    try (JdkAuthsAdapter auths = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(device::token)
        .listener(observations).build()) {
      auths.renew(device);
    }

    assertThat(test).hasSingleObservationThat().hasNameEqualTo("deepaffex.calls")
        .hasLowCardinalityKeyValue("team", "signin").hasLowCardinalityKeyValue("action", "2304");
  }

  @Test
  void aNoopRegistryCostsNothingAndBreaksNothing() {
    TokenPair device = DFX.backend().issuePair("device");
    try (JdkAuthsAdapter auths = JdkAuthsAdapter.builder().baseUri(DFX.baseUri()).bearerToken(device::token)
        .listener(new DfxObservationListener(ObservationRegistry.NOOP)).build()) {
      assertThat(auths.renew(device).token()).isNotEqualTo(device.token());
    }
  }
}
