package io.github.dfxclient.testkit;

import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.auths.GeneratedToken;
import io.github.dfxclient.auths.OrgClientCredentials;
import io.github.dfxclient.auths.ResetMobileSent;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.SsoTokenRequest;
import io.github.dfxclient.auths.SsoTokens;
import io.github.dfxclient.auths.TokenClaims;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxCodec;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxOperation;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of a fake DFX Auths service, shared by its two faces: {@link FakeAuths} (in memory)
 * and {@link FakeDfxServer} (HTTP and WebSocket). Thread-safe.
 *
 * <p>Semantics, as the real service documents them:
 * <ul>
 *   <li>{@link #issuePair} issues a pair: a JWT-shaped access token with {@code sub}, {@code iat}
 *       and {@code exp} claims (lifetime configurable, default 1 h), as DFX tokens carry them, and an
 *       opaque refresh token. {@link #tokenPayload} makes it issue tokens with any payload instead
 *       (odd or unreadable claims), to test how a client copes.
 *   <li>Renew accepts only a current pair (token and refresh token issued together, not yet
 *       renewed); it returns a new pair and invalidates the old one. A used, unknown or mismatched
 *       pair is refused with <b>401 {@code INVALID_REFRESH_TOKEN}</b>. Renew needs no Authorization
 *       header.
 *   <li>Login code and reset link need {@code Authorization: Bearer <token>} with a current,
 *       unexpired access token (a device token), else <b>401 {@code INVALID_TOKEN}</b>. They record
 *       a {@link SentMessage} in the {@link #outbox()} and answer {@code {"success": true}}. The
 *       login code (2303) is served on {@code PATCH} and on {@code POST /auths/users/code}: the
 *       sources disagree on its verb (DESIGN, "Wire protocol").
 *   <li>{@code GET /auth/v1/authenticate} and {@code GET /auth/v1/validate} decode the bearer token
 *       that was sent (401 {@code INVALID_TOKEN} for a missing, unknown, renewed or expired one) and
 *       answer its claims: {@code ID} its subject, {@code exp}/{@code iat} its own, {@code SessionGen}
 *       its generation (1 when issued, one more per renew); by default {@link
 *       #FAKE_ORGANIZATION_ID}, {@link #FAKE_REGION}, {@link #FAKE_ISSUER}, and for a subject that
 *       starts with {@link #DEVICE_SUBJECT_PREFIX} {@code Type} {@code device}, {@code RoleID}
 *       {@code DEVICE}, {@code Policies.LoginUser} true (a device token logs users in) and {@link
 *       #DEVICE_PERMISSIONS}, for any other {@code user}, {@code USER}, false and {@link
 *       #USER_PERMISSIONS}. {@link #seedClaims} sets them per subject.
 *   <li>{@code POST /auth/v1/sso/token} needs a current bearer token and exchanges a code minted by
 *       {@link #mintSsoCode} (or the admin API) for a fresh token set, once: a code that is unknown,
 *       older than {@link #SSO_CODE_LIFETIME}, already used, or presented with another {@code
 *       redirectURL} or {@code orgIdentifier} than it was minted for is refused with <b>400 {@code
 *       INVALID_CODE}</b>.
 *   <li>Scripted failures ({@link #failNext}) are used up first, one per request, in order.
 *   <li>Requests are routed and decoded with the operations' own descriptors ({@link DfxOperation}):
 *       over HTTP by method and path ({@link FakeDfxServer}), in memory by the operation the
 *       request carries ({@link FakeAuths}), over WebSocket by action ID ({@link
 *       FakeDfxServer#webSocketUri()}); 404 {@code NOT_FOUND} for an unknown route (400 {@code
 *       INCORRECT_REQUEST} "Invalid Route Number" for an unknown action ID), 415 for a body that is
 *       not JSON, 400 {@code INVALID_REQUEST} for a body the server cannot read. {@link #handle}
 *       adds an operation.
 *   <li>Request counts, scripted failures and latency are kept per operation (by the descriptor's
 *       identity), so operations without an action ID have them too; the {@code DfxEndpoint}
 *       overloads are those of the endpoint's {@link DfxEndpoint#operation() operation}.
 * </ul>
 */
public final class FakeAuthsBackend {
  /** Status of a refused renew. */
  public static final int REFUSED_RENEW_STATUS = 401;
  /** Code of a refused renew: the refresh token is unknown, used, or not of that token. */
  public static final String INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN";
  /** Code of a missing, unknown or expired bearer token. */
  public static final String INVALID_TOKEN = "INVALID_TOKEN";
  /** Code of a refused SSO code: unknown, expired, already used, or minted for another redirect or organization. */
  public static final String INVALID_CODE = "INVALID_CODE";
  /** How long a minted SSO code can be exchanged (an OAuth authorization code lives minutes). */
  public static final Duration SSO_CODE_LIFETIME = Duration.ofMinutes(5);
  /** The {@code OrganizationID} the claims name by default. */
  public static final String FAKE_ORGANIZATION_ID = "3c2f6a5e-0d1b-4c7e-9a41-5f0e8d2b7c13";
  /** The {@code Region} the claims name by default. */
  public static final String FAKE_REGION = "na-east";
  /** The {@code iss} the claims name by default. */
  public static final String FAKE_ISSUER = "fake-dfx";
  /**
   * The {@code Permissions} of a device's claims by default (unmodifiable, in this order): {@code
   * {"Auths":{"Actions":["2300","2302","2303","2304","2305"]},"Measurements":{"Create":true,
   * "MaxPerDay":1000},"Licenses":{"Quota":0.75,"Expires":null}}}.
   */
  public static final Map<String, Object> DEVICE_PERMISSIONS = object(
      "Auths", object("Actions", List.of("2300", "2302", "2303", "2304", "2305")),
      "Measurements", object("Create", true, "MaxPerDay", 1000L),
      "Licenses", object("Quota", 0.75d, "Expires", null));
  /**
   * The {@code Permissions} of a user's claims by default (unmodifiable, in this order): {@code
   * {"Auths":{"Actions":["2304","2306"]},"Measurements":{"Create":true,"Read":"own"},"Profiles":
   * {"Read":true,"Write":true}}}.
   */
  public static final Map<String, Object> USER_PERMISSIONS = object(
      "Auths", object("Actions", List.of("2304", "2306")),
      "Measurements", object("Create", true, "Read", "own"),
      "Profiles", object("Read", true, "Write", true));

  /** @return an unmodifiable map of these keys and values, in this order ({@code null} values allowed) */
  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private Duration tokenLifetime;
  private final Duration initialLifetime;
  private final Map<String, Issued> byRefreshToken = new HashMap<>();
  private final Map<String, Issued> byToken = new HashMap<>();
  private final Map<String, Issued> currentBySubject = new HashMap<>();
  private final Set<String> usedRefreshTokens = new HashSet<>();
  private final Map<String, Integer> renewAttempts = new HashMap<>();
  // keyed by operation (by identity): an operation without an action ID is counted and scripted too
  private final Map<DfxOperation<?, ?>, Integer> received = new HashMap<>();
  private final Map<DfxOperation<?, ?>, Deque<ScriptedFailure>> scripts = new HashMap<>();
  private final Map<DfxOperation<?, ?>, Duration> latency = new HashMap<>();
  private final List<SentMessage> outbox = new ArrayList<>();
  private final Map<DfxOperation<?, ?>, FakeHandler<?, ?>> handlers = new LinkedHashMap<>();
  private final Map<String, OrgClientCredentials> organizations = new HashMap<>();
  private final Map<String, String> generatedTokens = new HashMap<>();
  private final Map<String, TokenClaims> seededClaims = new HashMap<>();
  private final Map<String, SsoCode> ssoCodes = new HashMap<>();
  private final Set<String> usedSsoCodes = new HashSet<>();
  /** Further methods an operation is served on (by the same handler, counted as the operation). */
  private final Map<DfxOperation<?, ?>, Set<String>> otherMethods = new HashMap<>();
  private String payloadOverride;

  private record Issued(String subject, TokenPair pair, Instant issuedAt, Instant expires, long generation) {}

  private record SsoCode(String orgIdentifier, String redirectUrl, Instant expires) {}

  /** A backend on the system clock, issuing tokens valid for one hour. */
  public FakeAuthsBackend() {
    this(Clock.systemUTC(), Duration.ofHours(1));
  }

  /**
   * @param clock the clock for {@code exp} claims and expiry checks
   * @param tokenLifetime how long an issued access token is valid
   */
  public FakeAuthsBackend(Clock clock, Duration tokenLifetime) {
    if (clock == null || tokenLifetime == null || tokenLifetime.isNegative()) {
      throw new IllegalArgumentException("clock and a non-negative tokenLifetime are required");
    }
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
    this.initialLifetime = tokenLifetime;
    handle(AuthsOperations.RENEW, this::renew);
    alsoServe(AuthsOperations.REQUEST_LOGIN_CODE, "POST");
    handle(AuthsOperations.REQUEST_LOGIN_CODE, call -> {
      call.requireBearer();
      String code = String.format("%06d", RANDOM.nextInt(1_000_000));
      outbox.add(new SentMessage(SentMessage.Kind.LOGIN_CODE, call.request().phoneNumber(),
          call.request().identifier(), code));
      return new LoginCodeSent(true);
    });
    handle(AuthsOperations.REQUEST_RESET_PASSWORD_LINK, call -> {
      call.requireBearer();
      String link = "https://dfx.example/reset?org=" + call.request().identifier() + "&key=" + randomHex(16);
      outbox.add(new SentMessage(SentMessage.Kind.RESET_PASSWORD_LINK, call.request().email(),
          call.request().identifier(), link));
      return new ResetPasswordLinkSent(true);
    });
    handle(AuthsOperations.SEND_RESET_MOBILE, call -> {
      call.requireBearer();
      String key = randomHex(16);
      if (call.request().email() != null) {
        outbox.add(new SentMessage(SentMessage.Kind.RESET_BY_EMAIL, call.request().email(), null,
            "https://dfx.example/reset?key=" + key));
      }
      if (call.request().phoneNumber() != null) {
        outbox.add(new SentMessage(SentMessage.Kind.RESET_BY_SMS, call.request().phoneNumber(), null, key));
      }
      return new ResetMobileSent(true);
    });
    handle(AuthsOperations.GENERATE_TOKEN, call -> {
      call.requireBearer();
      Issued issued = byRefreshToken.get(call.request().refreshToken());
      if (issued == null || !issued.pair().equals(call.request())) {
        throw new FakeRefusal(REFUSED_RENEW_STATUS, INVALID_REFRESH_TOKEN, "The pair is not current");
      }
      String token = "gt-" + randomHex(24);
      generatedTokens.put(token, issued.subject());
      return new GeneratedToken(token);
    });
    handle(AuthsOperations.ORG_CLIENT_CREDENTIALS, call -> {
      String subject = call.requireBearer();
      if (subject.startsWith(DEVICE_SUBJECT_PREFIX)) {
        throw new FakeRefusal(401, INVALID_TOKEN, "A user token is required");
      }
      OrgClientCredentials org = organizations.get(call.request());
      if (org == null) {
        throw new FakeRefusal(404, ORGANIZATION_NOT_FOUND, "No such organization");
      }
      return org;
    });
    handle(AuthsOperations.AUTHENTICATE, call -> claims(bearer(call.authorization())));
    handle(AuthsOperations.VALIDATE, call -> claims(bearer(call.authorization())));
    handle(AuthsOperations.SSO_TOKEN, call -> {
      call.requireBearer();
      return exchange(call.request());
    });
  }

  /** Subjects that start with this are devices; any other subject is a user (action 2306 wants one). */
  public static final String DEVICE_SUBJECT_PREFIX = "device";
  /** Code of action 2306 for an organization this backend does not know. */
  public static final String ORGANIZATION_NOT_FOUND = "ORGANIZATION_NOT_FOUND";

  /**
   * Seeds an organization that action 2306 serves.
   *
   * @param orgId its ID
   * @param credentials what 2306 answers for it
   */
  public synchronized void addOrganization(String orgId, OrgClientCredentials credentials) {
    if (orgId == null || orgId.isBlank() || credentials == null) {
      throw new IllegalArgumentException("orgId and credentials are required");
    }
    organizations.put(orgId, credentials);
  }

  /**
   * @return the subject a general token (action 2305) was issued for, if it was
   * @param token the token
   */
  public synchronized Optional<String> generatedTokenSubject(String token) {
    return Optional.ofNullable(generatedTokens.get(token));
  }

  /**
   * Makes {@code GET /auth/v1/authenticate} and {@code validate} answer {@code claims} for the tokens
   * of {@code subject} from now on, except for what the token itself says: {@code ID} (the subject),
   * {@code iat} and {@code exp} are always the presented token's.
   *
   * @param subject the subject, e.g. {@code device} or {@code user-7}
   * @param claims the claims to answer (its {@code id}, {@code issuedAt} and {@code expiresAt} are not used)
   * @throws IllegalArgumentException when an argument is null or the subject blank
   */
  public synchronized void seedClaims(String subject, TokenClaims claims) {
    if (subject == null || subject.isBlank() || claims == null) {
      throw new IllegalArgumentException("subject and claims are required");
    }
    seededClaims.put(subject, claims);
  }

  /**
   * Mints a one-time SSO authorization code, as the organization's identity provider hands one to its
   * redirect URI: {@code POST /auth/v1/sso/token} exchanges it once, with the same {@code
   * redirectURL} and {@code orgIdentifier}, within {@link #SSO_CODE_LIFETIME}.
   *
   * @param orgIdentifier the organization identifier the code is for
   * @param redirectUrl the redirect URI it was sent to
   * @return the code (a random UUID, as Cognito's codes look)
   * @throws IllegalArgumentException when an argument is null or blank
   */
  public synchronized String mintSsoCode(String orgIdentifier, String redirectUrl) {
    if (orgIdentifier == null || orgIdentifier.isBlank() || redirectUrl == null || redirectUrl.isBlank()) {
      throw new IllegalArgumentException("orgIdentifier and redirectUrl are required");
    }
    String code = java.util.UUID.randomUUID().toString();
    ssoCodes.put(code, new SsoCode(orgIdentifier, redirectUrl, clock.instant().plus(SSO_CODE_LIFETIME)));
    return code;
  }

  /**
   * Serves {@code operation} with {@code handler} from now on (replacing any earlier one): how a
   * test gives the fake the semantics of an operation it adds.
   *
   * @param operation the operation, routed by its method and path template
   * @param handler its semantics
   * @param <Q> the request type
   * @param <A> the answer type
   */
  public synchronized <Q, A> void handle(DfxOperation<Q, A> operation, FakeHandler<Q, A> handler) {
    if (operation == null || handler == null) {
      throw new IllegalArgumentException("operation and handler must not be null");
    }
    handlers.put(operation, handler);
  }

  /**
   * Makes tokens issued from now on live {@code lifetime} (their {@code exp} is {@code iat} plus it).
   *
   * @param lifetime the lifetime, not negative
   * @throws IllegalArgumentException when it is null or negative
   */
  public synchronized void tokenLifetime(Duration lifetime) {
    if (lifetime == null || lifetime.isNegative()) {
      throw new IllegalArgumentException("lifetime must not be null or negative");
    }
    this.tokenLifetime = lifetime;
  }

  /**
   * Makes every token issued from now on (by {@link #issuePair} and by renew) carry {@code payload}
   * as its middle JWT segment, verbatim: e.g. the base64url of {@code {"exp":1e17}}, of a string
   * {@code exp}, or something that is not base64url at all. The backend still knows each token (by
   * its random signature) and honours its lifetime. {@code null} restores the normal claims.
   *
   * @param payload the segment, or {@code null}
   * @throws IllegalArgumentException when it contains a dot or a character outside visible ASCII
   */
  public synchronized void tokenPayload(String payload) {
    if (payload != null && (payload.isEmpty() || payload.indexOf('.') >= 0
        || !payload.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
      throw new IllegalArgumentException("payload must be 1.. visible ASCII characters without a dot");
    }
    this.payloadOverride = payload;
  }

  /**
   * @param json a JWT payload, e.g. {@code {"sub":"device","exp":1e17}}
   * @return its base64url form (no padding), for {@link #tokenPayload}
   */
  public static String base64Url(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Issues a new current pair, as a license registration or a login would.
   *
   * @param subject the {@code sub} claim, e.g. a device or user ID
   * @return the pair
   */
  public synchronized TokenPair issuePair(String subject) {
    return issue(subject).pair();
  }

  /**
   * @return whether {@code pair} is current: issued together and not yet renewed
   * @param pair a pair
   */
  public synchronized boolean isCurrent(TokenPair pair) {
    Issued i = byRefreshToken.get(pair.refreshToken());
    return i != null && i.pair().equals(pair);
  }

  /**
   * @return the current pair of {@code subject}, if it has one (after renewals, the newest)
   * @param subject the subject
   */
  public synchronized java.util.Optional<TokenPair> currentPair(String subject) {
    return java.util.Optional.ofNullable(currentBySubject.get(subject)).map(Issued::pair);
  }

  /**
   * @return how many requests for {@code endpoint} reached this backend, failed ones included
   * @param endpoint the endpoint
   */
  public synchronized int requestsReceived(DfxEndpoint endpoint) {
    return requestsReceived(required("endpoint", endpoint).operation());
  }

  /**
   * @return how many requests for {@code operation} reached this backend, failed ones included
   * @param operation the operation
   */
  public synchronized int requestsReceived(DfxOperation<?, ?> operation) {
    return received.getOrDefault(required("operation", operation), 0);
  }

  /**
   * @return how many renew requests carried this refresh token
   * @param refreshToken a refresh token
   */
  public synchronized int renewAttemptsWith(String refreshToken) {
    return renewAttempts.getOrDefault(refreshToken, 0);
  }

  /** Forgets what was "sent". */
  public synchronized void clearOutbox() {
    outbox.clear();
  }

  /** @return requests received per operation, keyed by {@link #key} */
  synchronized Map<String, Integer> requestCounts() {
    Map<String, Integer> counts = new HashMap<>();
    received.forEach((op, n) -> counts.merge(key(op), n, Integer::sum));
    return counts;
  }

  /** @return how the admin API names {@code op}: its action ID when it has one, else its name */
  static String key(DfxOperation<?, ?> op) {
    return op.hasActionId() ? Integer.toString(op.actionId()) : op.name();
  }

  /**
   * @param key an action ID or an operation name, as the admin API takes them
   * @return the served operation it names
   * @throws IllegalArgumentException when no served operation has that action ID or name
   */
  synchronized DfxOperation<?, ?> operation(String key) {
    for (DfxOperation<?, ?> op : handlers.keySet()) {
      if (key(op).equals(key) || op.name().equals(key)) {
        return op;
      }
    }
    throw new IllegalArgumentException("no operation served with the action ID or name " + key);
  }

  private static <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** @return a copy of what was "sent", oldest first */
  public synchronized List<SentMessage> outbox() {
    return List.copyOf(outbox);
  }

  /**
   * Queues {@code failure} for the next {@code times} requests to {@code endpoint}.
   *
   * @param endpoint the endpoint
   * @param failure what happens
   * @param times how many requests in a row, at least 1
   */
  public void failNext(DfxEndpoint endpoint, ScriptedFailure failure, int times) {
    failNext(required("endpoint", endpoint).operation(), failure, times);
  }

  /**
   * Queues {@code failure} for the next {@code times} requests to {@code operation}.
   *
   * @param operation the operation
   * @param failure what happens
   * @param times how many requests in a row, at least 1
   */
  public synchronized void failNext(DfxOperation<?, ?> operation, ScriptedFailure failure, int times) {
    required("operation", operation);
    if (failure == null || times < 1) {
      throw new IllegalArgumentException("failure and times >= 1 are required");
    }
    Deque<ScriptedFailure> q = scripts.computeIfAbsent(operation, e -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      q.add(failure);
    }
  }

  /**
   * Queues {@code failure} for the next request to {@code endpoint}.
   * @param endpoint the endpoint
   * @param failure what happens
   */
  public void failNext(DfxEndpoint endpoint, ScriptedFailure failure) {
    failNext(endpoint, failure, 1);
  }

  /**
   * Queues {@code failure} for the next request to {@code operation}.
   * @param operation the operation
   * @param failure what happens
   */
  public void failNext(DfxOperation<?, ?> operation, ScriptedFailure failure) {
    failNext(operation, failure, 1);
  }

  /**
   * Holds every answer of {@code endpoint} back by {@code delay} (zero to stop).
   * @param delay the delay
   * @param endpoint the endpoint
   */
  public void latency(DfxEndpoint endpoint, Duration delay) {
    latency(required("endpoint", endpoint).operation(), delay);
  }

  /**
   * Holds every answer of {@code operation} back by {@code delay} (zero to stop).
   * @param operation the operation
   * @param delay the delay
   */
  public synchronized void latency(DfxOperation<?, ?> operation, Duration delay) {
    if (operation == null || delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("operation and a non-negative delay are required");
    }
    latency.put(operation, delay);
  }

  /** Forgets every pair, count, script, latency and message. */
  public synchronized void reset() {
    byRefreshToken.clear();
    byToken.clear();
    currentBySubject.clear();
    usedRefreshTokens.clear();
    renewAttempts.clear();
    received.clear();
    scripts.clear();
    latency.clear();
    outbox.clear();
    organizations.clear();
    generatedTokens.clear();
    seededClaims.clear();
    ssoCodes.clear();
    usedSsoCodes.clear();
    payloadOverride = null;
    tokenLifetime = initialLifetime;
  }

  /**
   * Serves one HTTP request that reached the server: routes it by method and path to an operation,
   * reads its body as the server would, counts it, applies scripted failures and latency, and runs
   * the operation's handler.
   *
   * @param method the request method
   * @param path the request path (percent-encoded or not), without query
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param authorization the {@code Authorization} header, or {@code null}
   * @param body the body, may be empty
   * @return what to answer
   */
  synchronized Reply serve(String method, String path, String contentType, String authorization, byte[] body) {
    for (Map.Entry<DfxOperation<?, ?>, FakeHandler<?, ?>> e : handlers.entrySet()) {
      DfxOperation<?, ?> op = e.getKey();
      Optional<List<String>> parameters = op.match(method, path);
      if (parameters.isEmpty() && otherMethods.getOrDefault(op, Set.of()).contains(method)) {
        parameters = op.match(op.method(), path);
      }
      if (parameters.isPresent()) {
        return serve(e.getKey(), e.getValue(), parameters.get(), contentType, authorization, body);
      }
    }
    return error(404, "NOT_FOUND", "No such endpoint", null);
  }

  /**
   * Serves one request that names its operation (the in-memory transport's, as a WebSocket server
   * reads a frame: no routing by method and path): finds the handler of that operation (or, for a
   * descriptor the client made itself, of the served operation with its action ID, or, without one,
   * with its method and path template), makes the request from the body or the path parameters with
   * the served descriptor, and goes on as {@link #serve(String, String, String, String, byte[])} does.
   *
   * @param operation the operation the request runs
   * @param pathParameters its path parameter values by name, in template order, unencoded
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param authorization the {@code Authorization} header, or {@code null}
   * @param body the body, may be empty
   * @return what to answer; 404 {@code NOT_FOUND} for an operation this backend does not serve
   */
  synchronized Reply serve(DfxOperation<?, ?> operation, Map<String, String> pathParameters, String contentType,
      String authorization, byte[] body) {
    DfxOperation<?, ?> served = operation;
    FakeHandler<?, ?> handler = handlers.get(operation);
    if (handler == null) {
      for (Map.Entry<DfxOperation<?, ?>, FakeHandler<?, ?>> e : handlers.entrySet()) {
        if (sameIdentity(e.getKey(), operation)) {
          served = e.getKey();
          handler = e.getValue();
          break;
        }
      }
    }
    if (handler == null) {
      return error(404, "NOT_FOUND", "No such endpoint", null);
    }
    return serve(served, handler, List.copyOf(pathParameters.values()), contentType, authorization, body);
  }

  /** The status, code and message of a frame whose action ID no served operation has (the real API's). */
  static final String INCORRECT_REQUEST = "INCORRECT_REQUEST";

  /**
   * @param actionId a DFX action ID
   * @return the served operation with that action ID, if any (the WebSocket face routes by it)
   */
  synchronized Optional<DfxOperation<?, ?>> operation(int actionId) {
    for (DfxOperation<?, ?> op : handlers.keySet()) {
      if (op.hasActionId() && op.actionId() == actionId) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /**
   * Serves one request frame of the WebSocket face: routes it by its action ID (400 {@code
   * INCORRECT_REQUEST} "Invalid Route Number" for one no served operation has, as the real API
   * answers), reads the path parameters from the request object's {@code "Params"} (by name) and the
   * body from its top-level fields, and goes on as {@link #serve(String, String, String, String,
   * byte[])} does (counts, scripted failures, latency, the handler).
   *
   * @param actionId the frame's action ID
   * @param json the frame's request object, UTF-8 JSON
   * @param authorization {@code Bearer <token>} of the socket (its upgrade request or its in-band
   *     login), or {@code null}
   * @return what to answer
   */
  synchronized Reply serveFrame(int actionId, byte[] json, String authorization) {
    Optional<DfxOperation<?, ?>> found = operation(actionId);
    if (found.isEmpty()) {
      return error(400, INCORRECT_REQUEST, "Invalid Route Number", null);
    }
    DfxOperation<?, ?> op = found.get();
    List<String> parameters = List.of();
    if (!op.pathParameterNames().isEmpty()) {
      Map<String, Object> object;
      try {
        object = io.github.dfxclient.core.codec.JsonObjectCodec.anyObject().decode(json);
      } catch (IllegalArgumentException e) {
        return error(400, "INVALID_REQUEST", "Invalid request: " + e.getMessage(), null);
      }
      if (!(object.get("Params") instanceof Map<?, ?> params)) {
        return error(400, "INVALID_REQUEST", "Invalid request: Params must be an object", null);
      }
      List<String> values = new ArrayList<>();
      for (String name : op.pathParameterNames()) {
        if (!(params.get(name) instanceof String v) || v.isEmpty()) {
          return error(400, "INVALID_REQUEST", "Invalid request: Params." + name + " must be a string", null);
        }
        values.add(v);
      }
      parameters = values;
    }
    return serve(op, handlers.get(op), parameters, "application/json", authorization, json);
  }

  /** The same action ID; without one, the same method and path template. */
  private static boolean sameIdentity(DfxOperation<?, ?> a, DfxOperation<?, ?> b) {
    if (a.hasActionId() || b.hasActionId()) {
      return a.actionId() == b.actionId();
    }
    return a.method().equals(b.method()) && a.pathTemplate().equals(b.pathTemplate());
  }

  @SuppressWarnings("unchecked")
  private <Q, A> Reply serve(DfxOperation<Q, A> op, FakeHandler<?, ?> handler, List<String> parameters,
      String contentType, String authorization, byte[] body) {
    Q request;
    Optional<DfxCodec<Q>> codec = op.requestBody();
    try {
      if (codec.isPresent()) {
        if (contentType == null || !isJson(contentType)) {
          return error(415, "UNSUPPORTED_MEDIA_TYPE", "Send application/json", null);
        }
        request = codec.get().decode(body);
      } else {
        request = op.requestFromPath(parameters);
      }
    } catch (IllegalArgumentException e) {
      return error(400, "INVALID_REQUEST", "Invalid request: " + e.getMessage(), null);
    }
    received.merge(op, 1, Integer::sum);
    if (op == AuthsOperations.RENEW) {
      // counted on arrival, before scripted failures: what "the server saw the token" means
      renewAttempts.merge(((TokenPair) request).refreshToken(), 1, Integer::sum);
    }
    Duration delay = latency.getOrDefault(op, Duration.ZERO);
    Deque<ScriptedFailure> q = scripts.get(op);
    ScriptedFailure scripted = q == null ? null : q.poll();
    FakeHandler<Q, A> h = (FakeHandler<Q, A>) handler;
    if (scripted != null) {
      return scripted.apply(() -> act(op, h, request, authorization), delay);
    }
    return act(op, h, request, authorization).withDelay(delay);
  }

  private <Q, A> Reply act(DfxOperation<Q, A> op, FakeHandler<Q, A> handler, Q request, String authorization) {
    try {
      A answer = handler.handle(new FakeCall<>(request, authorization, this));
      return new Reply(200, op.answer().encode(answer), null, Duration.ZERO, false);
    } catch (FakeRefusal r) {
      return error(r.status(), r.code(), r.getMessage(), null);
    }
  }

  private TokenPair renew(FakeCall<TokenPair> call) {
    TokenPair current = call.request();
    Issued issued = byRefreshToken.get(current.refreshToken());
    if (issued == null || !issued.pair().equals(current) || usedRefreshTokens.contains(current.refreshToken())) {
      throw new FakeRefusal(REFUSED_RENEW_STATUS, INVALID_REFRESH_TOKEN, "Refresh token is invalid or was already used");
    }
    byRefreshToken.remove(current.refreshToken());
    byToken.remove(current.token());
    currentBySubject.remove(issued.subject(), issued);
    usedRefreshTokens.add(current.refreshToken());
    return issue(issued.subject(), issued.generation() + 1).pair();
  }

  /** Also serves {@code operation} on {@code method} (same path, handler and count). */
  private void alsoServe(DfxOperation<?, ?> operation, String method) {
    otherMethods.computeIfAbsent(operation, o -> new HashSet<>()).add(method);
  }

  /** @return the subject of a current, unexpired bearer token; else a 401 INVALID_TOKEN refusal */
  synchronized String bearerSubject(String authorization) {
    return bearer(authorization).subject();
  }

  /** @return what was issued with a current, unexpired bearer token; else a 401 INVALID_TOKEN refusal */
  private Issued bearer(String authorization) {
    String prefix = "Bearer ";
    if (authorization != null && authorization.startsWith(prefix)) {
      Issued i = byToken.get(authorization.substring(prefix.length()));
      if (i != null && clock.instant().isBefore(i.expires())) {
        return i;
      }
    }
    throw new FakeRefusal(401, INVALID_TOKEN, "Authorization token is missing, invalid or expired");
  }

  /** @return the claims of a token: the seeded ones of its subject, or the defaults; its own ID, iat, exp */
  private TokenClaims claims(Issued i) {
    TokenClaims seed = seededClaims.get(i.subject());
    if (seed != null) {
      return new TokenClaims(seed.organizationId(), i.subject(), seed.type(), seed.sessionGen(), seed.region(),
          i.expires(), i.issuedAt(), seed.issuer(), seed.roleId(), seed.loginUser(), seed.permissions());
    }
    boolean device = i.subject().startsWith(DEVICE_SUBJECT_PREFIX);
    return new TokenClaims(FAKE_ORGANIZATION_ID, i.subject(), device ? "device" : "user", i.generation(),
        FAKE_REGION, i.expires(), i.issuedAt(), FAKE_ISSUER, device ? "DEVICE" : "USER", device,
        device ? DEVICE_PERMISSIONS : USER_PERMISSIONS);
  }

  /** Exchanges a minted code, once, for a fresh token set; else a 400 INVALID_CODE refusal. */
  private SsoTokens exchange(SsoTokenRequest request) {
    if (usedSsoCodes.contains(request.code())) {
      throw new FakeRefusal(400, INVALID_CODE, "The code was already used");
    }
    SsoCode minted = ssoCodes.get(request.code());
    Instant now = clock.instant();
    if (minted == null || !now.isBefore(minted.expires())) {
      throw new FakeRefusal(400, INVALID_CODE, "The code is unknown or expired");
    }
    if (!minted.orgIdentifier().equals(request.orgIdentifier()) || !minted.redirectUrl().equals(request.redirectUrl())) {
      throw new FakeRefusal(400, INVALID_CODE, "The code was not issued for this redirectURL and orgIdentifier");
    }
    ssoCodes.remove(request.code());
    usedSsoCodes.add(request.code());
    long lifetime = tokenLifetime.getSeconds();
    String subject = java.util.UUID.randomUUID().toString();
    String times = ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + (now.getEpochSecond() + lifetime);
    String idToken = jwt("{\"sub\":\"" + subject + "\",\"aud\":\"fake-client-" + Integer.toHexString(minted.orgIdentifier().hashCode())
        + "\",\"token_use\":\"id\"" + times + "}");
    String accessToken = jwt("{\"sub\":\"" + subject + "\",\"token_use\":\"access\",\"scope\":\"openid\"" + times + "}");
    return new SsoTokens(idToken, accessToken, "ssort-" + randomHex(32), Duration.ofSeconds(lifetime), "Bearer");
  }

  /** @return a JWT-shaped token with these claims and a random signature */
  private static String jwt(String claims) {
    String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(randomBytes(32));
  }

  private static boolean isJson(String contentType) {
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
  }

  private Issued issue(String subject) {
    return issue(subject, 1);
  }

  private Issued issue(String subject, long generation) {
    if (subject == null || subject.isBlank() || !subject.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new IllegalArgumentException("subject must be 1..64 of [A-Za-z0-9._:-]");
    }
    Instant now = clock.instant();
    Instant expires = now.plus(tokenLifetime);
    String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = payloadOverride != null ? payloadOverride
        : B64.encodeToString(("{\"sub\":\"" + subject + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":"
            + expires.getEpochSecond() + ",\"jti\":\"" + randomHex(8) + "\"}").getBytes(StandardCharsets.UTF_8));
    String signature = B64.encodeToString(randomBytes(32));
    TokenPair pair = new TokenPair(header + "." + claims + "." + signature, "rt-" + randomHex(24));
    Issued issued = new Issued(subject, pair, now, expires, generation);
    byRefreshToken.put(pair.refreshToken(), issued);
    byToken.put(pair.token(), issued);
    currentBySubject.put(subject, issued);
    return issued;
  }

  static Reply error(int status, String code, String message, Duration retryAfter) {
    return new Reply(status, errorBody(code, message == null ? "" : message), retryAfter, Duration.ZERO, false);
  }

  /** @return {@code {"Code": code, "Message": message}}, as the DFX server writes errors */
  static byte[] errorBody(String code, String message) {
    StringBuilder b = new StringBuilder(32 + code.length() + message.length()).append("{\"Code\":");
    quote(code, b);
    b.append(",\"Message\":");
    quote(message, b);
    return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static String randomHex(int bytes) {
    return HexFormat.of().formatHex(randomBytes(bytes));
  }
}
