package io.github.dfxclient.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One DFX operation, described once: action ID, HTTP method, path template with its parameters, the
 * request body codec (or none), the answer codec, the credential it needs, whether it may be sent
 * again after the server may have acted on it, and whether its answer is secret. The engine ({@link
 * DfxClient}) runs every operation from its descriptor alone; the testkit's fake server routes and
 * decodes requests with the same descriptor.
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
 * Instances are immutable and thread-safe.
 *
 * @param <Q> the request type
 * @param <A> the answer type
 */
public final class DfxOperation<Q, A> {
  private final int actionId;
  private final String method;
  private final String pathTemplate;
  private final String[] segments;
  private final String[] parameterNames;
  private final Function<Q, List<String>> pathValues;
  private final Function<List<String>, Q> fromPath;
  private final DfxCodec<Q> requestBody;
  private final DfxCodec<A> answer;
  private final Credential credential;
  private final boolean resendAfterMaybeActed;
  private final boolean secretAnswer;
  private final boolean renewCredentialOnUnauthorized;
  private final String argument;
  private final DfxEndpoint endpoint;
  private final String retryName;

  private DfxOperation(Builder<Q, A> b) {
    this.actionId = b.actionId;
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    this.segments = b.pathTemplate.substring(1).split("/", -1);
    List<String> names = new ArrayList<>();
    for (String s : segments) {
      if (s.startsWith("{") && s.endsWith("}")) {
        names.add(s.substring(1, s.length() - 1));
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
    if (b.requestBody == null && parameterNames.length == 0) {
      throw new IllegalArgumentException("an operation needs a request body or path parameters");
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
    this.endpoint = DfxEndpoint.forActionId(actionId)
        .filter(e -> e.method().equals(method) && e.path().equals(pathTemplate)).orElse(null);
    this.retryName = endpoint != null ? endpoint.retryName() : "action-" + actionId;
  }

  /**
   * @param endpoint a catalogue entry: its action ID, method and path
   * @param <Q> the request type
   * @param <A> the answer type
   * @return a builder
   */
  public static <Q, A> Builder<Q, A> builder(DfxEndpoint endpoint) {
    return new Builder<Q, A>(endpoint.actionId(), endpoint.method(), endpoint.path())
        .resendAfterMaybeActed(endpoint.resendAfterMaybeActed());
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
    return new Builder<>(actionId, method, pathTemplate);
  }

  /** @return the DFX action ID */
  public int actionId() {
    return actionId;
  }

  /** @return the HTTP method */
  public String method() {
    return method;
  }

  /** @return the path template, e.g. {@code /auths/organization/credentials/{orgId}} */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** @return the catalogue entry with this action ID, method and path; empty for an operation outside it */
  public Optional<DfxEndpoint> endpoint() {
    return Optional.ofNullable(endpoint);
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

  /** @return the suffix of this operation's Resilience4j {@code Retry} name, e.g. {@code renew} */
  public String retryName() {
    return retryName;
  }

  /**
   * Fills the path template in. Each parameter value becomes exactly one path segment: every byte of
   * its UTF-8 form outside RFC 3986's unreserved characters is percent-encoded (so {@code /}, {@code
   * ?}, {@code #} and {@code %} cannot change the path), and a value that would be a dot-segment
   * ({@code .} or {@code ..}, which servers and proxies remove or resolve by RFC 3986, section 5.2.4)
   * or an empty segment is refused.
   *
   * @param request the request
   * @return the path with its parameters filled in and percent-encoded
   * @throws IllegalArgumentException naming the parameter (never its value) when a value is null,
   *     blank or a dot-segment
   */
  public String path(Q request) {
    if (parameterNames.length == 0) {
      return pathTemplate;
    }
    List<String> values = pathValues.apply(request);
    if (values == null || values.size() != parameterNames.length) {
      throw new IllegalArgumentException("path parameters of " + this + " must be " + parameterNames.length);
    }
    StringBuilder b = new StringBuilder(pathTemplate.length() + 32);
    int p = 0;
    for (String s : segments) {
      b.append('/');
      if (s.startsWith("{") && s.endsWith("}")) {
        String v = values.get(p);
        if (v == null || v.isBlank()) {
          throw new IllegalArgumentException(parameterNames[p] + " must not be null or blank");
        }
        if (isDotSegment(v)) {
          throw new IllegalArgumentException(parameterNames[p]
              + " must not be a dot-segment: a path normalizer would turn it into another path");
        }
        encodeSegment(v, b);
        p++;
      } else {
        b.append(s);
      }
    }
    return b.toString();
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
      if (s.startsWith("{") && s.endsWith("}")) {
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
   * @param pathParameters the values {@link #match} returned
   * @return the request they make, for an operation without a request body
   * @throws IllegalArgumentException when they do not make a valid request
   */
  public Q requestFromPath(List<String> pathParameters) {
    if (fromPath == null) {
      throw new IllegalArgumentException(this + " takes its request from the body");
    }
    return fromPath.apply(pathParameters);
  }

  /** @return e.g. {@code "2304 POST /auths/renew"} */
  @Override
  public String toString() {
    return actionId + " " + method + " " + pathTemplate;
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
      if (actionId < 1 || actionId > 9999) {
        throw new IllegalArgumentException("actionId must be 1..9999, got " + actionId);
      }
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
     * @param codec the request body's codec; without one, no body is sent
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
