package io.github.dfxclient.onboarding.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.AuthsClient;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.onboarding.AsyncOnboardingClient;
import io.github.dfxclient.onboarding.LoginRequest;
import io.github.dfxclient.onboarding.OnboardingClient;
import io.github.dfxclient.onboarding.OnboardingOperations;
import io.github.dfxclient.onboarding.RegisterLicenseRequest;
import io.github.dfxclient.onboarding.RegisteredLicense;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.testkit.FakeAuthsBackend;
import io.github.dfxclient.testkit.RecordedRequest;
import io.github.dfxclient.testkit.ScriptedFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both onboarding operations through one transport against the fake's semantics ({@link
 * FakeOnboarding} on the testkit's backend), blocking and asynchronous: answers, refusals, the
 * retry table (counted at the fake), bad input before any I/O, and on a wire the exact bytes and
 * headers. A transport's test extends it and builds its client; nothing else.
 */
abstract class OnboardingContract {
  static final String KEY = "LIC-3B8F0A2D9C41E7AA55C0";
  static final String EMAIL = "alice.liddell@example.com";
  static final String PASSWORD = "correct horse battery staple";
  static final String MFA = "492817";
  static final RegisterLicenseRequest KIOSK =
      new RegisterLicenseRequest("LINUX", KEY, "Kiosk 7", "com.example.kiosk", "1.4.2");
  static final LoginRequest ALICE = new LoginRequest(EMAIL, PASSWORD);

  /** @return the fake's state the transport under test reaches (fresh, or reset, for each test) */
  protected abstract FakeAuthsBackend backend();

  /**
   * @param credentials the token source, or {@code null} for none
   * @param requestTimeout the bound on one attempt
   * @param refusedConnects how many attempts fail, first, as a refused connection would (the request
   *     never leaves); a transport that cannot do this aborts the test
   * @return a client over the transport under test, reaching {@link #backend()}
   */
  protected abstract DfxClient newClient(DfxCredentials credentials, Duration requestTimeout, int refusedConnects);

  /** @return the requests that reached the server, oldest first; {@code null} for a transport without a wire */
  protected List<RecordedRequest> journal() {
    return null;
  }

  private final List<DfxClient> clients = new ArrayList<>();
  FakeOnboarding fake;
  String aliceId;

  @BeforeEach
  void installTheFake() {
    fake = FakeOnboarding.installOn(backend());
    fake.addLicense(KEY, 2);
    aliceId = fake.addUser(EMAIL, PASSWORD);
  }

  @AfterEach
  void closeClients() {
    clients.forEach(DfxClient::close);
  }

  DfxClient client(DfxCredentials credentials) {
    return client(credentials, Duration.ofSeconds(5), 0);
  }

  DfxClient client(DfxCredentials credentials, Duration requestTimeout, int refusedConnects) {
    DfxClient c = newClient(credentials, requestTimeout, refusedConnects);
    clients.add(c);
    return c;
  }

