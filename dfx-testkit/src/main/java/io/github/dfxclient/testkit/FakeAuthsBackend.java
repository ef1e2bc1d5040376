package io.github.dfxclient.testkit;

import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.internal.AuthsWire;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of a fake DFX Auths service, shared by its two faces: {@link FakeAuths} (in memory)
 * and {@link FakeDfxServer} (HTTP). Thread-safe.
 *
 * <p>Semantics, as the real service documents them:
 * <ul>
 *   <li>{@link #issuePair} issues a pair: a JWT-shaped access token with {@code sub} and {@code
 *       exp} claims (lifetime configurable, default 1 h) and an opaque refresh token.
 *   <li>Renew accepts only a current pair (token and refresh token issued together, not yet
 *       renewed); it returns a new pair and invalidates the old one. A used, unknown or mismatched
 *       pair is refused with <b>401 {@code INVALID_REFRESH_TOKEN}</b>. Renew needs no Authorization
 *       header.
 *   <li>Login code and reset link need {@code Authorization: Bearer <token>} with a current,
 *       unexpired access token (a device token), else <b>401 {@code INVALID_TOKEN}</b>. They record
 *       a {@link SentMessage} in the {@link #outbox()} and answer {@code {"success": true}}.
 *   <li>Scripted failures ({@link #failNext}) are used up first, one per request, in order.
 * </ul>
 */
public final class FakeAuthsBackend {
  /** Status of a refused renew. */
  public static final int REFUSED_RENEW_STATUS = 401;
  /** Code of a refused renew: the refresh token is unknown, used, or not of that token. */
  public static final String INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN";
  /** Code of a missing, unknown or expired bearer token. */
  public static final String INVALID_TOKEN = "INVALID_TOKEN";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private final Duration tokenLifetime;
  private final Map<String, Issued> byRefreshToken = new HashMap<>();
  private final Map<String, Issued> byToken = new HashMap<>();
  private final Map<String, Issued> currentBySubject = new HashMap<>();
  private final Set<String> usedRefreshTokens = new HashSet<>();
  private final Map<String, Integer> renewAttempts = new HashMap<>();
  private final Map<DfxEndpoint, Integer> received = new EnumMap<>(DfxEndpoint.class);
  private final Map<DfxEndpoint, Deque<ScriptedFailure>> scripts = new EnumMap<>(DfxEndpoint.class);
  private final Map<DfxEndpoint, Duration> latency = new EnumMap<>(DfxEndpoint.class);
  private final List<SentMessage> outbox = new ArrayList<>();

  private record Issued(String subject, TokenPair pair, Instant expires) {}

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

  /** @return whether {@code pair} is current: issued together and not yet renewed */
  public synchronized boolean isCurrent(TokenPair pair) {
    Issued i = byRefreshToken.get(pair.refreshToken());
    return i != null && i.pair().equals(pair);
  }

  /** @return the current pair of {@code subject}, if it has one (after renewals, the newest) */
  public synchronized java.util.Optional<TokenPair> currentPair(String subject) {
    return java.util.Optional.ofNullable(currentBySubject.get(subject)).map(Issued::pair);
  }

  /** @return how many requests for {@code endpoint} reached this backend, failed ones included */
  public synchronized int requestsReceived(DfxEndpoint endpoint) {
    return received.getOrDefault(endpoint, 0);
  }

  /** @return how many renew requests carried this refresh token */
  public synchronized int renewAttemptsWith(String refreshToken) {
    return renewAttempts.getOrDefault(refreshToken, 0);
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
  public synchronized void failNext(DfxEndpoint endpoint, ScriptedFailure failure, int times) {
    if (endpoint == null || failure == null || times < 1) {
      throw new IllegalArgumentException("endpoint, failure and times >= 1 are required");
    }
    Deque<ScriptedFailure> q = scripts.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      q.add(failure);
    }
  }

  /** Queues {@code failure} for the next request to {@code endpoint}. */
  public void failNext(DfxEndpoint endpoint, ScriptedFailure failure) {
    failNext(endpoint, failure, 1);
  }

  /** Holds every answer of {@code endpoint} back by {@code delay} (zero to stop). */
  public synchronized void latency(DfxEndpoint endpoint, Duration delay) {
    if (endpoint == null || delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("endpoint and a non-negative delay are required");
    }
    latency.put(endpoint, delay);
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
  }

  /**
   * Handles one request that reached the server.
   *
   * @param endpoint the endpoint
   * @param request the decoded request body
   * @param authorization the {@code Authorization} header, or {@code null}
   * @return what to answer
   */
  synchronized Reply handle(DfxEndpoint endpoint, Object request, String authorization) {
    received.merge(endpoint, 1, Integer::sum);
    if (endpoint == DfxEndpoint.RENEW) {
      renewAttempts.merge(((TokenPair) request).refreshToken(), 1, Integer::sum);
    }
    Duration delay = latency.getOrDefault(endpoint, Duration.ZERO);
    Deque<ScriptedFailure> q = scripts.get(endpoint);
    ScriptedFailure scripted = q == null ? null : q.poll();
    if (scripted != null) {
      switch (scripted.kind()) {
        case ERROR:
          return error(scripted.status(), scripted.code(), scripted.message(), scripted.retryAfter()).withDelay(delay);
        case CONNECTION_RESET:
          return new Reply(0, new byte[0], null, delay, true);
        case ANSWER_LOST:
          act(endpoint, request, authorization);
          return new Reply(0, new byte[0], null, delay, true);
        default:
          return act(endpoint, request, authorization).withDelay(delay.plus(scripted.delay()));
      }
    }
    return act(endpoint, request, authorization).withDelay(delay);
  }

  /** @return the reply to a request the server could not read */
  static Reply badRequest(String message) {
    return error(400, "INVALID_REQUEST", message, null);
  }

  /** @return the reply to an unknown route */
  static Reply notFound() {
    return error(404, "NOT_FOUND", "No such endpoint", null);
  }

  private Reply act(DfxEndpoint endpoint, Object request, String authorization) {
    switch (endpoint) {
      case RENEW: {
        TokenPair current = (TokenPair) request;
        Issued issued = byRefreshToken.get(current.refreshToken());
        if (issued == null || !issued.pair().equals(current) || usedRefreshTokens.contains(current.refreshToken())) {
          return error(REFUSED_RENEW_STATUS, INVALID_REFRESH_TOKEN, "Refresh token is invalid or was already used", null);
        }
        byRefreshToken.remove(current.refreshToken());
        byToken.remove(current.token());
        currentBySubject.remove(issued.subject(), issued);
        usedRefreshTokens.add(current.refreshToken());
        return ok(issue(issued.subject()).pair());
      }
      case REQUEST_LOGIN_CODE: {
        Reply refused = checkBearer(authorization);
        if (refused != null) {
          return refused;
        }
        LoginCodeRequest r = (LoginCodeRequest) request;
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        outbox.add(new SentMessage(SentMessage.Kind.LOGIN_CODE, r.phoneNumber(), r.identifier(), code));
        return ok(new LoginCodeSent(true));
      }
      default: {
        Reply refused = checkBearer(authorization);
        if (refused != null) {
          return refused;
        }
        ResetPasswordLinkRequest r = (ResetPasswordLinkRequest) request;
        String link = "https://dfx.example/reset?org=" + r.identifier() + "&key=" + randomHex(16);
        outbox.add(new SentMessage(SentMessage.Kind.RESET_PASSWORD_LINK, r.email(), r.identifier(), link));
        return ok(new ResetPasswordLinkSent(true));
      }
    }
  }

  private Reply checkBearer(String authorization) {
    String prefix = "Bearer ";
    if (authorization != null && authorization.startsWith(prefix)) {
      Issued i = byToken.get(authorization.substring(prefix.length()));
      if (i != null && clock.instant().isBefore(i.expires())) {
        return null;
      }
    }
    return error(401, INVALID_TOKEN, "Authorization token is missing, invalid or expired", null);
  }

  private Issued issue(String subject) {
    if (subject == null || subject.isBlank() || !subject.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new IllegalArgumentException("subject must be 1..64 of [A-Za-z0-9._:-]");
    }
    Instant expires = clock.instant().plus(tokenLifetime);
    String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = B64.encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":" + expires.getEpochSecond()
        + ",\"jti\":\"" + randomHex(8) + "\"}").getBytes(StandardCharsets.UTF_8));
    String signature = B64.encodeToString(randomBytes(32));
    TokenPair pair = new TokenPair(header + "." + claims + "." + signature, "rt-" + randomHex(24));
    Issued issued = new Issued(subject, pair, expires);
    byRefreshToken.put(pair.refreshToken(), issued);
    byToken.put(pair.token(), issued);
    currentBySubject.put(subject, issued);
    return issued;
  }

  private static Reply ok(Object answer) {
    return new Reply(200, AuthsWire.encodeAnswer(answer), null, Duration.ZERO, false);
  }

  private static Reply error(int status, String code, String message, Duration retryAfter) {
    return new Reply(status, AuthsWire.encodeError(code, message == null ? "" : message), retryAfter, Duration.ZERO, false);
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
