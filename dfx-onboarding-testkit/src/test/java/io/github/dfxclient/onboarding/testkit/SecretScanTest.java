package io.github.dfxclient.onboarding.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.spi.ClientSettings;
import io.github.dfxclient.onboarding.AsyncOnboardingClient;
import io.github.dfxclient.onboarding.LoginRequest;
import io.github.dfxclient.onboarding.OnboardingClient;
import io.github.dfxclient.onboarding.OnboardingOperations;
import io.github.dfxclient.onboarding.RegisterLicenseRequest;
import io.github.dfxclient.onboarding.RegisteredLicense;
import io.github.dfxclient.testkit.FakeAuths;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.github.dfxclient.testkit.FakeRefusal;
import io.github.dfxclient.testkit.ScriptedFailure;
import io.github.dfxclient.transport.feign.FeignAuthsAdapter;
import io.github.dfxclient.transport.jdk.JdkAuthsAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * No license key, e-mail address, password, MFA token, token or refresh token appears in what the
 * library writes or throws, at TRACE (the build runs every test JVM with {@code io.github.dfxclient},
 * Feign and the JDK HttpClient at TRACE): everything printed to the console (logs) is captured while
 * both operations run over the JDK and Feign transports and in memory, succeed, are refused by a
 * server that echoes the request's secrets, fail after acting, time out, meet hostile answers
 * (HTML, broken or partial JSON carrying tokens) and bad input; the exceptions' messages, {@code
 * toString()} and stack traces and the records' and clients' {@code toString()} are added, and the
 * whole text is searched for every secret.
 */
class SecretScanTest {
  private static final String KEY = "LIC-9D2E7C1A4B8F3E6D0A5C";
  private static final String EMAIL = "carol.secret@example.org";
  private static final String PASSWORD = "Tr0ub4dor&3-very-secret";
  private static final String MFA = "735219";
  private static final String HOSTILE_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJob3N0aWxlIn0.c2lnbmF0dXJlLWhvc3RpbGU";
  private static final String HOSTILE_REFRESH = "rt-hostile-0123456789abcdef";
  private static final RegisterLicenseRequest REGISTRATION =
      new RegisterLicenseRequest("LINUX", KEY, "Kiosk 7", "com.example.kiosk", "1.4.2");
  private static final LoginRequest LOGIN = new LoginRequest(EMAIL, PASSWORD, MFA, null);

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private static WireMockServer hostile;

  @BeforeAll
  static void startTheHostileServer() {
    hostile = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    hostile.start();
  }

  @AfterAll
  static void stopTheHostileServer() {
    hostile.stop();
  }

  /** Makes a client over one transport. */
  private interface Transport {
    DfxClient client(URI base, DfxCredentials credentials, Duration requestTimeout);
  }

  private static final Transport JDK = (base, credentials, timeout) -> {
    JdkAuthsAdapter.Builder b = JdkAuthsAdapter.builder().baseUri(base).requestTimeout(timeout).retryPolicy(policy());
    return (credentials == null ? b : b.credentials(credentials)).build().client();
  };

  private static final Transport FEIGN = (base, credentials, timeout) -> {
    FeignAuthsAdapter.Builder b = FeignAuthsAdapter.builder().baseUri(base).requestTimeout(timeout).retryPolicy(policy());
    return (credentials == null ? b : b.credentials(credentials)).build().client();
  };