  static DfxRetryPolicy policy() {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).jitter(0).build();
  }

  int received(io.github.dfxclient.core.DfxOperation<?, ?> op) {
    return backend().requestsReceived(op);
  }

  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.orTimeout(30, TimeUnit.SECONDS).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Registers the kiosk and answers its device credentials. */
  RegisteredLicense registerKiosk() {
    return new OnboardingClient(client(null)).registerLicense(KIOSK);
  }

  /** @return what {@code call} threw, failing the test when it threw nothing of that type */
  static <T extends Throwable> T thrown(Class<T> type, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    T e = catchThrowableOfType(type, call);
    assertThat(e).as("a %s is thrown", type.getSimpleName()).isNotNull();
    return e;
  }

  static DfxCredentials bearer(String token) {
    return DfxCredentials.of(() -> token);
  }

  // ------------------------------------------------------------------ 705

  @Test
  void registersALicenseForANewDeviceAndItsFirstPair() {
    OnboardingClient onboarding = new OnboardingClient(client(null));

    RegisteredLicense first = onboarding.registerLicense(KIOSK);
    RegisteredLicense second = onboarding.registerLicense(KIOSK);

    assertThat(backend().isCurrent(first.pair())).isTrue();
    assertThat(backend().isCurrent(second.pair())).isTrue();
    assertThat(fake.devicesRegistered(KEY)).containsExactly(first.deviceId(), second.deviceId());
    assertThat(first.deviceId()).isNotEqualTo(second.deviceId());
    assertThat(List.of(first.roleId(), first.userId())).containsExactly(second.roleId(), second.userId());
    assertThat(backend().currentPair("device-" + first.deviceId())).contains(first.pair());
    assertThat(received(OnboardingOperations.REGISTER_LICENSE)).isEqualTo(2);
  }

  @Test
  void registersAsynchronously() {
    AsyncOnboardingClient onboarding = new AsyncOnboardingClient(client(null));

    RegisteredLicense device = await(onboarding.registerLicense(KIOSK));

    assertThat(backend().isCurrent(device.pair())).isTrue();
    assertThat(fake.devicesRegistered(KEY)).containsExactly(device.deviceId());
  }

  /** Credentials are never asked for nor sent on 705, even when the client has them. */
  @Test
  void registrationIgnoresTheClientsCredentials() {
    int[] asked = {0};
    DfxCredentials counting = kind -> {
      asked[0]++;
      return "eyJ.some.token";
    };

    RegisteredLicense device = new OnboardingClient(client(counting)).registerLicense(KIOSK);

    assertThat(backend().isCurrent(device.pair())).isTrue();
    assertThat(asked[0]).isZero();
  }

  @Test
  void anUnknownLicenseKeyIsRefusedOnce() {
    DfxApiException e = thrown(DfxApiException.class, () -> new OnboardingClient(client(null))
        .registerLicense(new RegisterLicenseRequest("LINUX", "LIC-UNKNOWN-0001", "Kiosk 7", "k", "1")));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo(FakeOnboarding.INVALID_LICENSE);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).doesNotContain("LIC-UNKNOWN-0001");
    assertThat(received(OnboardingOperations.REGISTER_LICENSE)).isEqualTo(1);
  }

  @Test
  void aLicenseWhoseSeatsAreTakenIsRefused() {
    fake.addLicense("LIC-ONE-SEAT-0001", 1);
    OnboardingClient onboarding = new OnboardingClient(client(null));
    RegisterLicenseRequest request = new RegisterLicenseRequest("WINDOWS", "LIC-ONE-SEAT-0001", "PC", "pc", "1");
    onboarding.registerLicense(request);

    DfxApiException e = thrown(DfxApiException.class, () -> onboarding.registerLicense(request));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.code()).isEqualTo(FakeOnboarding.LICENSE_LIMIT_REACHED);
    assertThat(fake.devicesRegistered("LIC-ONE-SEAT-0001")).hasSize(1);
  }

  // ------------------------------------------------------------------ 201

  @Test
  void logsAUserInWithTheDeviceToken() {
    RegisteredLicense device = registerKiosk();

    TokenPair alice = new OnboardingClient(client(bearer(device.pair().token()))).login(ALICE);

    assertThat(backend().isCurrent(alice)).isTrue();
    assertThat(backend().currentPair("user-" + aliceId)).contains(alice);
    assertThat(received(OnboardingOperations.LOGIN)).isEqualTo(1);
  }

  @Test
  void logsInAsynchronouslyAndTheEMailAddressIgnoresCase() {
    RegisteredLicense device = registerKiosk();
    AsyncOnboardingClient onboarding = new AsyncOnboardingClient(client(null))
        .withCredentials(bearer(device.pair().token()));

    TokenPair alice = await(onboarding.login(new LoginRequest(EMAIL.toUpperCase(java.util.Locale.ROOT), PASSWORD)));

    assertThat(backend().currentPair("user-" + aliceId)).contains(alice);
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsRefusedOnceWithTheSameAnswer() {
    OnboardingClient onboarding = new OnboardingClient(client(bearer(registerKiosk().pair().token())));

    DfxApiException wrong = thrown(DfxApiException.class,
        () -> onboarding.login(new LoginRequest(EMAIL, "not the password")));
    DfxApiException unknown = thrown(DfxApiException.class,
        () -> onboarding.login(new LoginRequest("bob@example.com", PASSWORD)));

    for (DfxApiException e : List.of(wrong, unknown)) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo(FakeOnboarding.INVALID_CREDENTIALS);
      assertThat(e.attempts()).isEqualTo(1);
    }
    assertThat(received(OnboardingOperations.LOGIN)).isEqualTo(2);
  }

  @Test
  void aUserWithMfaNeedsTheRightMfaToken() {
    String bobId = fake.addUser("bob@example.com", PASSWORD, MFA);
    OnboardingClient onboarding = new OnboardingClient(client(bearer(registerKiosk().pair().token())));

    DfxApiException none = thrown(DfxApiException.class,
        () -> onboarding.login(new LoginRequest("bob@example.com", PASSWORD)));
    DfxApiException wrong = thrown(DfxApiException.class,
        () -> onboarding.login(new LoginRequest("bob@example.com", PASSWORD, "000000", null)));
    TokenPair bob = onboarding.login(new LoginRequest("bob@example.com", PASSWORD, MFA, Duration.ofHours(1)));

    assertThat(none.code()).isEqualTo(FakeOnboarding.MFA_TOKEN_REQUIRED);
    assertThat(wrong.code()).isEqualTo(FakeOnboarding.INVALID_CREDENTIALS);
    assertThat(backend().currentPair("user-" + bobId)).contains(bob);
  }

  /** Without a device token nothing is sent: the request could only earn a 401. */
  @Test
  void loginWithoutADeviceTokenFailsBeforeAnyIo() {
    OnboardingClient none = new OnboardingClient(client(null));
    OnboardingClient blank = new OnboardingClient(client(bearer(" ")));
    AsyncOnboardingClient async = new AsyncOnboardingClient(client(null));

    assertThatThrownBy(() -> none.login(ALICE)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("device token").hasMessageContaining("201");
    assertThatThrownBy(() -> blank.login(ALICE)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> await(async.login(ALICE))).isInstanceOf(IllegalStateException.class);
    assertThat(received(OnboardingOperations.LOGIN)).isZero();
  }

  @Test
  void loginWithAUserOrUnknownTokenIsRefusedAs401() {
    OnboardingClient device = new OnboardingClient(client(bearer(registerKiosk().pair().token())));
    TokenPair alice = device.login(ALICE);

    for (String token : List.of(alice.token(), "eyJ.unknown.token")) {
      DfxApiException e = thrown(DfxApiException.class,
          () -> new OnboardingClient(client(bearer(token))).login(ALICE));
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.code()).isEqualTo(FakeAuthsBackend.INVALID_TOKEN);
    }
    assertThat(received(OnboardingOperations.LOGIN)).isEqualTo(3);
  }

  /**
   * A 401 on login is about the device token: a session renews the device pair once (single
   * flight) and the login is sent once more with the new device token.
   */
  @Test
  void aRefusedDeviceTokenIsRenewedOnceThroughTheSessionAndTheLoginSentAgain() {
    RegisteredLicense device = registerKiosk();
    TokenSession session = TokenSession.builder().auths(new AuthsClient(client(null))).build();
    session.set(TokenKind.DEVICE, device.pair());
    backend().failNext(OnboardingOperations.LOGIN, ScriptedFailure.error(401, FakeAuthsBackend.INVALID_TOKEN, "expired"), 1);

    TokenPair alice = new OnboardingClient(client(session.credentials())).login(ALICE);

    assertThat(backend().isCurrent(alice)).isTrue();
    assertThat(received(OnboardingOperations.LOGIN)).isEqualTo(2);
    assertThat(backend().requestsReceived(DfxEndpoint.RENEW)).isEqualTo(1);
    assertThat(backend().isCurrent(device.pair())).isFalse();
    if (journal() != null) {
      List<String> bearers = journal().stream().filter(r -> r.path().equals("/users/auth"))
          .map(r -> r.header("Authorization")).toList();
      assertThat(bearers).containsExactly("Bearer " + device.pair().token(),
          "Bearer " + session.current(TokenKind.DEVICE).orElseThrow().token());
    }
  }

  /**
   * A 401 whose code is about something else than the bearer (a wrong password, if the server
   * answered one with 401; the fake answers 400, as an OAuth token endpoint does): a fresh device
   * token cannot change it, so nothing is renewed and the password is not sent a second time.
   */
  @Test
  void a401ForAWrongPasswordIsNotAReasonToRenewOrToSendThePasswordAgain() {
    TokenSession session = TokenSession.builder().auths(new AuthsClient(client(null))).build();
    session.set(TokenKind.DEVICE, registerKiosk().pair());
    backend().failNext(OnboardingOperations.LOGIN, ScriptedFailure.error(401, "INVALID_CREDENTIALS", "wrong"), 2);

    DfxApiException e = thrown(DfxApiException.class,
        () -> new OnboardingClient(client(session.credentials())).login(ALICE));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo("INVALID_CREDENTIALS");
    assertThat(received(OnboardingOperations.LOGIN)).isEqualTo(1);
    assertThat(backend().requestsReceived(DfxEndpoint.RENEW)).isZero();
  }

  // ------------------------------------------------------------------ the retry table

  /** The two operations, run blocking or asynchronously, each on a fresh device token when it needs one. */
  enum Run {
    REGISTER_BLOCKING, REGISTER_ASYNC, LOGIN_BLOCKING, LOGIN_ASYNC;

    boolean register() {
      return this == REGISTER_BLOCKING || this == REGISTER_ASYNC;
    }

    boolean async() {
      return this == REGISTER_ASYNC || this == LOGIN_ASYNC;
    }
  }

  /** Runs one call of {@code run} on a client made by {@code clients} (from the device token), answering its pair. */
  private Supplier<TokenPair> call(Run run, Function<DfxCredentials, DfxClient> clients) {
    DfxCredentials device = run.register() ? null : bearer(registerKiosk().pair().token());
    DfxClient c = clients.apply(device);
    if (run.register()) {
      return run.async() ? () -> await(new AsyncOnboardingClient(c).registerLicense(KIOSK)).pair()
          : () -> new OnboardingClient(c).registerLicense(KIOSK).pair();
    }
    return run.async() ? () -> await(new AsyncOnboardingClient(c).login(ALICE))
        : () -> new OnboardingClient(c).login(ALICE);
  }

  private io.github.dfxclient.core.DfxOperation<?, ?> op(Run run) {
    return run.register() ? OnboardingOperations.REGISTER_LICENSE : OnboardingOperations.LOGIN;
  }

  /** What the server did: devices registered on the key, or Alice's current user pair. */
  private int acted(Run run) {
    return run.register() ? fake.devicesRegistered(KEY).size() : backend().currentPair("user-" + aliceId).isPresent() ? 1 : 0;
  }

  /**
   * The server acted, then answered 500, 502 or 504: never sent again (a device seat is taken, a
   * session may exist); exactly one request.
   */
  @ParameterizedTest
  @ValueSource(strings = {"REGISTER_BLOCKING:500", "REGISTER_ASYNC:502", "LOGIN_BLOCKING:504", "LOGIN_ASYNC:500",
      "REGISTER_BLOCKING:504", "LOGIN_BLOCKING:502"})
  void a5xxAfterActingIsNeverSentAgain(String spec) {
    Run run = Run.valueOf(spec.split(":")[0]);
    int status = Integer.parseInt(spec.split(":")[1]);
    Supplier<TokenPair> call = call(run, this::client);
    int before = received(op(run));
    backend().failNext(op(run), ScriptedFailure.errorAfterActing(status), 1);

    DfxApiException e = thrown(DfxApiException.class, call::get);

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(received(op(run)) - before).isEqualTo(1);
    assertThat(acted(run)).as("the server acted").isEqualTo(1);
  }

  /** The answer was lost to a reset after the server acted: outcome unknown, exactly one request. */
  @ParameterizedTest
  @ValueSource(strings = {"REGISTER_BLOCKING", "REGISTER_ASYNC", "LOGIN_BLOCKING", "LOGIN_ASYNC"})
  void aLostAnswerIsOutcomeUnknownAfterOneRequest(String name) {
    Run run = Run.valueOf(name);
    Supplier<TokenPair> call = call(run, this::client);
    int before = received(op(run));
    backend().failNext(op(run), ScriptedFailure.answerLost(), 1);

    DfxTransportException e = thrown(DfxTransportException.class, call::get);

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(received(op(run)) - before).isEqualTo(1);
    assertThat(acted(run)).as("the server acted").isEqualTo(1);
  }

  /** A reset after the request arrived (the server did not act): still outcome unknown to the client. */
  @ParameterizedTest
  @ValueSource(strings = {"REGISTER_BLOCKING", "REGISTER_ASYNC", "LOGIN_BLOCKING", "LOGIN_ASYNC"})
  void aResetAfterSendingIsNeverSentAgain(String name) {
    Run run = Run.valueOf(name);
    Supplier<TokenPair> call = call(run, this::client);
    int before = received(op(run));
    backend().failNext(op(run), ScriptedFailure.connectionReset(), 1);

    DfxTransportException e = thrown(DfxTransportException.class, call::get);

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(received(op(run)) - before).isEqualTo(1);
  }

  /** An answer slower than the request timeout: outcome unknown, exactly one request. */
  @ParameterizedTest
  @ValueSource(strings = {"REGISTER_BLOCKING", "LOGIN_ASYNC"})
  void aTimeoutAfterSendingIsNeverSentAgain(String name) {
    Run run = Run.valueOf(name);
    // a second for the request to arrive however loaded the machine; the answer would take four
    Supplier<TokenPair> call = call(run, c -> client(c, Duration.ofSeconds(1), 0));
    int before = received(op(run));
    backend().failNext(op(run), ScriptedFailure.slow(Duration.ofSeconds(4)), 1);

    DfxTransportException e = thrown(DfxTransportException.class, call::get);

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(received(op(run)) - before).isEqualTo(1);
  }

  /** A 503 (the server did not act) is retried: two requests, one device or one login. */
  @ParameterizedTest
  @ValueSource(strings = {"REGISTER_BLOCKING", "REGISTER_ASYNC", "LOGIN_BLOCKING", "LOGIN_ASYNC"})
  void a503IsRetried(String name) {
    Run run = Run.valueOf(name);
    Supplier<TokenPair> call = call(run, this::client);
    int before = received(op(run));
    backend().failNext(op(run), ScriptedFailure.unavailable(), 1);

    TokenPair pair = call.get();

    assertThat(backend().isCurrent(pair)).isTrue();
    assertThat(received(op(run)) - before).isEqualTo(2);
    assertThat(acted(run)).as("the server acted once").isEqualTo(1);
  }

  /** A request that surely never left (connection refused) is sent again; the server sees one. */
  @ParameterizedTest
  @ValueSource(strings = {"REGISTER_BLOCKING", "REGISTER_ASYNC", "LOGIN_BLOCKING", "LOGIN_ASYNC"})
  void aRequestThatNeverLeftIsSentAgain(String name) {
    Run run = Run.valueOf(name);
    Supplier<TokenPair> call = call(run, c -> client(c, Duration.ofSeconds(5), 1));
    int before = received(op(run));

    TokenPair pair = call.get();

    assertThat(backend().isCurrent(pair)).isTrue();
    assertThat(received(op(run)) - before).isEqualTo(1);
  }

  /** Every attempt refused: the call fails as not sent (never outcome unknown) after the policy's three attempts. */
  @Test
  void refusedConnectionsEndNotSent() {
    DfxClient c = client(null, Duration.ofSeconds(5), 3);

    DfxTransportException e = thrown(DfxTransportException.class,
        () -> new OnboardingClient(c).registerLicense(KIOSK));

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(received(OnboardingOperations.REGISTER_LICENSE)).isZero();
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void aNullRequestIsRefusedBeforeAnyIo() {
    OnboardingClient onboarding = new OnboardingClient(client(bearer("eyJ.device")));
    AsyncOnboardingClient async = new AsyncOnboardingClient(client(bearer("eyJ.device")));

    assertThatThrownBy(() -> onboarding.registerLicense(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThatThrownBy(() -> onboarding.login(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThatThrownBy(() -> async.registerLicense(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> async.login(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(received(OnboardingOperations.REGISTER_LICENSE) + received(OnboardingOperations.LOGIN)).isZero();
  }

  // ------------------------------------------------------------------ the wire

  /** 705 goes without Authorization; its body is the JSON of the request, byte for byte. */
  @Test
  void registrationOnTheWire() {
    Assumptions.assumeTrue(journal() != null, "no HTTP request journal: an in-memory transport, or WebSocket"
        + " frames (their bytes are checked by WebSocketOnboardingTest)");
    new OnboardingClient(client(bearer("eyJ.never.sent"))).registerLicense(new RegisterLicenseRequest("LINUX", KEY,
        "Kiosk 7", "com.example.kiosk", "1.4.2", Duration.ofHours(12), "kiosk.example.com"));

    RecordedRequest r = journal().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/organizations/licenses");
    assertThat(r.header("Authorization")).isNull();
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.header("Accept")).isEqualTo("application/json");
    assertThat(r.header("User-Agent")).startsWith("dfx-java/");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"DeviceTypeID\":\"LINUX\",\"Key\":\"" + KEY
        + "\",\"Name\":\"Kiosk 7\",\"Identifier\":\"com.example.kiosk\",\"Version\":\"1.4.2\","
        + "\"TokenExpiresIn\":43200,\"TokenSubject\":\"kiosk.example.com\"}");
  }

  /** 201 carries the device token as its bearer; its body is the JSON of the request, byte for byte. */
  @Test
  void loginOnTheWire() {
    Assumptions.assumeTrue(journal() != null, "no HTTP request journal: an in-memory transport, or WebSocket"
        + " frames (their bytes are checked by WebSocketOnboardingTest)");
    fake.addUser("bob@example.com", "pä ss \"wörd\"", MFA);
    RegisteredLicense device = registerKiosk();

    new OnboardingClient(client(bearer(device.pair().token())))
        .login(new LoginRequest("bob@example.com", "pä ss \"wörd\"", MFA, Duration.ofMinutes(30)));

    RecordedRequest r = journal().get(1);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/users/auth");
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + device.pair().token());
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.header("Accept")).isEqualTo("application/json");
    assertThat(r.body()).isEqualTo(("{\"Email\":\"bob@example.com\",\"Password\":\"pä ss \\\"wörd\\\"\","
        + "\"MFAToken\":\"" + MFA + "\",\"TokenExpiresIn\":1800}").getBytes(StandardCharsets.UTF_8));
  }

  /** Every failure is a DfxException naming the action, never the request's secrets. */
  @Test
  void failuresNameTheActionNotTheSecrets() {
    DfxException e = thrown(DfxException.class, () -> new OnboardingClient(client(null))
        .registerLicense(new RegisterLicenseRequest("LINUX", "LIC-NOT-SEEDED-42", "Kiosk", "k", "1")));

    assertThat(e.action()).isEqualTo("705 POST /organizations/licenses");
    assertThat(e.endpoint()).isNull();
    assertThat(e.toString()).doesNotContain("LIC-NOT-SEEDED-42");
  }
}
