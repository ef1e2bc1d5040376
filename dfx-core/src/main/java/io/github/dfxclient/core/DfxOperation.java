package io.github.dfxclient.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One DFX operation, described once: action ID (when it has one), a stable name, HTTP method, path
 * template with its parameters, the request body codec (or none), the answer codec, the credential
 * it needs, whether it may be sent again after the server may have acted on it, and whether its
 * answer is secret. This descriptor is the <em>only</em> home of these facts: the engine ({@link
 * DfxClient}) runs every operation from it alone, the retry policy reads its resend rule and name
 * ({@link DfxRetryPolicy#retry(DfxOperation)}), {@link DfxEndpoint} answers from it, transports
 * receive it with each request ({@link io.github.dfxclient.core.spi.DfxHttpRequest#operation()}),
 * and the testkit's fakes route, decode and count with it.
 *
 * <p>Three shapes of request:
 * <ul>
 *   <li>a JSON body ({@link Builder#requestBody}); the request is the body's value;
 *   <li>path parameters ({@link Builder#pathParameters}); the request is what fills them in;
 *   <li>neither (a plain {@code GET}): declare the request type as {@link Void}; the request is
 *       {@code null} and {@link DfxClient#call(DfxOperation)} runs it.
 * </ul>
 *
 * <p>Operations without an action ID (e.g. {@code GET /auth/v1/authenticate}) are built with {@link
 * #builder(String, String)}: {@link #actionId()} is then 0, {@link #hasActionId()} false, and
 * {@link #toString()}, log lines, exception messages and {@code Retry} names name them by method and
 * path.
 *
 * <pre>{@code
 * static final DfxOperation<String, Organization> ORGANIZATION =
 *     DfxOperation.<String, Organization>builder(2399, "GET", "/organizations/{orgId}")
 *         .argument("orgId")
 *         .pathParameters(id -> List.of(id), values -> values.get(0))
 *         .answer(ORGANIZATION_CODEC)
 *         .credential(Credential.USER)
 *         .resendAfterMaybeActed(true)   // a GET acts on nothing
 *         .build();
 * }</pre>
 *
 * <pre>{@code
 * static final DfxOperation<Void, Status> STATUS =
 *     DfxOperation.<Void, Status>builder("GET", "/status")   // no action ID, no request
 *         .answer(STATUS_CODEC)
 *         .resendAfterMaybeActed(true)
 *         .build();
 * Status s = client.call(STATUS);
 * }</pre>
 *
 * Instances are immutable and thread-safe; they are compared by identity (two descriptors are two
 * operations to the fakes and the retry policy).
 *
 * @param <Q> the request type
 * @param <A> the answer type
 */
public final class DfxOperation<Q, A> {
  /** {@link #actionId()} of an operation without an action ID. */
  public static final int NO_ACTION_ID = 0;

  private final int actionId;
  private final String name;
  private final String method;
  private final String pathTemplate;
  private final String[] segments;
  private final String[] parameterNames;
  /** Per segment: the index of its parameter, or -1 for a literal segment. */
  private final int[] segmentParameter;
  private final Function<Q, List<String>> pathValues;
  private final Function<List<String>, Q> fromPath;
  private final DfxCodec<Q> requestBody;
  private final DfxCodec<A> answer;
  private final Credential credential;
  private final boolean resendAfterMaybeActed;
  private final boolean secretAnswer;
  private final boolean renewCredentialOnUnauthorized;
  private final String argument;
  private final String description;

  private DfxOperation(Builder<Q, A> b) {
    this.actionId = b.actionId;
    this.name = b.name != null ? b.name : defaultName(b.method, b.pathTemplate);
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    this.segments = b.pathTemplate.substring(1).split("/", -1);
    List<String> names = new ArrayList<>();
    this.segmentParameter = new int[segments.length];
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.startsWith("{") && s.endsWith("}")) {
        if (names.contains(s.substring(1, s.length() - 1))) {
          throw new IllegalArgumentException("pathTemplate names a parameter twice");
        }
        segmentParameter[i] = names.size();
        names.add(s.substring(1, s.length() - 1));
      } else {
        segmentParameter[i] = -1;
      }
    }
    this.parameterNames = names.toArray(new String[0]);
    if (parameterNames.length > 0 && (b.pathValues == null || b.fromPath == null)) {
      throw new IllegalArgumentException("pathParameters must be set: the path has parameters");
    }
    if (parameterNames.length == 0 && b.pathValues != null) {
      throw new IllegalArgumentException("pathParameters set, but the path has none");
    }
    if (b.answer == null) {
      throw new IllegalArgumentException("answer codec must be set");
    }
    this.pathValues = b.pathValues;
    this.fromPath = b.fromPath;
    this.requestBody = b.requestBody;
    this.answer = b.answer;
    this.credential = b.credential;
    this.resendAfterMaybeActed = b.resendAfterMaybeActed;
    this.secretAnswer = b.secretAnswer;
    this.renewCredentialOnUnauthorized = b.renewCredentialOnUnauthorized;
    this.argument = b.argument;
    this.description = (actionId == NO_ACTION_ID ? "" : actionId + " ") + method + " " + pathTemplate;
  }

  /**
   * The name of an operation whose builder was given none: the lower-case method and path, every
   * {@code /} a {@code -}, parameters by name ({@code GET /auth/v1/authenticate} gives {@code
   * get-auth-v1-authenticate}).
   */
  private static String defaultName(String method, String pathTemplate) {
    StringBuilder b = new StringBuilder(method.length() + pathTemplate.length());
    b.append(method.toLowerCase(Locale.ROOT));
    for (int i = 0; i < pathTemplate.length(); i++) {
      char c = pathTemplate.charAt(i);
      if (c == '/') {
        b.append('-');
      } else if (c != '{' && c != '}') {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  /**
   * A builder that starts from a catalogue entry's operation: its action ID, name, method, path and
   * resend rule (every other setting at its default). The operation built is a new one: the fakes
   * and the retry policy tell operations apart by identity, so prefer the entry's own {@link
   * DfxEndpoint#operation()}.
   *
   * @param endpoint a catalogue entry
   * @param <Q> the request type
   * @param <A> the answer type
   * @return a builder
   */
  public static <Q, A> Builder<Q, A> builder(DfxEndpoint endpoint) {
    DfxOperation<?, ?> op = endpoint.operation();
    return new Builder<Q, A>(op.actionId, op.method, op.pathTemplate)
        .name(op.name)
        .resendAfterMaybeActed(op.resendAfterMaybeActed);
  }

  /**
   * @param actionId the DFX action ID, 1..9999
   * @param method the HTTP method, upper case
   * @param pathTemplate the path below the base URI, starting with {@code /}; parameters as whole
   *     segments, e.g. {@code /auths/organization/credentials/{orgId}}
   * @param <Q> the request type
   * @param <A> the answer type
   * @return a builder
   */
  public static <Q, A> Builder<Q, A> builder(int actionId, String method, String pathTemplate) {
    if (actionId < 1 || actionId > 9999) {
      throw new IllegalArgumentException("actionId must be 1..9999, got " + actionId);
    }
    return new Builder<>(actionId, method, pathTemplate);
  }

  /**
   * A builder for an operation without an action ID (the REST-only {@code /auth/v1/*} operations,
   * for example): {@link #actionId()} is {@link #NO_ACTION_ID}, and it is named by method and path.
   *
   * @param method the HTTP method, upper case
   * @param pathTemplate the path below the base URI, starting with {@code /}; parameters as whole
   *     segments
   * @param <Q> the request type ({@link Void} for an operation with neither body nor path parameters)
   * @param <A> the answer type
   * @return a builder
   */
  public static <Q, A> Builder<Q, A> builder(String method, String pathTemplate) {
    return new Builder<>(NO_ACTION_ID, method, pathTemplate);
  }

  /**
   * @return the DFX action ID (1..9999; it also frames the operation on DFX's WebSocket API), or
   *     {@link #NO_ACTION_ID} (0) for an operation without one: see {@link #hasActionId()}
   */
  public int actionId() {
    return actionId;
  }

  /** @return whether the operation has a DFX action ID; false for the REST-only ones */
  public boolean hasActionId() {
    return actionId != NO_ACTION_ID;
  }

  /**
   * @return the operation's stable name, e.g. {@code renew}: the suffix of its Resilience4j {@code
   *     Retry} name ({@code dfx-renew}), and its name in logs and metrics. Set with {@link
   *     Builder#name}; by default derived from method and path ({@code get-auth-v1-authenticate})
   */
  public String name() {
    return name;
  }

  /** @return the HTTP method */
  public String method() {
    return method;
  }

  /** @return the path template, e.g. {@code /auths/organization/credentials/{orgId}} */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * @return the {@link DfxEndpoint} entry derived from this operation, or one with the same action
   *     ID, method and path; empty for an operation outside that catalogue (one without an action ID,
   *     one an application or another module describes)
   */
  public Optional<DfxEndpoint> endpoint() {
    return DfxEndpoint.of(this);
  }

  /**
   * @return the names of the path parameters, in template order (empty for a path without any)
   */
  public List<String> pathParameterNames() {
    return List.of(parameterNames);
  }

  /**
   * @return whether the operation takes a request: a body or path parameters. False for a plain
   *     {@code GET} without either: its request type is {@link Void} and its request {@code null}
   */
  public boolean takesRequest() {
    return requestBody != null || parameterNames.length > 0;
  }

  /** @return the request body codec; empty when the request has no body (e.g. a GET) */
  public Optional<DfxCodec<Q>> requestBody() {
    return Optional.ofNullable(requestBody);
  }

  /** @return the answer codec */
  public DfxCodec<A> answer() {
    return answer;
  }

  /** @return the credential the operation sends */
  public Credential credential() {
    return credential;
  }

  /**
   * @return whether the engine may send the request again after it may have reached the server (a
   *     reset or timeout after sending, 500, 502, 504). False for operations with effects that
   *     must not happen twice (an SMS, an e-mail).
   */
  public boolean resendAfterMaybeActed() {
    return resendAfterMaybeActed;
  }

  /** @return whether the answer carries credentials (never quoted in an exception) */
  public boolean secretAnswer() {
    return secretAnswer;
  }

  /** @return whether a 401 answer asks the credentials source for a fresh token and sends once more */
  public boolean renewCredentialOnUnauthorized() {
    return renewCredentialOnUnauthorized;
  }

  /** @return the name of the request argument, for the message of a {@code null} request */
  public String argument() {
    return argument;
  }

  /**
   * @return the suffix of this operation's Resilience4j {@code Retry} name, e.g. {@code renew}: its
   *     {@link #name()}
   */
  public String retryName() {
    return name;
  }

  /**
   * Fills the path template in. Each parameter value becomes exactly one path segment: every byte of
   * its UTF-8 form outside RFC 3986's unreserved characters is percent-encoded (so {@code /}, {@code
   * ?}, {@code #} and {@code %} cannot change the path), and a value that would be a dot-segment
   * ({@code .} or {@code ..}, which servers and proxies remove or resolve by RFC 3986, section 5.2.4)
   * or an empty segment is refused.
   *
   * @param request the request ({@code null} for an operation that {@linkplain #takesRequest() takes
   *     none})
   * @return the path with its parameters filled in and percent-encoded
   * @throws IllegalArgumentException naming the parameter (never its value) when a value is null,
   *     blank or a dot-segment
   */
  public String path(Q request) {
    if (parameterNames.length == 0) {
      return pathTemplate;
    }
    return expandPath(pathParameters(request));
  }

  /**
   * The path parameters of {@code request}, checked as {@link #path} checks them: what a transport
   * that is not HTTP sends instead of a path ({@link io.github.dfxclient.core.spi.DfxHttpRequest#pathParameters()}).
   *
   * @param request the request ({@code null} for an operation that takes none)
   * @return parameter name to (unencoded) value, in template order; unmodifiable; empty for a path
   *     without parameters
   * @throws IllegalArgumentException naming the parameter (never its value) when a value is null,
   *     blank or a dot-segment
   */
  public Map<String, String> pathParameters(Q request) {
    int n = parameterNames.length;
    if (n == 0) {
      return Map.of();
    }
    List<String> values = pathValues.apply(request);
    if (values == null || values.size() != n) {
      throw new IllegalArgumentException("path parameters of " + this + " must be " + n);
    }
    for (int i = 0; i < n; i++) {
      checkValue(parameterNames[i], values.get(i));
    }
    if (n == 1) {
      return Map.of(parameterNames[0], values.get(0));
    }
    Map<String, String> m = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      m.put(parameterNames[i], values.get(i));
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Fills the path template in from parameter values by name, as {@link #path} does from a request.
   *
   * @param pathParameters a value for every parameter of the template, by name
   * @return the path with its parameters filled in and percent-encoded
   * @throws IllegalArgumentException naming the parameter (never its value) when a value is missing,
   *     null, blank or a dot-segment
   */
  public String expandPath(Map<String, String> pathParameters) {
    if (parameterNames.length == 0) {
      return pathTemplate;
    }
    StringBuilder b = new StringBuilder(pathTemplate.length() + 32);
    for (int i = 0; i < segments.length; i++) {
      b.append('/');
      int p = segmentParameter[i];
      if (p >= 0) {
        String v = pathParameters.get(parameterNames[p]);
        checkValue(parameterNames[p], v);
        encodeSegment(v, b);
      } else {
        b.append(segments[i]);
      }
    }
    return b.toString();
  }

  private static void checkValue(String parameter, String v) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be null or blank");
    }
    if (isDotSegment(v)) {
      throw new IllegalArgumentException(parameter
          + " must not be a dot-segment: a path normalizer would turn it into another path");
    }
  }

  /**
   * The server side of {@link #path}: whether {@code method} and {@code rawPath} address this
   * operation, and its request when it has no body.
   *
   * @param method the request's method
   * @param rawPath the request's path, percent-encoded or not
   * @return the decoded path parameter values (empty list for a path without), or empty when the
   *     request is not for this operation (also when a parameter is empty, a dot-segment, or not
   *     valid percent-encoded UTF-8)
   */
  public Optional<List<String>> match(String method, String rawPath) {
    if (!this.method.equalsIgnoreCase(method) || rawPath == null || !rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = rawPath.substring(1).split("/", -1);
    if (parts.length != segments.length) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>(parameterNames.length);
    for (int i = 0; i < parts.length; i++) {
      String s = segments[i];
      if (segmentParameter[i] >= 0) {
        String v = decodeSegment(parts[i]);
        if (v == null || v.isEmpty() || isDotSegment(v)) {
          return Optional.empty();
        }
        values.add(v);
      } else if (!s.equals(parts[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(values);
  }

  /**
   * @param pathParameters the values {@link #match} returned (or a request's {@link
   *     #pathParameters} values, in order)
   * @return the request they make, for an operation without a request body; {@code null} for one
   *     that {@linkplain #takesRequest() takes no request}
   * @throws IllegalArgumentException when they do not make a valid request, or the operation takes
   *     its request from the body
   */
  public Q requestFromPath(List<String> pathParameters) {
    if (requestBody != null) {
      throw new IllegalArgumentException(this + " takes its request from the body");
    }
    if (fromPath == null) {
      return null;
    }
    return fromPath.apply(pathParameters);
  }

  /**
   * @return the action ID, method and path template, e.g. {@code "2304 POST /auths/renew"}; method
   *     and path alone for an operation without an action ID, e.g. {@code "GET /auth/v1/authenticate"}
   */
  @Override
  public String toString() {
    return description;
  }

  private static boolean isDotSegment(String value) {
    return value.equals(".") || value.equals("..");
  }

  private static void encodeSegment(String value, StringBuilder out) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (byte x : bytes) {
      int c = x & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
  }

  private static String decodeSegment(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Builds a {@link DfxOperation}.
   *
   * @param <Q> the request type
   * @param <A> the answer type
   */
  public static final class Builder<Q, A> {
    private final int actionId;
    private String name;
    private final String method;
    private final String pathTemplate;
    private Function<Q, List<String>> pathValues;
    private Function<List<String>, Q> fromPath;
    private DfxCodec<Q> requestBody;
    private DfxCodec<A> answer;
    private Credential credential = Credential.DEVICE;
    private boolean resendAfterMaybeActed;
    private boolean secretAnswer;
    private boolean renewCredentialOnUnauthorized = true;
    private String argument = "request";

    private Builder(int actionId, String method, String pathTemplate) {
      if (method == null || !method.matches("[A-Z]{3,7}")) {
        throw new IllegalArgumentException("method must be an upper-case HTTP method");
      }
      if (pathTemplate == null || !pathTemplate.matches("(/([A-Za-z0-9._~-]+|\\{[A-Za-z][A-Za-z0-9]*\\}))+")) {
        throw new IllegalArgumentException("pathTemplate must be /segment/... with {name} parameters");
      }
      this.actionId = actionId;
      this.method = method;
      this.pathTemplate = pathTemplate;
    }

    /**
     * @param name the operation's stable name ({@link DfxOperation#name()}): 1..100 of {@code
     *     [A-Za-z0-9._-]}, starting with a letter or digit, e.g. {@code renew}; default derived from
     *     method and path
     * @return this
     * @throws IllegalArgumentException when the name is not such a name
     */
    public Builder<Q, A> name(String name) {
      if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
        throw new IllegalArgumentException("name must be 1..100 of [A-Za-z0-9._-], starting with a letter or digit");
      }
      this.name = name;
      return this;
    }

    /**
     * @param toValues the request's path parameter values, in template order
     * @param fromValues the request made from decoded values (the fake server's side)
     * @return this
     */
    public Builder<Q, A> pathParameters(Function<Q, List<String>> toValues, Function<List<String>, Q> fromValues) {
      this.pathValues = toValues;
      this.fromPath = fromValues;
      return this;
    }

    /**
     * @param codec the request body's codec; without one (and without path parameters) the
     *     operation takes no request: declare its request type as {@link Void}
     * @return this
     */
    public Builder<Q, A> requestBody(DfxCodec<Q> codec) {
      this.requestBody = codec;
      return this;
    }

    /**
     * @param codec the answer's codec
     * @return this
     */
    public Builder<Q, A> answer(DfxCodec<A> codec) {
      this.answer = codec;
      return this;
    }

    /**
     * @param credential the bearer token sent; default {@link Credential#DEVICE}
     * @return this
     */
    public Builder<Q, A> credential(Credential credential) {
      if (credential == null) {
        throw new IllegalArgumentException("credential must not be null");
      }
      this.credential = credential;
      return this;
    }

    /**
     * @param resend whether it may be sent again after it may have reached the server; default false
     * @return this
     */
    public Builder<Q, A> resendAfterMaybeActed(boolean resend) {
      this.resendAfterMaybeActed = resend;
      return this;
    }

    /**
     * Marks the answer as secret: it is never quoted in an exception.
     *
     * @return this
     */
    public Builder<Q, A> secretAnswer() {
      this.secretAnswer = true;
      return this;
    }

    /**
     * A 401 is not about the bearer token (renew: the refresh token was refused): never renew on it,
     * and send the held token without renewing it first.
     *
     * @return this
     */
    public Builder<Q, A> noCredentialRenewalOnUnauthorized() {
      this.renewCredentialOnUnauthorized = false;
      return this;
    }

    /**
     * @param name the request argument's name, for the message of a {@code null} request; default {@code request}
     * @return this
     */
    public Builder<Q, A> argument(String name) {
      this.argument = name;
      return this;
    }

    /** @return the operation */
    public DfxOperation<Q, A> build() {
      return new DfxOperation<>(this);
    }
  }
}
