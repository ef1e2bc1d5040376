package io.github.dfxclient.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.dfxclient.auths.AuthsOperations;
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
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.DfxTransportException;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wire behaviour every HTTP adapter of {@link AuthsPort} shows, against WireMock on loopback:
 * exact method, path, headers and JSON; error bodies; and every row of the failure table, counting
 * the requests that reached the server. A transport module extends this class and implements
 * {@link #newAdapter(AdapterSettings)} with its builder; the suite itself is the same for all.
 */
public abstract class HttpAdapterContract {

  /** A device token as the server issues them (a JWT). */
  public static final String DEVICE_TOKEN =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXZpY2UtNDIiLCJleHAiOjQxMDI0NDQ4MDB9.ZGV2aWNlLXNpZ25hdHVyZQ";
  /** The current pair sent to renew. */
  public static final TokenPair CURRENT = new TokenPair(
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTciLCJleHAiOjE3MDAwMDAwMDB9.b2xkLXNpZ25hdHVyZQ",
      "rt-old-5f1c0a7e9b2d4c3a8e6f1029384756ab");
  /** The pair the server answers with. */
  public static final TokenPair NEXT = new TokenPair(
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTciLCJleHAiOjQxMDI0NDQ4MDB9.bmV3LXNpZ25hdHVyZQ",
      "rt-new-0a9b8c7d6e5f40312233445566778899");
  /** The phone number asked for a login code. */
  public static final String PHONE = "+15555550123";
  /** The e-mail asked for a reset link. */
  public static final String EMAIL = "ada.lovelace@example.org";
  /** The organization identifier. */
  public static final String ORG = "acme-health";
  /** A short bearer token without a JWT's shape, echoed by a hostile server in the secret scan. */
  public static final String SHORT_BEARER = "hunter2hunter2";
  /** The organization ID of action 2306: path-encoded on the wire. */
  public static final String ORG_ID = "acme health/eu";
  /** The general token action 2305 answers with (a secret). */
  public static final String GENERATED =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJnZW5lcmFsIn0.Z2VuZXJhbC1zaWduYXR1cmU";
  /** What action 2306 answers for {@link #ORG_ID}. */
  public static final OrgClientCredentials ORG_CREDENTIALS = new OrgClientCredentials("Acme Health",
      "https://acme.example/logo.png", "us-east-1_abc", true, "https://auth.acme.example",
      List.of(new IdentityProvider("https://acme.example/g.png", "Google", "Google")));

  /** What {@code GET /auth/v1/authenticate} and {@code validate} answer: every field, nested permissions. */
  public static final String CLAIMS_JSON = "{\"OrganizationID\":\"3c2f6a5e-0d1b-4c7e-9a41-5f0e8d2b7c13\","
      + "\"ID\":\"device-42\",\"Type\":\"device\",\"SessionGen\":7,\"Region\":\"na-east\",\"exp\":4102444800,"
      + "\"iat\":4102441200,\"iss\":\"dfx\",\"RoleID\":\"DEVICE\",\"Policies\":{\"LoginUser\":true},"
      + "\"Permissions\":{\"Measurements\":{\"Create\":true,\"MaxPerDay\":1000,\"Quota\":0.75,"
      + "\"Actions\":[\"502\",{\"Id\":\"503\",\"Scopes\":[]}],\"Expires\":null},\"Admin\":false}}";
  /** The claims {@link #CLAIMS_JSON} holds, nested permissions as the codec layer keeps them. */
  public static final TokenClaims CLAIMS = new TokenClaims("3c2f6a5e-0d1b-4c7e-9a41-5f0e8d2b7c13", "device-42",
      "device", 7, "na-east", Instant.ofEpochSecond(4102444800L), Instant.ofEpochSecond(4102441200L), "dfx",
      "DEVICE", true, permissions());
  /** The redirect URI of the SSO request. */
  public static final String SSO_REDIRECT = "https://app.acme.example/sso/callback";
  /** The one-time SSO code sent (a secret). */
  public static final String SSO_CODE = "5d0c3f1a-9b21-4d6e-8a2b-7f3a4c1f0e77";
  /** The SSO ID token answered (a secret). */
  public static final String SSO_ID_TOKEN =
      "eyJraWQiOiJzc28ifQ.eyJzdWIiOiJzc28tdXNlciIsInRva2VuX3VzZSI6ImlkIn0.aWQtdG9rZW4tc2lnbmF0dXJl";
  /** The SSO access token answered (a secret). */
  public static final String SSO_ACCESS_TOKEN =
      "eyJraWQiOiJzc28ifQ.eyJzdWIiOiJzc28tdXNlciIsInRva2VuX3VzZSI6ImFjY2VzcyJ9.YWNjZXNzLXNpZ25hdHVyZQ";
  /** The SSO refresh token answered (a secret; shaped like Cognito's, an encrypted JWT). */
  public static final String SSO_REFRESH_TOKEN = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0."
      + "c3NvLXJlZnJlc2gta2V5LWVuY3J5cHRlZA.aXYtOTg3NjU0MzIxMA.Y2lwaGVydGV4dC1vZi10aGUtcmVmcmVzaC10b2tlbg."
      + "dGFnLTAxMjM0NTY3ODlhYmNkZWY";
  /** What {@code POST /auth/v1/sso/token} answers. */
  public static final SsoTokens SSO_TOKENS = new SsoTokens(SSO_ID_TOKEN, SSO_ACCESS_TOKEN, SSO_REFRESH_TOKEN,
      Duration.ofSeconds(3600), "Bearer");

  private static Map<String, Object> permissions() {
    Map<String, Object> measurements = new LinkedHashMap<>();
    measurements.put("Create", true);
    measurements.put("MaxPerDay", 1000L);
    measurements.put("Quota", 0.75d);
    measurements.put("Actions", List.of("502", Map.of("Id", "503", "Scopes", List.of())));
    measurements.put("Expires", null);
    Map<String, Object> permissions = new LinkedHashMap<>();
    permissions.put("Measurements", measurements);
    permissions.put("Admin", false);
    return permissions;
  }

  /** The loopback WireMock server the suite talks to; reset before each test. */
  @RegisterExtension
  private static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
      .build();

  /**
   * Builds the adapter under test with these settings (every other builder setting at its default).
   *
   * @param settings base URI, bearer token supplier, request timeout, retry policy
   * @return the adapter
   */
  protected abstract AuthsPort newAdapter(AdapterSettings settings);

  /** The nine operations, with their requests and answers on the wire. */
  public enum Operation {
    /** 2304. */
    RENEW(AuthsOperations.RENEW, null,
        "{\"Token\":\"" + CURRENT.token() + "\",\"RefreshToken\":\"" + CURRENT.refreshToken() + "\"}",
        "{\"Token\":\"" + NEXT.token() + "\",\"RefreshToken\":\"" + NEXT.refreshToken() + "\"}",
        NEXT) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.renew(CURRENT);
      }
    },
    /** 2303. */
    REQUEST_LOGIN_CODE(AuthsOperations.REQUEST_LOGIN_CODE, null,
        "{\"PhoneNumber\":\"" + PHONE + "\",\"Identifier\":\"" + ORG + "\"}",
        "{\"success\":true}",
        new LoginCodeSent(true)) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.requestLoginCode(new LoginCodeRequest(PHONE, ORG));
      }
    },
    /** 2300. */
    REQUEST_RESET_PASSWORD_LINK(AuthsOperations.REQUEST_RESET_PASSWORD_LINK, null,
        "{\"Email\":\"" + EMAIL + "\",\"Identifier\":\"" + ORG + "\"}",
        "{\"success\":true}",
        new ResetPasswordLinkSent(true)) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.requestResetPasswordLink(new ResetPasswordLinkRequest(EMAIL, ORG));
      }
    },
    /** 2302. */
    SEND_RESET_MOBILE(AuthsOperations.SEND_RESET_MOBILE, null,
        "{\"Email\":\"" + EMAIL + "\",\"PhoneNumber\":\"" + PHONE + "\"}",
        "{\"success\":true}",
        new ResetMobileSent(true)) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.sendResetMobile(new ResetMobileRequest(EMAIL, PHONE));
      }
    },
    /** 2305. */
    GENERATE_TOKEN(AuthsOperations.GENERATE_TOKEN, null,
        "{\"Token\":\"" + CURRENT.token() + "\",\"RefreshToken\":\"" + CURRENT.refreshToken() + "\"}",
        "{\"Token\":\"" + GENERATED + "\"}",
        new GeneratedToken(GENERATED)) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.generateToken(CURRENT);
      }
    },
    /** 2306: a GET without body; the organization ID is path-encoded. */
    ORG_CLIENT_CREDENTIALS(AuthsOperations.ORG_CLIENT_CREDENTIALS, "/auths/organization/credentials/acme%20health%2Feu",
        null,
        "{\"orgName\":\"Acme Health\",\"logoURL\":\"https://acme.example/logo.png\",\"userPoolId\":"
            + "\"us-east-1_abc\",\"nativeAuthEnabled\":true,\"cognitoDomainUrl\":\"https://auth.acme.example\","
            + "\"identityProviders\":[{\"iconURL\":\"https://acme.example/g.png\",\"displayName\":\"Google\","
            + "\"identityProviderName\":\"Google\"}]}",
        ORG_CREDENTIALS) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.orgClientCredentials(ORG_ID);
      }
    },
    /** {@code GET /auth/v1/authenticate}: no action ID, no request. */
    AUTHENTICATE(AuthsOperations.AUTHENTICATE, null, null, CLAIMS_JSON, CLAIMS) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.authenticate();
      }
    },
    /** {@code GET /auth/v1/validate}: no action ID, no request. */
    VALIDATE(AuthsOperations.VALIDATE, null, null, CLAIMS_JSON, CLAIMS) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.validate();
      }
    },
    /** {@code POST /auth/v1/sso/token}: no action ID; a secret code in, secret tokens out. */
    SSO_TOKEN(AuthsOperations.SSO_TOKEN, null,
        "{\"redirectURL\":\"" + SSO_REDIRECT + "\",\"orgIdentifier\":\"" + ORG + "\",\"code\":\"" + SSO_CODE + "\"}",
        "{\"idToken\":\"" + SSO_ID_TOKEN + "\",\"accessToken\":\"" + SSO_ACCESS_TOKEN + "\",\"refreshToken\":\""
            + SSO_REFRESH_TOKEN + "\",\"expiresIn\":3600,\"tokenType\":\"Bearer\"}",
        SSO_TOKENS) {
      @Override
      public Object invoke(AuthsPort port) {
        return port.ssoToken(new SsoTokenRequest(SSO_REDIRECT, ORG, SSO_CODE));
      }
    };

    /** The operation: its action ID, method, path template and resend rule, read from here. */
    public final DfxOperation<?, ?> operation;
    /**
     * The endpoint derived from {@link #operation}; {@code null} for an operation without an action ID
     * (as {@link DfxException#endpoint()} is then).
     */
    public final DfxEndpoint endpoint;
    /**
     * The path on the wire: the operation's template, or for one with path parameters, the sample's
     * encoded path (test data, as the request and answer JSON are).
     */
    public final String path;
    /** The exact JSON the adapter must send, or {@code null} for no body. */
    public final String requestJson;
    /** A successful answer. */
    public final String answerJson;
    /** What the adapter returns for {@link #answerJson}. */
    public final Object expected;

    Operation(DfxOperation<?, ?> operation, String encodedPath, String requestJson, String answerJson,
        Object expected) {
      this.operation = operation;
      this.endpoint = operation.endpoint().orElse(null);
      this.path = encodedPath != null ? encodedPath : operation.pathTemplate();
      this.requestJson = requestJson;
      this.answerJson = answerJson;
      this.expected = expected;
    }

    /**
     * @return whether the operation is sent again after it may have reached the server: the
     *     operation's own rule ({@link DfxOperation#resendAfterMaybeActed()})
     */
    public boolean resendAfterMaybeActed() {
      return operation.resendAfterMaybeActed();
    }

    /**
     * @return the result of calling this operation on {@code port}
     * @param port the port
     */
    public abstract Object invoke(AuthsPort port);
  }

  // ------------------------------------------------------------------ helpers

  /** @return settings pointing at the suite's server, with the device token and a fast retry policy */
  protected AdapterSettings settings() {
    return new AdapterSettings(URI.create(WIREMOCK.baseUrl()), () -> DEVICE_TOKEN,
        Duration.ofSeconds(2), fastRetries(RetryRegistry.ofDefaults()));
  }

  /**
   * @return the default policy, but with a 10 ms backoff without jitter, so tests run fast
   * @param registry the retry registry
   */
  protected static DfxRetryPolicy fastRetries(RetryRegistry registry) {
    return DfxRetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).jitter(0)
        .retryRegistry(registry).build();
  }

  private AuthsPort adapter() {
    return newAdapter(settings());
  }

  private static void stub(Operation op, ResponseDefinitionBuilder answer) {
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(op.path)).willReturn(answer));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** @return how many requests reached the server since the test started */
  protected static int requestsReceived() {
    return WIREMOCK.getAllServeEvents().size();
  }

  private static RequestPatternBuilder sent(Operation op) {
    return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(op.operation.method()),
        urlEqualTo(op.path));
  }

  private static <T extends Throwable> T failure(Class<T> type, Operation op, AuthsPort port) {
    T thrown = catchThrowableOfType(type, () -> op.invoke(port));
    assertThat(thrown).as("expected %s", type.getSimpleName()).isNotNull();
    return thrown;
  }

  // ------------------------------------------------------------------ the wire

  /**
   * Method, path, the headers and the exact JSON body (a GET: no body, no Content-Type).
   * @param op the operation under test
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void sendsExactMethodPathHeadersAndJson(Operation op) {
    stub(op, json(200, op.answerJson));

    assertThat(op.invoke(adapter())).isEqualTo(op.expected);

    RequestPatternBuilder expected = sent(op)
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("Authorization", equalTo("Bearer " + DEVICE_TOKEN))
        .withHeader("User-Agent", matching("dfx-java/\\S+ \\(\\S+; Java \\d+\\)"));
    if (op.requestJson != null) {
      expected.withHeader("Content-Type", equalTo("application/json"))
          .withHeader("Content-Length", equalTo(Integer.toString(op.requestJson.getBytes(StandardCharsets.UTF_8).length)))
          .withRequestBody(equalToJson(op.requestJson, false, false));
      assertThat(WIREMOCK.getAllServeEvents().get(0).getRequest().getBody())
          .as("the exact bytes, fields in the order the official client sends them")
          .isEqualTo(op.requestJson.getBytes(StandardCharsets.UTF_8));
    } else {
      expected.withHeader("Content-Type", absent());
      assertThat(WIREMOCK.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
    }
    WIREMOCK.verify(1, expected);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /**
   * A bearer supplier that answers null or a blank token: every operation that needs a token fails
   * with an {@link IllegalStateException} naming the credential (device or user) and nothing reaches
   * the server (such a request could only earn a 401); a renew, which carries its own pair, is sent
   * without an {@code Authorization} header instead of {@code Bearer null}.
   *
   * @param token the supplier's answer ({@code "null"} for {@code null})
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "null"})
  public void sendsNothingWithoutTheTokenAnOperationNeeds(String token) {
    Supplier<String> supplier = token.equals("null") ? () -> null : () -> token;
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), supplier, s.requestTimeout(), s.retryPolicy()));

    for (Operation op : Operation.values()) {
      stub(op, json(200, op.answerJson));
      if (!op.operation.renewCredentialOnUnauthorized()) {
        // renew: its request authenticates itself
        assertThat(op.invoke(port)).isEqualTo(op.expected);
        WIREMOCK.verify(1, sent(op).withHeader("Authorization", absent()));
        continue;
      }
      String kind = op.operation.credential().name().toLowerCase(java.util.Locale.ROOT);
      assertThatThrownBy(() -> op.invoke(port)).as("%s", op)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no " + kind + " token")
          .hasMessageContaining(op.operation.hasActionId() ? "action " + op.operation.actionId() + " (" : "for ")
          .hasMessageContaining(op.operation.method() + " " + op.operation.pathTemplate());
    }
    assertThat(requestsReceived()).as("only the renew was sent").isEqualTo(1);
  }

  /** The bearer supplier is asked on every call, so a renewed token is used at once. */
  @Test
  public void asksTheBearerSupplierOnEveryCall() {
    Operation op = Operation.REQUEST_LOGIN_CODE;
    stub(op, json(200, op.answerJson));
    AtomicInteger n = new AtomicInteger();
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), () -> "token-" + n.incrementAndGet(),
        s.requestTimeout(), s.retryPolicy()));

    op.invoke(port);
    op.invoke(port);

    WIREMOCK.verify(1, sent(op).withHeader("Authorization", equalTo("Bearer token-1")));
    WIREMOCK.verify(1, sent(op).withHeader("Authorization", equalTo("Bearer token-2")));
  }

  /**
   * The API grows: unknown fields, nested or not, are ignored.
   * @param op the operation under test
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void ignoresUnknownFieldsInAnswers(Operation op) {
    String extended = op.answerJson.substring(0, op.answerJson.length() - 1)
        + ",\"Extra\":{\"nested\":[1,2,{\"x\":null}]},\"Version\":3,\"Flag\":false}";
    stub(op, json(200, "{\"First\":\"x\"," + extended.substring(1)));

    assertThat(op.invoke(adapter())).isEqualTo(op.expected);
  }

  /** A {@code success: false} answer is passed on as it is. */
  @Test
  public void passesOnSuccessFalse() {
    stub(Operation.REQUEST_RESET_PASSWORD_LINK, json(200, "{\"success\":false}"));

    assertThat(Operation.REQUEST_RESET_PASSWORD_LINK.invoke(adapter()))
        .isEqualTo(new ResetPasswordLinkSent(false));
  }

  // ------------------------------------------------------------------ error bodies

  /**
   * The server's {@code {Code, Message}} body.
   * @param op the operation under test
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void readsServerErrorBody(Operation op) {
    stub(op, json(400, "{\"Code\":\"INVALID_REQUEST\",\"Message\":\"Identifier is unknown\",\"Errors\":[]}"));

    DfxApiException e = failure(DfxApiException.class, op, adapter());

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("INVALID_REQUEST");
    assertThat(e.serverMessage()).isEqualTo("Identifier is unknown");
    assertThat(e.getMessage()).contains("Identifier is unknown").contains("400");
    assertThat(e.endpoint()).isEqualTo(op.endpoint);
    assertThat(e.operation()).isSameAs(op.operation);
    assertThat(e.retryAfter()).isEmpty();
  }

  /** The published typings' {@code {errorCode, message}} spelling. */
  @Test
  public void readsTypedErrorBody() {
    stub(Operation.RENEW, json(401, "{\"errorCode\":\"INVALID_TOKEN\",\"message\":\"Token expired\"}"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.code()).isEqualTo("INVALID_TOKEN");
    assertThat(e.serverMessage()).isEqualTo("Token expired");
  }

  /** A proxy's HTML page: {@code HTTP_502} and a short excerpt without markup. */
  @Test
  public void mapsProxyHtmlToHttpStatusCode() {
    stub(Operation.RENEW, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
            + "</h1></center><hr><center>nginx</center></body></html>"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.code()).isEqualTo("HTTP_502");
    assertThat(e.serverMessage()).isEqualTo("502 Bad Gateway 502 Bad Gateway nginx");
  }

  /** An empty error body: {@code HTTP_<status>}, no message. */
  @Test
  public void mapsEmptyErrorBodyToHttpStatusCode() {
    stub(Operation.REQUEST_LOGIN_CODE, aResponse().withStatus(404));

    DfxApiException e = failure(DfxApiException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.code()).isEqualTo("HTTP_404");
    assertThat(e.serverMessage()).isEmpty();
  }

  // ------------------------------------------------------------------ the failure table

  /**
   * Refused connection: never sent, so retried with backoff; all attempts fail.
   * @throws java.io.IOException when no port can be found
   */
  @Test
  public void refusedConnectionIsNotSentAndRetried() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RetryRegistry registry = RetryRegistry.ofDefaults();
    DfxRetryPolicy policy = fastRetries(registry);
    AtomicInteger retries = new AtomicInteger();
    policy.retry(DfxEndpoint.RENEW).getEventPublisher().onRetry(event -> retries.incrementAndGet());
    AuthsPort port2 = newAdapter(new AdapterSettings(URI.create("http://127.0.0.1:" + port),
        () -> DEVICE_TOKEN, Duration.ofSeconds(2), policy));

    DfxTransportException e = failure(DfxTransportException.class, Operation.RENEW, port2);

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(retries).hasValue(2);
  }

  /**
   * Reset after the request was sent: outcome unknown; a message (SMS, e-mail, general token) is sent
   * exactly once, renew and the GET are sent again up to the policy's attempts.
    * @param op the operation under test
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void resetAfterSendingIsResentOnlyWhenSafe(Operation op) {
    stub(op, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    DfxTransportException e = failure(DfxTransportException.class, op, adapter());

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.endpoint()).isEqualTo(op.endpoint);
    assertThat(e.operation()).isSameAs(op.operation);
    if (op.operation.method().equals("GET")) {
      // the JDK HttpClient (under both adapters) itself re-sends an idempotent GET once when its
      // connection dies; harmless for a GET, and it never does so for POST or PATCH
      assertThat(requestsReceived()).isBetween(3, 6);
    } else {
      assertThat(requestsReceived()).isEqualTo(op.resendAfterMaybeActed() ? 3 : 1);
    }
  }

  /**
   * EOF before any answer: outcome unknown; a message is not sent again, a renew is.
   * @param faultName the WireMock fault, by name
   */
  @ParameterizedTest
  @ValueSource(strings = {"EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK"})
  public void brokenAnswerIsResentOnlyWhenSafe(String faultName) {
    Fault fault = Fault.valueOf(faultName);
    for (Operation op : List.of(Operation.REQUEST_LOGIN_CODE, Operation.RENEW)) {
      WIREMOCK.resetAll();
      stub(op, aResponse().withFault(fault));

      DfxException e = failure(DfxException.class, op, adapter());

      assertThat(e).isInstanceOfAny(DfxTransportException.class, DfxProtocolException.class);
      if (e instanceof DfxTransportException t) {
        assertThat(t.outcomeUnknown()).isTrue();
        assertThat(requestsReceived()).as("%s", op).isEqualTo(op.resendAfterMaybeActed() ? 3 : 1);
      } else {
        assertThat(requestsReceived()).isEqualTo(1);
      }
    }
  }

  /** Read timeout of a message: exactly one request, outcome unknown, within the request timeout. */
  @Test
  public void readTimeoutIsNotRetried() {
    Operation op = Operation.REQUEST_LOGIN_CODE;
    stub(op, json(200, op.answerJson).withFixedDelay(3_000));
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), s.bearerToken(), Duration.ofMillis(400),
        s.retryPolicy()));

    long start = System.nanoTime();
    DfxTransportException e = failure(DfxTransportException.class, op, port);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(millis).isBetween(350L, 2_500L);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** A renew whose answer timed out is sent again (nothing the application holds is lost by it). */
  @Test
  public void renewIsResentAfterAReadTimeout() {
    WIREMOCK.stubFor(request("POST", urlEqualTo(Operation.RENEW.path)).inScenario("slow")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
        .willReturn(json(200, Operation.RENEW.answerJson).withFixedDelay(3_000)));
    WIREMOCK.stubFor(request("POST", urlEqualTo(Operation.RENEW.path)).inScenario("slow")
        .whenScenarioStateIs("fast").willReturn(json(200, Operation.RENEW.answerJson)));
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), s.bearerToken(), Duration.ofMillis(400),
        s.retryPolicy()));

    assertThat(Operation.RENEW.invoke(port)).isEqualTo(NEXT);
    assertThat(requestsReceived()).isEqualTo(2);
  }

  /**
   * 503, 503, 200: three requests and success.
   * @param op the operation under test
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void retries503UntilSuccess(Operation op) {
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(op.path)).inScenario("busy")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
        .willReturn(json(503, "{\"Code\":\"UNAVAILABLE\",\"Message\":\"busy\"}")));
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(op.path)).inScenario("busy")
        .whenScenarioStateIs("second").willSetStateTo("third")
        .willReturn(aResponse().withStatus(503)));
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(op.path)).inScenario("busy")
        .whenScenarioStateIs("third").willReturn(json(200, op.answerJson)));

    assertThat(op.invoke(adapter())).isEqualTo(op.expected);
    assertThat(requestsReceived()).isEqualTo(3);
  }

  /**
   * ssoToken may be sent again after it may have arrived (a code the server already exchanged can
   * only earn a refusal): 500, then 200 is exactly two requests, both with the same body, and the
   * tokens; a 400 for a reused code surfaces at once, readable, after one request.
   */
  @Test
  public void ssoTokenIsSentAgainAfterA500() {
    Operation op = Operation.SSO_TOKEN;
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(op.path)).inScenario("sso")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("exchanged")
        .willReturn(json(500, "{\"Code\":\"INTERNAL\",\"Message\":\"try again\"}")));
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(op.path)).inScenario("sso")
        .whenScenarioStateIs("exchanged").willReturn(json(200, op.answerJson)));

    assertThat(op.invoke(adapter())).isEqualTo(SSO_TOKENS);
    assertThat(requestsReceived()).isEqualTo(2);
    WIREMOCK.verify(2, sent(op).withRequestBody(equalTo(op.requestJson)));

    WIREMOCK.resetAll();
    stub(op, json(400, "{\"Code\":\"INVALID_CODE\",\"Message\":\"The code was already used\"}"));
    DfxApiException e = failure(DfxApiException.class, op, adapter());

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("INVALID_CODE");
    assertThat(e.serverMessage()).isEqualTo("The code was already used");
    assertThat(e.endpoint()).isNull();
    assertThat(e.operation()).isSameAs(AuthsOperations.SSO_TOKEN);
    assertThat(e.getMessage()).contains("(action POST /auth/v1/sso/token at http://").doesNotContain(SSO_CODE);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** The claims keep their nested {@code Permissions} exactly: maps, lists, numbers, booleans, null. */
  @Test
  public void claimsKeepNestedPermissions() {
    stub(Operation.VALIDATE, json(200, CLAIMS_JSON));

    TokenClaims claims = (TokenClaims) Operation.VALIDATE.invoke(adapter());

    @SuppressWarnings("unchecked")
    Map<String, Object> measurements = (Map<String, Object>) claims.permissions().get("Measurements");
    assertThat(measurements.keySet()).containsExactly("Create", "MaxPerDay", "Quota", "Actions", "Expires");
    assertThat(measurements.get("MaxPerDay")).isEqualTo(1000L);
    assertThat(measurements.get("Quota")).isEqualTo(0.75d);
    assertThat(measurements.get("Actions")).isEqualTo(Arrays.asList("502", Map.of("Id", "503", "Scopes", List.of())));
    assertThat(measurements).containsEntry("Expires", null);
    assertThat(claims.permissions()).containsEntry("Admin", false);
    assertThat(claims).isEqualTo(CLAIMS);
    assertThatThrownBy(() -> measurements.put("Create", false)).isInstanceOf(UnsupportedOperationException.class);
  }

  /** 503 every time: the attempts are used up, the last error surfaces. */
  @Test
  public void gives503UpAfterMaxAttempts() {
    stub(Operation.RENEW, json(503, "{\"Code\":\"UNAVAILABLE\",\"Message\":\"busy\"}"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(503);
    assertThat(requestsReceived()).isEqualTo(3);
  }

  /** 429 with {@code Retry-After: 1}: the retry waits at least that second. */
  @Test
  public void waitsRetryAfterSecondsOn429() {
    Operation op = Operation.REQUEST_LOGIN_CODE;
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(op.path)).inScenario("limited")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
        .willReturn(json(429, "{\"Code\":\"TOO_MANY\",\"Message\":\"slow down\"}").withHeader("Retry-After", "1")));
    WIREMOCK.stubFor(request(op.operation.method(), urlEqualTo(op.path)).inScenario("limited")
        .whenScenarioStateIs("free").willReturn(json(200, op.answerJson)));

    long start = System.nanoTime();
    assertThat(op.invoke(adapter())).isEqualTo(op.expected);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(millis).isGreaterThanOrEqualTo(1_000L);
    assertThat(requestsReceived()).isEqualTo(2);
  }

  /** A Retry-After beyond the cap fails at once, telling how long to wait. */
  @Test
  public void failsAtOnceWhenRetryAfterExceedsCap() {
    stub(Operation.RENEW, json(429, "{\"Code\":\"TOO_MANY\"}").withHeader("Retry-After", "60"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** Retry-After as an HTTP date. */
  @Test
  public void readsRetryAfterHttpDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    stub(Operation.RENEW, aResponse().withStatus(503).withHeader("Retry-After", date));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d.getSeconds()).isBetween(25L, 31L));
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /**
   * 4xx never; 500, 502, 504 (the server may have acted) only for renew and the GET.
   * @param status the HTTP status
   */
  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 500, 502, 504})
  public void retriesOtherErrorsOnlyWhenSafe(int status) {
    for (Operation op : List.of(Operation.REQUEST_LOGIN_CODE, Operation.GENERATE_TOKEN, Operation.RENEW,
        Operation.ORG_CLIENT_CREDENTIALS, Operation.AUTHENTICATE, Operation.SSO_TOKEN)) {
      WIREMOCK.resetAll();
      stub(op, json(status, "{\"Code\":\"E" + status + "\",\"Message\":\"no\"}"));

      DfxApiException e = failure(DfxApiException.class, op, adapter());

      assertThat(e.status()).isEqualTo(status);
      assertThat(e.code()).isEqualTo("E" + status);
      boolean resent = status >= 500 && op.resendAfterMaybeActed();
      assertThat(requestsReceived()).as("%s %s", status, op).isEqualTo(resent ? 3 : 1);
    }
  }

  /**
   * A 2xx whose body does not parse: protocol error, one request.
   * @param op the operation under test
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  public void unparseableSuccessIsProtocolError(Operation op) {
    stub(op, json(200, "{\"Token\": tru"));

    DfxProtocolException e = failure(DfxProtocolException.class, op, adapter());

    assertThat(e.status()).isEqualTo(200);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /**
   * Fields missing, null or of the wrong type in the renew answer.
   *
   * @param body the answer body
   */
  @ParameterizedTest
  @ValueSource(strings = {"{\"Token\":\"abc\"}", "{\"Token\":null,\"RefreshToken\":\"r\"}",
      "{\"Token\":\"a\",\"RefreshToken\":42}", "[]", "\"Token\"", "{\"Token\":\"a\",\"RefreshToken\":\"\"}",
      "{\"Token\":\"a\",\"RefreshToken\":\"b\"} {}", "{\"Token\":\"a\",\"Token\":\"b\",\"RefreshToken\":\"c\"}"})
  public void renewAnswerOfWrongShapeIsProtocolError(String body) {
    stub(Operation.RENEW, json(200, body));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(200);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** A 2xx that is not JSON at all (a captive portal's page). */
  @Test
  public void nonJsonContentTypeIsProtocolError() {
    stub(Operation.REQUEST_LOGIN_CODE, aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<html>Welcome to the hotel Wi-Fi</html>"));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.getMessage()).contains("text/html");
  }

  /** Redirects are never followed: the token stays with this host. */
  @Test
  public void doesNotFollowRedirects() {
    stub(Operation.RENEW, aResponse().withStatus(307).withHeader("Location", "http://127.0.0.2:1/steal"));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.RENEW, adapter());

    assertThat(e.status()).isEqualTo(307);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** Answers larger than the bound are refused. */
  @Test
  public void refusesOversizedAnswer() {
    stub(Operation.REQUEST_LOGIN_CODE, json(200, "{\"success\":true,\"pad\":\"" + "x".repeat(200_000) + "\"}"));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.getMessage()).contains("larger than");
  }

  // ------------------------------------------------------------------ hostile answers

  /** A body that trickles in slower than the request timeout: the timeout holds for the whole answer. */
  @Test
  public void requestTimeoutBoundsATricklingBody() {
    Operation op = Operation.REQUEST_LOGIN_CODE;
    stub(op, json(200, "{\"success\":true,\"pad\":\"" + "x".repeat(400) + "\"}").withChunkedDribbleDelay(40, 6_000));
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), s.bearerToken(), Duration.ofMillis(800), s.retryPolicy()));

    long start = System.nanoTime();
    DfxTransportException e = failure(DfxTransportException.class, op, port);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(millis).isBetween(700L, 3_000L);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /**
   * Megabytes of answer: refused at the bound, without reading (or holding) the rest.
   * @param declaredLength whether the answer declares its length
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  public void refusesHugeAnswerAtTheBound(boolean declaredLength) {
    byte[] huge = ("{\"success\":true,\"pad\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    ResponseDefinitionBuilder answer = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(huge);
    if (!declaredLength) {
      answer = answer.withHeader("Transfer-Encoding", "chunked");
    }
    stub(Operation.REQUEST_LOGIN_CODE, answer);

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.getMessage()).contains("larger than " + (64 * 1024) + " bytes");
    assertThat(e.status()).isEqualTo(200);
    assertThat(requestsReceived()).isEqualTo(1);
  }

  /** Bytes that are not UTF-8: a protocol error. */
  @Test
  public void invalidUtf8IsProtocolError() {
    byte[] body = {'{', '"', 's', 'u', 'c', 'c', 'e', 's', 's', '"', ':', 't', 'r', 'u', 'e', ',', '"', 'n', '"', ':',
        '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
    stub(Operation.REQUEST_LOGIN_CODE, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(body));

    DfxProtocolException e = failure(DfxProtocolException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.getMessage()).contains("UTF-8");
  }

  /**
   * Excerpts of broken answers are short, on one line, without control characters or escapes.
   * @param status the HTTP status
   */
  @ParameterizedTest
  @ValueSource(ints = {200, 400, 502})
  public void sanitisesHostileBodies(int status) {
    String hostile = "\u001b[2J\u001b]0;pwned\u0007<b>oops</b>\r\nSet-Cookie: x=1\u0000" + "A ".repeat(50_000);
    stub(Operation.REQUEST_LOGIN_CODE, aResponse().withStatus(status).withHeader("Content-Type", "text/plain")
        .withBody(hostile));

    DfxException e = failure(DfxException.class, Operation.REQUEST_LOGIN_CODE, adapter());

    assertThat(e.getMessage()).doesNotContainPattern("[\\p{Cntrl}\u001b]").doesNotContain("pwned")
        .doesNotContain("<b>");
    assertThat(e.getMessage().length()).isLessThan(400);
  }

  /** A huge, hostile {@code Message}: bounded and stripped. */
  @Test
  public void sanitisesHostileServerMessage() {
    String message = "\\u001b[31mred\\r\\nInjected: header " + "B".repeat(30_000);
    stub(Operation.RENEW, json(400, "{\"Code\":\"BAD\",\"Message\":\"" + message + "\"}"));

    DfxApiException e = failure(DfxApiException.class, Operation.RENEW, adapter());

    assertThat(e.serverMessage()).doesNotContainPattern("[\\p{Cntrl}\u001b]").startsWith("red Injected: header");
    assertThat(e.serverMessage().length()).isLessThanOrEqualTo(200);
  }

  /** A redirect to another host: not followed, so that host never sees the token. */
  @Test
  public void redirectToAnotherHostIsNotFollowed() {
    WireMockServer other = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.2").jettyAcceptors(1));
    other.start();
    try {
      other.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(json(200, Operation.RENEW.answerJson)));
      stub(Operation.RENEW, aResponse().withStatus(302)
          .withHeader("Location", "http://127.0.0.2:" + other.port() + Operation.RENEW.operation.pathTemplate()));

      DfxProtocolException e = failure(DfxProtocolException.class, Operation.RENEW, adapter());

      assertThat(e.status()).isEqualTo(302);
      assertThat(other.getAllServeEvents()).isEmpty();
      assertThat(requestsReceived()).isEqualTo(1);
    } finally {
      other.stop();
    }
  }

  // ------------------------------------------------------------------ secrets

  /**
   * Real calls, successful and failing, some against a server that echoes the secrets back, with
   * every logger at TRACE: no token, refresh token, phone number or e-mail appears in any log line,
   * exception message or stack trace, or {@code toString()}.
   */
  @Test
  public void neverRevealsSecrets() {
    assertThat(org.slf4j.LoggerFactory.getLogger("io.github.dfxclient.auths").isTraceEnabled())
        .as("the build must run this suite with io.github.dfxclient at TRACE").isTrue();
    String echo = "Token " + DEVICE_TOKEN + " / " + CURRENT.token() + " refresh " + CURRENT.refreshToken()
        + " phone " + PHONE + " email " + EMAIL + " code " + SSO_CODE + " sso " + SSO_ID_TOKEN + " " + SSO_ACCESS_TOKEN
        + " " + SSO_REFRESH_TOKEN;
    StringBuilder seen = new StringBuilder();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      AuthsPort port = adapter();
      seen.append(port).append('\n');
      for (Operation op : Operation.values()) {
        WIREMOCK.resetAll();
        stub(op, json(200, op.answerJson));
        seen.append(op.invoke(port)).append('\n');
        for (ResponseDefinitionBuilder hostile : List.of(
            json(400, "{\"Code\":\"BAD\",\"Message\":\"" + echo + "\"}"),
            json(401, "{\"errorCode\":\"" + PHONE + "\",\"message\":\"" + EMAIL + "\"}"),
            aResponse().withStatus(502).withBody("<h1>" + echo + "</h1>"),
            aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(echo),
            json(200, op.answerJson.substring(0, op.answerJson.length() - 3)),
            json(200, "{\"Token\":\"" + NEXT.token() + "\",\"RefreshToken\":null}"),
            json(200, "{\"idToken\":\"" + SSO_ID_TOKEN + "\",\"accessToken\":\"" + SSO_ACCESS_TOKEN
                + "\",\"refreshToken\":\"" + SSO_REFRESH_TOKEN + "\",\"expiresIn\":\"soon\",\"tokenType\":null}"),
            json(200, op.answerJson.replace("\"", "'")),
            json(200, "{\"success\":\"" + echo + "\"}"),
            json(503, echo),
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            json(200, op.answerJson).withFixedDelay(3_000))) {
          WIREMOCK.resetAll();
          stub(op, hostile);
          AuthsPort fast = newAdapter(new AdapterSettings(settings().baseUri(), () -> DEVICE_TOKEN,
              Duration.ofMillis(500), settings().retryPolicy()));
          try {
            seen.append(op.invoke(fast)).append('\n');
          } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.append(e).append('\n').append(trace).append('\n');
          }
        }
      }
      // a short bearer that has no token shape: only redaction by value can catch its echo
      for (Operation op : Operation.values()) {
        WIREMOCK.resetAll();
        stub(op, json(401, "{\"Code\":\"" + SHORT_BEARER + "\",\"Message\":\"token " + SHORT_BEARER
            + " rejected\"}"));
        try {
          seen.append(op.invoke(newAdapter(new AdapterSettings(settings().baseUri(), () -> SHORT_BEARER,
              Duration.ofMillis(500), settings().retryPolicy())))).append('\n');
        } catch (RuntimeException e) {
          StringWriter trace = new StringWriter();
          e.printStackTrace(new PrintWriter(trace));
          seen.append(e).append('\n').append(trace).append('\n');
        }
      }
      for (String bad : List.of(DEVICE_TOKEN + "\n", "x" + PHONE + "\u0000")) {
        try {
          newAdapter(new AdapterSettings(settings().baseUri(), () -> bad, Duration.ofMillis(500),
              settings().retryPolicy())).renew(CURRENT);
        } catch (RuntimeException e) {
          seen.append(e).append('\n');
        }
      }
      seen.append(CURRENT).append(NEXT).append(new LoginCodeRequest(PHONE, ORG))
          .append(new ResetPasswordLinkRequest(EMAIL, ORG)).append(new ResetMobileRequest(EMAIL, PHONE))
          .append(new GeneratedToken(GENERATED)).append(new SsoTokenRequest(SSO_REDIRECT, ORG, SSO_CODE))
          .append(SSO_TOKENS).append('\n');
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).as("the captured log must hold the per-attempt DEBUG lines")
        .contains("dfx action=2304 POST /auths/renew status=200 attempt=1")
        .contains("dfx action=2303 PATCH /auths/users/code status=")
        .contains("dfx action=2300 PATCH /auths/users/reset status=")
        .contains("dfx action=2302 PATCH /auths/users/reset/mobile status=")
        .contains("dfx action=2305 POST /auths/generateToken status=")
        .contains("dfx action=2306 GET /auths/organization/credentials/{orgId} status=")
        .contains("dfx action=GET /auth/v1/authenticate status=200 attempt=1")
        .contains("dfx action=GET /auth/v1/validate status=")
        .contains("dfx action=POST /auth/v1/sso/token status=200 attempt=1");
    String everything = logs + seen;
    for (String secret : List.of(DEVICE_TOKEN, CURRENT.token(), CURRENT.refreshToken(), NEXT.token(),
        NEXT.refreshToken(), GENERATED, SHORT_BEARER, PHONE, PHONE.substring(1), EMAIL, SSO_CODE, SSO_ID_TOKEN,
        SSO_ACCESS_TOKEN, SSO_REFRESH_TOKEN)) {
      int at = everything.indexOf(secret);
      assertThat(at).as("a secret appears in the output here: %s",
          at < 0 ? "" : everything.substring(Math.max(0, at - 300), Math.min(everything.length(), at + 100))
              .replace(secret, "<<SECRET>>")).isNegative();
    }
  }

  // ------------------------------------------------------------------ bad input

  /** A null argument is refused before any I/O, naming the argument. */
  @Test
  public void refusesNullArgumentsBeforeAnyIo() {
    AuthsPort port = adapter();

    assertThatThrownBy(() -> port.renew(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current");
    assertThatThrownBy(() -> port.requestLoginCode(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> port.requestResetPasswordLink(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> port.sendResetMobile(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> port.generateToken(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pair");
    assertThatThrownBy(() -> port.orgClientCredentials(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orgId");
    assertThatThrownBy(() -> port.orgClientCredentials("acme\nhealth")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orgId");
    assertThatThrownBy(() -> port.ssoToken(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThat(requestsReceived()).isZero();
  }

  /** A bearer token that would break the header is refused before any I/O, without echoing it. */
  @Test
  public void refusesHeaderBreakingBearerTokenBeforeAnyIo() {
    AdapterSettings s = settings();
    AuthsPort port = newAdapter(new AdapterSettings(s.baseUri(), () -> "abc\r\nX-Evil: 1", s.requestTimeout(),
        s.retryPolicy()));

    assertThatThrownBy(() -> Operation.RENEW.invoke(port)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bearerToken").hasMessageNotContaining("abc");
    assertThat(requestsReceived()).isZero();
  }

  /** Plain http to a non-loopback host is refused when the adapter is built. */
  @Test
  public void refusesPlainHttpToRemoteHost() {
    AdapterSettings s = settings();

    assertThatThrownBy(() -> newAdapter(new AdapterSettings(URI.create("http://api.deepaffex.ai"),
        s.bearerToken(), s.requestTimeout(), s.retryPolicy())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri");
  }
}