  private static DfxRetryPolicy policy() {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).jitter(0).build();
  }

  private final StringBuilder seen = new StringBuilder();
  private final List<String> secrets = new ArrayList<>(List.of(KEY, EMAIL, PASSWORD, MFA, HOSTILE_TOKEN,
      HOSTILE_REFRESH));

  @Test
  void noSecretInLogsMessagesStackTracesOrToString() {
    assertThat(LoggerFactory.getLogger("io.github.dfxclient.auths").isTraceEnabled())
        .as("the build must run this test with io.github.dfxclient at TRACE").isTrue();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      for (Transport t : List.of(JDK, FEIGN)) {
        scenarios(DFX.backend(), (credentials, timeout) -> t.client(DFX.baseUri(), credentials, timeout));
        hostileAnswers(t);
      }
      FakeAuthsBackend memory = new FakeAuthsBackend();
      scenarios(memory, (credentials, timeout) -> new FakeAuths(memory, new ClientSettings()
          .credentials(credentials).requestTimeout(timeout).retryPolicy(policy())).client());
      badInput();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).as("the captured log must hold the per-attempt DEBUG lines")
        .contains("dfx action=705 POST /organizations/licenses status=200 attempt=1")
        .contains("dfx action=705 POST /organizations/licenses status=400")
        .contains("dfx action=201 POST /users/auth status=200 attempt=1")
        .contains("dfx action=201 POST /users/auth status=none (outcome unknown)");
    assertThat(secrets).as("tokens were issued and collected").hasSizeGreaterThan(10);
    String everything = logs + seen;
    for (String secret : secrets) {
      int at = everything.indexOf(secret);
      assertThat(at).as("a secret appears in the output here: %s", at < 0 ? ""
          : everything.substring(Math.max(0, at - 300), Math.min(everything.length(), at + 100))
              .replace(secret, "<<SECRET>>")).isNegative();
    }
  }

  /** Makes a client with these credentials and this request timeout. */
  private interface Clients {
    DfxClient client(DfxCredentials credentials, Duration requestTimeout);
  }

  /** Success, echoing refusals, failures after acting, timeouts: through one transport and backend. */
  private void scenarios(FakeAuthsBackend backend, Clients clients) {
    FakeOnboarding fake = FakeOnboarding.installOn(backend);
    fake.addLicense(KEY, 100);
    fake.addUser(EMAIL, PASSWORD, MFA);
    try (DfxClient anonymous = clients.client(null, Duration.ofSeconds(5))) {
      OnboardingClient onboarding = new OnboardingClient(anonymous);
      AsyncOnboardingClient async = new AsyncOnboardingClient(anonymous);
      RegisteredLicense device = keep(onboarding.registerLicense(REGISTRATION));
      keep(async.registerLicense(REGISTRATION).join());
      seen.append(onboarding).append(async).append(device).append('\n');
      // no device token: refused before any I/O
      run(() -> onboarding.login(LOGIN));
      try (DfxClient asDevice = clients.client(DfxCredentials.of(() -> device.pair().token()), Duration.ofSeconds(5));
          DfxClient fast = clients.client(DfxCredentials.of(() -> device.pair().token()), Duration.ofMillis(300))) {
        OnboardingClient login = new OnboardingClient(asDevice);
        keep(login.login(LOGIN));
        keep(new AsyncOnboardingClient(asDevice).login(LOGIN).join());
        for (ScriptedFailure f : List.of(ScriptedFailure.errorAfterActing(500), ScriptedFailure.answerLost(),
            ScriptedFailure.connectionReset(), ScriptedFailure.unavailable())) {
          backend.failNext(OnboardingOperations.REGISTER_LICENSE, f, 1);
          backend.failNext(OnboardingOperations.LOGIN, f, 1);
          run(() -> keep(onboarding.registerLicense(REGISTRATION)));
          run(() -> keep(login.login(LOGIN)));
          backend.failNext(OnboardingOperations.LOGIN, f, 1);
          run(() -> keep(new AsyncOnboardingClient(asDevice).login(LOGIN).join()));
        }
        backend.failNext(OnboardingOperations.LOGIN, ScriptedFailure.slow(Duration.ofSeconds(2)), 1);
        run(() -> keep(new OnboardingClient(fast).login(LOGIN)));
        // a server that echoes every secret of the request in its refusals (code and message)
        backend.handle(OnboardingOperations.REGISTER_LICENSE, call -> {
          throw new FakeRefusal(400, call.request().key(), "license " + call.request().key() + " refused");
        });
        backend.handle(OnboardingOperations.LOGIN, call -> {
          throw new FakeRefusal(400, "BAD", "user " + call.request().email() + " password "
              + call.request().password() + " mfa " + call.request().mfaToken() + " bearer " + call.authorization());
        });
        run(() -> onboarding.registerLicense(REGISTRATION));
        run(() -> login.login(LOGIN));
        run(() -> new AsyncOnboardingClient(asDevice).login(LOGIN).join());
      }
    }
  }

  /**
   * Answers no DFX server should give, each carrying the secrets of the request it answers (a
   * server can only echo what it was sent; tokens from elsewhere are caught by their shape).
   */
  private void hostileAnswers(Transport transport) {
    String registered = "{\"DeviceID\":\"d-1\",\"Token\":\"" + HOSTILE_TOKEN + "\",\"RefreshToken\":\""
        + HOSTILE_REFRESH + "\",\"RoleID\":\"r\",\"UserID\":\"u\"}";
    URI base = URI.create(hostile.baseUrl());
    for (int i = 0; i < 10; i++) {
      hostile.resetAll();
      hostile.stubFor(any(urlPathEqualTo("/organizations/licenses"))
          .willReturn(hostile(i, "key " + KEY + " token " + HOSTILE_TOKEN, KEY, registered)));
      hostile.stubFor(any(urlPathEqualTo("/users/auth")).willReturn(hostile(i, "user " + EMAIL + " password "
          + PASSWORD + " mfa " + MFA + " bearer " + HOSTILE_TOKEN, PASSWORD, registered)));
      try (DfxClient c = transport.client(base, DfxCredentials.of(() -> HOSTILE_TOKEN), Duration.ofSeconds(2))) {
        run(() -> new OnboardingClient(c).registerLicense(REGISTRATION));
        run(() -> new OnboardingClient(c).login(LOGIN));
        run(() -> new AsyncOnboardingClient(c).login(LOGIN).join());
      }
    }
  }

  /** The {@code i}-th hostile answer, echoing {@code echo} and {@code secret}. */
  private static ResponseDefinitionBuilder hostile(int i, String echo, String secret, String registered) {
    switch (i) {
      case 0:
        return json(400, "{\"Code\":\"" + secret + "\",\"Message\":\"" + echo + "\"}");
      case 1:
        return json(401, "{\"errorCode\":\"" + secret + "\",\"message\":\"" + echo + "\"}");
      case 2:
        return aResponse().withStatus(502).withBody("<h1>" + echo + "</h1>");
      case 3:
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(echo + registered);
      case 4:
        return json(200, registered.substring(0, registered.length() - 3));
      case 5:
        return json(200, registered.replace("\"RoleID\":\"r\"", "\"RoleID\":null"));
      case 6:
        return json(200, registered.replace(HOSTILE_REFRESH, HOSTILE_REFRESH + " " + secret));
      case 7:
        return json(200, "{\"Token\":\"" + HOSTILE_TOKEN + "\",\"RefreshToken\":7,\"x\":\"" + echo + "\"}");
      case 8:
        return json(503, echo);
      default:
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }
  }

  private void badInput() {
    run(() -> new RegisterLicenseRequest("LINUX", KEY + " ", "Kiosk", "k", "1"));
    run(() -> new RegisterLicenseRequest(KEY, KEY, "Kiosk", "k", "1"));
    run(() -> new RegisterLicenseRequest("LINUX", KEY, PASSWORD + "\n", "k", "1"));
    run(() -> new LoginRequest(EMAIL + " ", PASSWORD));
    run(() -> new LoginRequest(PASSWORD, PASSWORD));
    run(() -> new LoginRequest(EMAIL, PASSWORD + "\u0000"));
    run(() -> new LoginRequest(EMAIL, PASSWORD, MFA + " ", null));
    seen.append(REGISTRATION).append(LOGIN).append(new LoginRequest(EMAIL, PASSWORD)).append('\n');
  }

  private RegisteredLicense keep(RegisteredLicense r) {
    keep(r.pair());
    seen.append(r).append('\n');
    return r;
  }

  private TokenPair keep(TokenPair p) {
    secrets.add(p.token());
    secrets.add(p.refreshToken());
    seen.append(p).append('\n');
    return p;
  }

  private void run(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.append(e).append('\n').append(trace).append('\n');
    }
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }
}
