package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.auths.GeneratedToken;
import io.github.dfxclient.auths.IdentityProvider;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.ResetMobileRequest;
import io.github.dfxclient.auths.ResetMobileSent;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.SsoTokenRequest;
import io.github.dfxclient.auths.SsoTokens;
import io.github.dfxclient.auths.TokenClaims;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AuthsPort} shows against the fake's state model: rotation, reuse
 * refused, the outbox, and scripted failures surfacing as the right exceptions after the right
 * number of requests. It runs against {@link FakeAuths} and against each HTTP adapter talking to
 * the {@link FakeDfxServer}; the same suite with the same results is what makes the fake
 * trustworthy. It covers all nine operations, blocking and async: the six with an action ID and
 * {@code authenticate}, {@code validate} and {@code ssoToken} without one. Implement {@link
 * #backend()} and {@link #port}.
 */
public abstract class AuthsPortContract {
  private static final String PHONE = "+15555550123";
  private static final String EMAIL = "grace.hopper@example.org";
  private static final String ORG = "acme-health";
  private static final String REDIRECT = "https://app.acme.example/sso/callback";

  /** The device pair issued before each test; its token is the bearer token of {@link #port()}. */
  protected TokenPair device;

  /** @return the state the port under test reaches (fresh, or reset, for each test) */
  protected abstract FakeAuthsBackend backend();

  /**
   * @param bearerToken the {@code Authorization: Bearer} supplier
   * @param requestTimeout the request timeout
   * @param retryPolicy the retry policy
   * @return the port under test, reaching {@link #backend()}
   */
  protected abstract AuthsPort port(Supplier<String> bearerToken, Duration requestTimeout, DfxRetryPolicy retryPolicy);

  /**
   * @param bearerToken the {@code Authorization: Bearer} supplier
   * @param requestTimeout the request timeout
   * @param retryPolicy the retry policy
   * @return the non-blocking port under test, reaching {@link #backend()}
   */
  protected abstract AsyncAuthsPort asyncPort(Supplier<String> bearerToken, Duration requestTimeout,
      DfxRetryPolicy retryPolicy);

  /**
   * @return whether the port's transport carries answer headers such as {@code Retry-After}: true
   *     for HTTP (the default); false for DFX's WebSocket API, whose answer frames have none (the
   *     rows that read a header are then skipped with this reason)
   */
  protected boolean carriesAnswerHeaders() {
    return true;
  }

  /**
   * @return whether the port's transport carries operations without an action ID: true for HTTP
   *     (the default); false for DFX's WebSocket API, which frames requests by action ID (rows of
   *     such operations are then skipped, or check the refusal)
   */
  protected boolean carriesOperationsWithoutActionId() {
    return true;
  }

  private static DfxRetryPolicy fast() {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).jitter(0).build();
  }

  private AsyncAuthsPort asyncPort() {
    return asyncPort(() -> backend().currentPair("device").map(TokenPair::token).orElse(null),
        Duration.ofSeconds(2), fast());
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  private static final OrgClientCredentials ACME = new OrgClientCredentials("Acme Health",
      "https://acme.example/logo.png", "us-east-1_abc", true, "https://auth.acme.example",
      List.of(new IdentityProvider("https://acme.example/g.png", "Google", "Google"),
          new IdentityProvider(null, "Acme SSO", "AcmeSaml")));

  /** @return the port under test with the device token, a 2 s timeout and a fast retry policy */
  protected AuthsPort port() {
    return port(() -> backend().currentPair("device").map(TokenPair::token).orElse(null), Duration.ofSeconds(2),
        DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).jitter(0).build());
  }

  /** Issues the device pair. */
  @BeforeEach
  public void registerDevice() {
    device = backend().issuePair("device");
  }

  private int received(DfxEndpoint e) {
    return backend().requestsReceived(e);
  }

  private int received(DfxOperation<?, ?> op) {
    return backend().requestsReceived(op);
  }

  /** @return the {@code iat} and {@code exp} claims of a JWT-shaped token the fake issued */
  private static long[] times(String token) {
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    Matcher iat = Pattern.compile("\"iat\":(\\d+)").matcher(payload);
    Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(payload);
    assertThat(iat.find() && exp.find()).as("iat and exp claims").isTrue();
    return new long[] {Long.parseLong(iat.group(1)), Long.parseLong(exp.group(1))};
  }

  // ------------------------------------------------------------------ /auth/v1: claims

  /**
   * authenticate and validate answer the claims of the bearer token that was sent: its subject,
   * its own iat and exp, the device defaults, nested permissions as they were; a renewed pair is the
   * next session generation.
   */
  @Test
  public void authenticateAndValidateAnswerTheClaimsOfTheBearer() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    AuthsPort port = port();

    TokenClaims a = port.authenticate();
    TokenClaims v = port.validate();
    port.renew(backend().currentPair("device").orElseThrow());
    TokenClaims renewed = port.authenticate();

    long[] times = times(device.token());
    assertThat(a.id()).isEqualTo("device");
    assertThat(a.type()).isEqualTo("device");
    assertThat(a.organizationId()).isEqualTo(FakeAuthsBackend.FAKE_ORGANIZATION_ID);
    assertThat(a.region()).isEqualTo(FakeAuthsBackend.FAKE_REGION);
    assertThat(a.issuer()).isEqualTo(FakeAuthsBackend.FAKE_ISSUER);
    assertThat(a.roleId()).isEqualTo("DEVICE");
    assertThat(a.loginUser()).isTrue();
    assertThat(a.sessionGen()).isEqualTo(1);
    assertThat(a.issuedAt()).isEqualTo(Instant.ofEpochSecond(times[0]));
    assertThat(a.expiresAt()).isEqualTo(Instant.ofEpochSecond(times[1]));
    assertThat(a.permissions()).isEqualTo(FakeAuthsBackend.DEVICE_PERMISSIONS);
    assertThat(a.permissions().keySet()).containsExactlyElementsOf(FakeAuthsBackend.DEVICE_PERMISSIONS.keySet());
    assertThat(((Map<?, ?>) a.permissions().get("Licenses")).containsKey("Expires")).isTrue();
    assertThat(v).isEqualTo(a);
    assertThat(renewed.sessionGen()).isEqualTo(2);
    assertThat(renewed.issuedAt()).isAfterOrEqualTo(a.issuedAt());
    assertThat(received(AuthsOperations.AUTHENTICATE)).isEqualTo(2);
    assertThat(received(AuthsOperations.VALIDATE)).isEqualTo(1);
  }

  /** A user's token answers the user defaults; seeded claims replace them, except ID, iat and exp. */
  @Test
  public void claimsFollowTheSubjectAndItsSeed() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    TokenPair user = backend().issuePair("user-7");
    AuthsPort asUser = port(user::token, Duration.ofSeconds(2), fast());

    TokenClaims plain = asUser.validate();
    backend().seedClaims("user-7", new TokenClaims("org-acme", "ignored", "user", 42, "eu-central",
        Instant.EPOCH, Instant.EPOCH, "https://issuer.example", "ORG_ADMIN", true,
        Map.of("Studies", List.of(Map.of("Id", "s-1", "Weight", 0.5d)))));
    TokenClaims seeded = asUser.authenticate();

    assertThat(plain.type()).isEqualTo("user");
    assertThat(plain.roleId()).isEqualTo("USER");
    assertThat(plain.loginUser()).isFalse();
    assertThat(plain.permissions()).isEqualTo(FakeAuthsBackend.USER_PERMISSIONS);
    assertThat(seeded).isEqualTo(new TokenClaims("org-acme", "user-7", "user", 42, "eu-central",
        plain.expiresAt(), plain.issuedAt(), "https://issuer.example", "ORG_ADMIN", true,
        Map.of("Studies", List.of(Map.of("Id", "s-1", "Weight", 0.5d)))));
  }

  /**
   * A bearer the server did not issue, or one that expired: 401 INVALID_TOKEN; no bearer at all:
   * nothing is sent.
   */
  @Test
  public void claimsOfAnUnknownOrExpiredBearerAreRefused() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    backend().tokenLifetime(Duration.ZERO);
    TokenPair expired = backend().issuePair("device-expired");
    backend().tokenLifetime(Duration.ofHours(1));

    DfxApiException unknown = catchThrowableOfType(DfxApiException.class,
        () -> port(() -> "eyJ.not.issued", Duration.ofSeconds(2), fast()).authenticate());
    DfxApiException late = catchThrowableOfType(DfxApiException.class,
        () -> port(expired::token, Duration.ofSeconds(2), fast()).validate());
    IllegalStateException none = catchThrowableOfType(IllegalStateException.class,
        () -> port(() -> null, Duration.ofSeconds(2), fast()).authenticate());

    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.code()).isEqualTo(FakeAuthsBackend.INVALID_TOKEN);
    assertThat(unknown.endpoint()).isNull();
    assertThat(unknown.operation()).isSameAs(AuthsOperations.AUTHENTICATE);
    assertThat(unknown.action()).isEqualTo("GET /auth/v1/authenticate");
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.code()).isEqualTo(FakeAuthsBackend.INVALID_TOKEN);
    assertThat(none).hasMessageStartingWith("no device token for GET /auth/v1/authenticate");
    assertThat(received(AuthsOperations.AUTHENTICATE)).isEqualTo(1);
    assertThat(received(AuthsOperations.VALIDATE)).isEqualTo(1);
  }

  // ------------------------------------------------------------------ /auth/v1: SSO

  /** A minted code is exchanged once for a fresh token set; the second use is refused with a readable 400. */
  @Test
  public void ssoTokenExchangesACodeOnce() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    String code = backend().mintSsoCode(ORG, REDIRECT);
    String other = backend().mintSsoCode(ORG, REDIRECT);
    AuthsPort port = port();

    SsoTokens tokens = port.ssoToken(new SsoTokenRequest(REDIRECT, ORG, code));
    SsoTokens second = port.ssoToken(new SsoTokenRequest(REDIRECT, ORG, other));
    DfxApiException reused = catchThrowableOfType(DfxApiException.class,
        () -> port.ssoToken(new SsoTokenRequest(REDIRECT, ORG, code)));

    assertThat(tokens.expiresIn()).isEqualTo(Duration.ofHours(1));
    assertThat(tokens.tokenType()).isEqualTo("Bearer");
    assertThat(tokens.idToken()).startsWith("eyJ");
    assertThat(tokens.accessToken()).startsWith("eyJ").isNotEqualTo(second.accessToken());
    assertThat(tokens.refreshToken()).isNotEqualTo(second.refreshToken());
    assertThat(tokens.toString()).doesNotContain(tokens.idToken()).doesNotContain(tokens.accessToken())
        .doesNotContain(tokens.refreshToken());
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.code()).isEqualTo(FakeAuthsBackend.INVALID_CODE);
    assertThat(reused.serverMessage()).isEqualTo("The code was already used");
    assertThat(reused.getMessage()).contains("POST /auth/v1/sso/token").doesNotContain(code);
    assertThat(received(AuthsOperations.SSO_TOKEN)).isEqualTo(3);
  }

  /** A code is bound to the redirect URI and organization it was minted for; an unknown code is refused. */
  @Test
  public void ssoTokenChecksWhatTheCodeWasMintedFor() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    String code = backend().mintSsoCode(ORG, REDIRECT);
    AuthsPort port = port();

    DfxApiException elsewhere = catchThrowableOfType(DfxApiException.class,
        () -> port.ssoToken(new SsoTokenRequest("https://evil.example/cb", ORG, code)));
    DfxApiException otherOrg = catchThrowableOfType(DfxApiException.class,
        () -> port.ssoToken(new SsoTokenRequest(REDIRECT, "other-org", code)));
    DfxApiException unknown = catchThrowableOfType(DfxApiException.class,
        () -> port.ssoToken(new SsoTokenRequest(REDIRECT, ORG, "not-a-minted-code")));
    SsoTokens tokens = port.ssoToken(new SsoTokenRequest(REDIRECT, ORG, code));

    assertThat(List.of(elsewhere, otherOrg, unknown)).allSatisfy(e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo(FakeAuthsBackend.INVALID_CODE);
    });
    assertThat(tokens.tokenType()).isEqualTo("Bearer");
  }

  /** ssoToken may be sent again after it may have arrived: 500 (not acted) then 200 is two requests and the tokens. */
  @Test
  public void ssoTokenIsSentAgainAfterA500() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    String code = backend().mintSsoCode(ORG, REDIRECT);
    backend().failNext(AuthsOperations.SSO_TOKEN, ScriptedFailure.error(500, "INTERNAL", "try again"));

    SsoTokens tokens = port().ssoToken(new SsoTokenRequest(REDIRECT, ORG, code));

    assertThat(tokens.tokenType()).isEqualTo("Bearer");
    assertThat(received(AuthsOperations.SSO_TOKEN)).isEqualTo(2);
  }

  /**
   * The server exchanged the code but its answer was a 500: the request is sent again, and the code
   * that already arrived can only earn a refusal (a readable 400), never a second token set.
   */
  @Test
  public void anSsoCodeThatAlreadyArrivedEarnsOnlyARefusal() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    String code = backend().mintSsoCode(ORG, REDIRECT);
    backend().failNext(AuthsOperations.SSO_TOKEN, ScriptedFailure.errorAfterActing(500));

    DfxApiException e = catchThrowableOfType(DfxApiException.class,
        () -> port().ssoToken(new SsoTokenRequest(REDIRECT, ORG, code)));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo(FakeAuthsBackend.INVALID_CODE);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(received(AuthsOperations.SSO_TOKEN)).isEqualTo(2);
  }

  /** ssoToken needs the device token; without one nothing is sent, with an unknown one 401. */
  @Test
  public void ssoTokenNeedsTheDeviceToken() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    String code = backend().mintSsoCode(ORG, REDIRECT);
    SsoTokenRequest request = new SsoTokenRequest(REDIRECT, ORG, code);

    IllegalStateException none = catchThrowableOfType(IllegalStateException.class,
        () -> port(() -> " ", Duration.ofSeconds(2), fast()).ssoToken(request));
    DfxApiException stale = catchThrowableOfType(DfxApiException.class,
        () -> port(() -> "eyJ.not.issued", Duration.ofSeconds(2), fast()).ssoToken(request));
    SsoTokens tokens = port().ssoToken(request);

    assertThat(none).hasMessageStartingWith("no device token for POST /auth/v1/sso/token");
    assertThat(stale.status()).isEqualTo(401);
    assertThat(tokens).isNotNull();
    assertThat(received(AuthsOperations.SSO_TOKEN)).isEqualTo(2);
  }

  // ------------------------------------------------------------------ renew

  /** Renew returns a new pair and invalidates the old one. */
  @Test
  public void renewRotatesThePair() {
    TokenPair user = backend().issuePair("user-7");

    TokenPair next = port().renew(user);

    assertThat(next).isNotEqualTo(user);
    assertThat(next.token()).isNotEqualTo(user.token());
    assertThat(next.refreshToken()).isNotEqualTo(user.refreshToken());
    assertThat(backend().isCurrent(next)).isTrue();
    assertThat(backend().isCurrent(user)).isFalse();
    assertThat(received(DfxEndpoint.RENEW)).isEqualTo(1);
  }

  /** A used refresh token is refused with 401 INVALID_REFRESH_TOKEN, and that is not retried. */
  @Test
  public void usedRefreshTokenIsRefused() {
    TokenPair user = backend().issuePair("user-7");
    AuthsPort port = port();
    port.renew(user);

    DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> port.renew(user));

    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(FakeAuthsBackend.REFUSED_RENEW_STATUS);
    assertThat(e.code()).isEqualTo(FakeAuthsBackend.INVALID_REFRESH_TOKEN);
    assertThat(e.endpoint()).isEqualTo(DfxEndpoint.RENEW);
    assertThat(backend().renewAttemptsWith(user.refreshToken())).isEqualTo(2);
  }

  /** Unknown pairs, and a token with another pair's refresh token, are refused. */
  @Test
  public void unknownOrMismatchedPairsAreRefused() {
    TokenPair a = backend().issuePair("user-a");
    TokenPair b = backend().issuePair("user-b");
    AuthsPort port = port();

    DfxApiException unknown = catchThrowableOfType(DfxApiException.class,
        () -> port.renew(new TokenPair("eyJ.unknown.token", "rt-unknown")));
    DfxApiException mixed = catchThrowableOfType(DfxApiException.class,
        () -> port.renew(new TokenPair(a.token(), b.refreshToken())));

    assertThat(unknown.code()).isEqualTo(FakeAuthsBackend.INVALID_REFRESH_TOKEN);
    assertThat(mixed.code()).isEqualTo(FakeAuthsBackend.INVALID_REFRESH_TOKEN);
    assertThat(backend().isCurrent(a)).isTrue();
    assertThat(backend().isCurrent(b)).isTrue();
  }

  /**
   * Of many concurrent renews of one pair, exactly one wins; the others are refused.
   * @throws java.lang.Exception when the test fails to run
   */
  @Test
  public void concurrentRenewsOfOnePairHaveOneWinner() throws Exception {
    TokenPair user = backend().issuePair("user-7");
    AuthsPort port = port();
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Object> renew = () -> {
          go.await();
          try {
            return port.renew(user);
          } catch (DfxApiException e) {
            return e;
          }
        };
        results.add(pool.submit(renew));
      }
      go.countDown();
      int winners = 0;
      for (Future<Object> f : results) {
        Object r = f.get();
        if (r instanceof TokenPair) {
          winners++;
        } else {
          assertThat(((DfxApiException) r).code()).isEqualTo(FakeAuthsBackend.INVALID_REFRESH_TOKEN);
        }
      }
      assertThat(winners).isEqualTo(1);
      assertThat(received(DfxEndpoint.RENEW)).isEqualTo(threads);
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ outbox

  /** A login code request lands in the outbox. */
  @Test
  public void loginCodeLandsInOutbox() {
    LoginCodeSent sent = port().requestLoginCode(new LoginCodeRequest(PHONE, ORG));

    assertThat(sent.success()).isTrue();
    assertThat(backend().outbox()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(SentMessage.Kind.LOGIN_CODE);
      assertThat(m.recipient()).isEqualTo(PHONE);
      assertThat(m.identifier()).isEqualTo(ORG);
      assertThat(m.content()).matches("\\d{6}");
    });
  }

  /** A reset link request lands in the outbox. */
  @Test
  public void resetLinkLandsInOutbox() {
    ResetPasswordLinkSent sent = port().requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, ORG));

    assertThat(sent.success()).isTrue();
    assertThat(backend().outbox()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(SentMessage.Kind.RESET_PASSWORD_LINK);
      assertThat(m.recipient()).isEqualTo(EMAIL);
      assertThat(m.content()).startsWith("https://");
    });
  }

  /**
   * Without a bearer token the call fails before any I/O ({@link IllegalStateException} naming the
   * credential); with one the server did not issue: 401 INVALID_TOKEN. Nothing is sent.
   */
  @Test
  public void callsWithoutValidBearerAreRefused() {
    AuthsPort anonymous = port(() -> null, Duration.ofSeconds(2), DfxRetryPolicy.defaults());
    AuthsPort stale = port(() -> "eyJ.not.issued", Duration.ofSeconds(2), DfxRetryPolicy.defaults());

    IllegalStateException a = catchThrowableOfType(IllegalStateException.class,
        () -> anonymous.requestLoginCode(new LoginCodeRequest(PHONE, ORG)));
    DfxApiException b = catchThrowableOfType(DfxApiException.class,
        () -> stale.requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, ORG)));

    assertThat(a).hasMessageStartingWith("no device token");
    assertThat(backend().requestsReceived(DfxEndpoint.REQUEST_LOGIN_CODE)).isZero();
    assertThat(b.status()).isEqualTo(401);
    assertThat(b.code()).isEqualTo(FakeAuthsBackend.INVALID_TOKEN);
    assertThat(backend().outbox()).isEmpty();
  }

  /** A reset by e-mail and SMS (2302) lands in the outbox, one message per recipient. */
  @Test
  public void resetMobileLandsInOutbox() {
    ResetMobileSent sent = port().sendResetMobile(new ResetMobileRequest(EMAIL, PHONE));

    assertThat(sent.success()).isTrue();
    assertThat(backend().outbox()).extracting(SentMessage::kind, SentMessage::recipient).containsExactly(
        tuple(SentMessage.Kind.RESET_BY_EMAIL, EMAIL), tuple(SentMessage.Kind.RESET_BY_SMS, PHONE));
    assertThat(received(DfxEndpoint.SEND_RESET_MOBILE)).isEqualTo(1);
  }

  /** A general token (2305) is tied to the pair; a pair that is not current is refused. */
  @Test
  public void generateTokenIsTiedToTheCurrentPair() {
    TokenPair user = backend().issuePair("user-7");
    AuthsPort port = port();

    GeneratedToken token = port.generateToken(user);
    port.renew(user);
    DfxApiException stale = catchThrowableOfType(DfxApiException.class, () -> port.generateToken(user));

    assertThat(backend().generatedTokenSubject(token.token())).contains("user-7");
    assertThat(token.toString()).doesNotContain(token.token());
    assertThat(stale.code()).isEqualTo(FakeAuthsBackend.INVALID_REFRESH_TOKEN);
    assertThat(received(DfxEndpoint.GENERATE_TOKEN)).isEqualTo(2);
  }

  /** 2306 serves a seeded organization to a user token, path-encoding the ID; 404 and 401 otherwise. */
  @Test
  public void orgClientCredentialsNeedAUserToken() {
    backend().addOrganization("acme health/eu", ACME);
    TokenPair user = backend().issuePair("user-7");
    AuthsPort asUser = port(user::token, Duration.ofSeconds(2), fast());

    OrgClientCredentials org = asUser.orgClientCredentials("acme health/eu");
    DfxApiException unknown = catchThrowableOfType(DfxApiException.class, () -> asUser.orgClientCredentials("nope"));
    DfxApiException asDevice = catchThrowableOfType(DfxApiException.class,
        () -> port().orgClientCredentials("acme health/eu"));

    assertThat(org).isEqualTo(ACME);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo(FakeAuthsBackend.ORGANIZATION_NOT_FOUND);
    assertThat(asDevice.status()).isEqualTo(401);
    assertThat(received(DfxEndpoint.ORG_CLIENT_CREDENTIALS)).isEqualTo(3);
  }

  /** Every operation through the non-blocking port: the same answers and effects. */
  @Test
  public void everyOperationRunsAsynchronously() {
    backend().addOrganization("acme", ACME);
    TokenPair user = backend().issuePair("user-7");
    AsyncAuthsPort port = asyncPort();

    TokenPair next = await(port.renew(user));
    assertThat(await(port.requestLoginCode(new LoginCodeRequest(PHONE, ORG))).success()).isTrue();
    assertThat(await(port.requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, ORG))).success()).isTrue();
    assertThat(await(port.sendResetMobile(new ResetMobileRequest(null, PHONE))).success()).isTrue();
    GeneratedToken token = await(port.generateToken(next));
    AsyncAuthsPort asUser = asyncPort(next::token, Duration.ofSeconds(2), fast());
    OrgClientCredentials org = await(asUser.orgClientCredentials("acme"));

    assertThat(backend().isCurrent(next)).isTrue();
    assertThat(backend().isCurrent(user)).isFalse();
    assertThat(backend().outbox()).hasSize(3);
    assertThat(backend().generatedTokenSubject(token.token())).contains("user-7");
    assertThat(org).isEqualTo(ACME);
    if (!carriesOperationsWithoutActionId()) {
      return;
    }
    TokenClaims deviceClaims = await(port.authenticate());
    TokenClaims userClaims = await(asUser.validate());
    String code = backend().mintSsoCode(ORG, REDIRECT);
    SsoTokens sso = await(port.ssoToken(new SsoTokenRequest(REDIRECT, ORG, code)));
    DfxApiException reused = catchThrowableOfType(DfxApiException.class,
        () -> await(port.ssoToken(new SsoTokenRequest(REDIRECT, ORG, code))));
    assertThat(deviceClaims.id()).isEqualTo("device");
    assertThat(userClaims.id()).isEqualTo("user-7");
    assertThat(userClaims.sessionGen()).isEqualTo(2);
    assertThat(sso.expiresIn()).isEqualTo(Duration.ofHours(1));
    assertThat(reused.code()).isEqualTo(FakeAuthsBackend.INVALID_CODE);
    assertThat(received(AuthsOperations.AUTHENTICATE) + received(AuthsOperations.VALIDATE)).isEqualTo(2);
    assertThat(received(AuthsOperations.SSO_TOKEN)).isEqualTo(2);
  }

  /** Async keeps the rules of the three without action ID: 500 then 200 resends ssoToken; no token sends nothing. */
  @Test
  public void asynchronousAuthV1CallsKeepTheirRules() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesOperationsWithoutActionId(),
        "the transport frames requests by action ID: the /auth/v1 operations have none");
    String code = backend().mintSsoCode(ORG, REDIRECT);
    backend().failNext(AuthsOperations.SSO_TOKEN, ScriptedFailure.error(500, "INTERNAL", "try again"));
    backend().failNext(AuthsOperations.VALIDATE, ScriptedFailure.connectionReset());

    SsoTokens sso = await(asyncPort().ssoToken(new SsoTokenRequest(REDIRECT, ORG, code)));
    TokenClaims claims = await(asyncPort().validate());
    IllegalStateException none = catchThrowableOfType(IllegalStateException.class,
        () -> await(asyncPort(() -> null, Duration.ofSeconds(2), fast()).authenticate()));

    assertThat(sso.tokenType()).isEqualTo("Bearer");
    assertThat(received(AuthsOperations.SSO_TOKEN)).isEqualTo(2);
    assertThat(claims.id()).isEqualTo("device");
    assertThat(received(AuthsOperations.VALIDATE)).isEqualTo(2);
    assertThat(none).hasMessageStartingWith("no device token");
    assertThat(received(AuthsOperations.AUTHENTICATE)).isZero();
  }

  /** Async keeps the retry table: a 503 is retried, a reset after sending a message is not. */
  @Test
  public void asynchronousCallsKeepTheRetryTable() {
    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.unavailable());
    backend().failNext(DfxEndpoint.SEND_RESET_MOBILE, ScriptedFailure.connectionReset());
    AsyncAuthsPort port = asyncPort();

    assertThat(await(port.requestLoginCode(new LoginCodeRequest(PHONE, ORG))).success()).isTrue();
    DfxTransportException e = catchThrowableOfType(DfxTransportException.class,
        () -> await(port.sendResetMobile(new ResetMobileRequest(EMAIL, null))));

    assertThat(received(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(2);
    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(received(DfxEndpoint.SEND_RESET_MOBILE)).isEqualTo(1);
  }

  /** Bad input to the async port is refused at once, before any I/O. */
  @Test
  public void asynchronousBadInputIsRefusedBeforeAnyIo() {
    AsyncAuthsPort port = asyncPort();

    assertThatThrownBy(() -> port.orgClientCredentials(" acme")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orgId");
    assertThatThrownBy(() -> port.generateToken(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pair");
    assertThatThrownBy(() -> port.ssoToken(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThatThrownBy(() -> port().ssoToken(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThat(received(DfxEndpoint.ORG_CLIENT_CREDENTIALS) + received(DfxEndpoint.GENERATE_TOKEN)
        + received(AuthsOperations.SSO_TOKEN)).isZero();
  }

  // ------------------------------------------------------------------ scripted failures

  /** A scripted 503 is retried; the second request succeeds. */
  @Test
  public void scripted503IsRetried() {
    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.unavailable());

    assertThat(port().requestLoginCode(new LoginCodeRequest(PHONE, ORG)).success()).isTrue();

    assertThat(received(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(2);
    assertThat(backend().outbox()).hasSize(1);
  }

  /** A scripted 500 surfaces at once; nothing was sent. */
  @Test
  public void scripted500Surfaces() {
    backend().failNext(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK, ScriptedFailure.error(500, "INTERNAL", "boom"));

    DfxApiException e = catchThrowableOfType(DfxApiException.class,
        () -> port().requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, ORG)));

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.code()).isEqualTo("INTERNAL");
    assertThat(e.serverMessage()).isEqualTo("boom");
    assertThat(received(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK)).isEqualTo(1);
    assertThat(backend().outbox()).isEmpty();
  }

  /** A 429 whose Retry-After is beyond the cap surfaces at once, with the wait. */
  @Test
  public void scriptedLongRateLimitSurfacesRetryAfter() {
    org.junit.jupiter.api.Assumptions.assumeTrue(carriesAnswerHeaders(),
        "the transport's answers carry no headers (DFX's WebSocket frames): no Retry-After to read");
    backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.rateLimited(Duration.ofSeconds(60)));

    DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> port().renew(device));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(received(DfxEndpoint.RENEW)).isEqualTo(1);
    assertThat(backend().isCurrent(device)).isTrue();
  }

  /** A reset before the server acted: a renew is sent again and succeeds; a message is not. */
  @Test
  public void resetRenewIsSentAgainButAMessageIsNot() {
    backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.connectionReset());
    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.connectionReset());

    TokenPair next = port().renew(device);
    DfxTransportException e = catchThrowableOfType(DfxTransportException.class,
        () -> port().requestLoginCode(new LoginCodeRequest(PHONE, ORG)));

    assertThat(backend().isCurrent(next)).isTrue();
    assertThat(received(DfxEndpoint.RENEW)).isEqualTo(2);
    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(received(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(1);
    assertThat(backend().outbox()).isEmpty();
  }

  /**
   * The server rotated the pair but the answer was lost: the renew is sent once more, the server
   * refuses the used refresh token, and that refusal surfaces (the new pair exists only in the lost
   * answer).
   */
  @Test
  public void lostRenewAnswerIsResentOnceThenRefused() {
    backend().failNext(DfxEndpoint.RENEW, ScriptedFailure.answerLost());

    DfxApiException e = catchThrowableOfType(DfxApiException.class, () -> port().renew(device));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo(FakeAuthsBackend.INVALID_REFRESH_TOKEN);
    assertThat(backend().isCurrent(device)).isFalse();
    assertThat(backend().renewAttemptsWith(device.refreshToken())).isEqualTo(2);
  }

  /** An answer slower than the request timeout: outcome unknown, not retried. */
  @Test
  public void slowAnswerTimesOut() {
    backend().failNext(DfxEndpoint.REQUEST_LOGIN_CODE, ScriptedFailure.slow(Duration.ofMillis(1500)));
    AuthsPort port = port(() -> device.token(), Duration.ofMillis(300),
        DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build());

    DfxTransportException e = catchThrowableOfType(DfxTransportException.class,
        () -> port.requestLoginCode(new LoginCodeRequest(PHONE, ORG)));

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(received(DfxEndpoint.REQUEST_LOGIN_CODE)).isEqualTo(1);
  }

  /** Latency holds answers back but they still arrive. */
  @Test
  public void latencyDelaysAnswers() {
    backend().latency(DfxEndpoint.RENEW, Duration.ofMillis(250));

    long start = System.nanoTime();
    TokenPair next = port().renew(device);

    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250L);
    assertThat(backend().isCurrent(next)).isTrue();
  }
}
