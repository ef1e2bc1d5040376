package io.github.dfxclient.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.auths.ResetPasswordLinkRequest;
import io.github.dfxclient.auths.ResetPasswordLinkSent;
import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The JSON wire mapping of the Auths resource, defined once for every transport and for the
 * testkit's fake server. Field names are PascalCase on requests and on the renew answer, {@code
 * success} is lower case; unknown fields in answers are ignored; error bodies are read in both
 * spellings ({@code Code}/{@code Message} and {@code errorCode}/{@code message}).
 *
 * <p>Answers are read strictly: valid UTF-8, one JSON object, no duplicate keys, the promised fields
 * present with the promised types. Anything else is a {@link DfxProtocolException} whose message
 * holds no value of the answer (a renew answer carries credentials) beyond a sanitised excerpt for
 * error bodies and non-renew answers.
 */
public final class AuthsWire {
  /** Default bound on an answer's body: an Auths answer is a few KiB at the most. */
  public static final int DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;

  /** The media type of every request and answer body. */
  public static final String JSON_MEDIA_TYPE = "application/json";

  static final String TOKEN = "Token";
  static final String REFRESH_TOKEN = "RefreshToken";
  static final String PHONE_NUMBER = "PhoneNumber";
  static final String EMAIL = "Email";
  static final String IDENTIFIER = "Identifier";
  static final String SUCCESS = "success";
  static final String CODE = "Code";
  static final String MESSAGE = "Message";
  static final String CODE_TYPED = "errorCode";
  static final String MESSAGE_TYPED = "message";

  private static final int MAX_CODE = 64;
  private static final Object NULL = new Object();
  private static final Object WRONG_TYPE = new Object();
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private AuthsWire() {}

  // ---------------------------------------------------------------- client side

  /**
   * @param request a {@link TokenPair}, {@link LoginCodeRequest} or {@link ResetPasswordLinkRequest}
   * @return its JSON body, UTF-8
   */
  public static byte[] encodeRequest(Object request) {
    if (request instanceof TokenPair p) {
      return object(TOKEN, p.token(), REFRESH_TOKEN, p.refreshToken());
    }
    if (request instanceof LoginCodeRequest r) {
      return object(PHONE_NUMBER, r.phoneNumber(), IDENTIFIER, r.identifier());
    }
    if (request instanceof ResetPasswordLinkRequest r) {
      return object(EMAIL, r.email(), IDENTIFIER, r.identifier());
    }
    throw new IllegalArgumentException("not an Auths request: "
        + (request == null ? "null" : request.getClass().getName()));
  }

  /** @return the answer type of {@code endpoint}: {@code TokenPair.class} for renew, etc. */
  public static Class<?> answerType(DfxEndpoint endpoint) {
    switch (endpoint) {
      case RENEW:
        return TokenPair.class;
      case REQUEST_LOGIN_CODE:
        return LoginCodeSent.class;
      default:
        return ResetPasswordLinkSent.class;
    }
  }

  /**
   * Reads any answer: a 2xx body becomes the endpoint's answer type, an error status becomes the
   * matching {@link DfxException}, which is thrown.
   *
   * @param endpoint the endpoint that answered
   * @param status the HTTP status
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param retryAfter the {@code Retry-After} header, or {@code null}
   * @param body the body, already bounded by the transport
   * @return the decoded answer, of {@link #answerType}
   */
  public static Object read(DfxEndpoint endpoint, int status, String contentType, String retryAfter, byte[] body) {
    if (status >= 200 && status <= 299) {
      return decodeAnswer(endpoint, status, contentType, body);
    }
    throw failure(endpoint, status, contentType, retryAfter, body);
  }

  /**
   * @param endpoint the endpoint that answered
   * @param status a 2xx status
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param body the body
   * @return a {@link TokenPair}, {@link LoginCodeSent} or {@link ResetPasswordLinkSent}
   * @throws DfxProtocolException when the body is not the promised JSON
   */
  public static Object decodeAnswer(DfxEndpoint endpoint, int status, String contentType, byte[] body) {
    boolean secret = endpoint == DfxEndpoint.RENEW;
    if (contentType != null && !isJson(contentType)) {
      throw protocol(endpoint, status, "answer has content type " + Excerpts.of(mediaType(contentType))
          + ", not " + JSON_MEDIA_TYPE, secret ? null : body);
    }
    if (body == null || body.length == 0) {
      throw protocol(endpoint, status, "answer body is empty", null);
    }
    if (endpoint == DfxEndpoint.RENEW) {
      Object[] v = parseObject(endpoint, status, body, true, TOKEN, REFRESH_TOKEN);
      String token = requireString(endpoint, status, v[0], TOKEN);
      String refresh = requireString(endpoint, status, v[1], REFRESH_TOKEN);
      try {
        return new TokenPair(token, refresh);
      } catch (IllegalArgumentException e) {
        throw protocol(endpoint, status, "answer holds an unusable token pair: " + e.getMessage(), null);
      }
    }
    Object[] v = parseObject(endpoint, status, body, false, SUCCESS);
    if (!(v[0] instanceof Boolean)) {
      throw protocol(endpoint, status, describeMissing(v[0], SUCCESS, "a boolean"), null);
    }
    boolean success = (Boolean) v[0];
    return endpoint == DfxEndpoint.REQUEST_LOGIN_CODE
        ? new LoginCodeSent(success)
        : new ResetPasswordLinkSent(success);
  }

  /**
   * Maps a non-2xx answer. 4xx and 5xx become a {@link DfxApiException} with the server's code and
   * message (either spelling), or {@code HTTP_<status>} and a sanitised excerpt for HTML and empty
   * bodies from proxies; anything else (1xx, 3xx: redirects are never followed) is a {@link
   * DfxProtocolException}.
   *
   * @return the exception, for the caller to throw
   */
  public static DfxException failure(DfxEndpoint endpoint, int status, String contentType, String retryAfter, byte[] body) {
    if (status < 400 || status > 599) {
      String what = status >= 300 && status <= 399
          ? "unexpected redirect (redirects are not followed)"
          : "unexpected status";
      return protocol(endpoint, status, what, body);
    }
    String code = null;
    String message = null;
    if (body != null && body.length > 0 && looksLikeJsonObject(body) && Utf8.isValid(body)) {
      try {
        Object[] v = parseObjectUnchecked(body, CODE, CODE_TYPED, MESSAGE, MESSAGE_TYPED);
        code = scalar(v[0]) != null ? scalar(v[0]) : scalar(v[1]);
        message = v[2] instanceof String ? (String) v[2] : v[3] instanceof String ? (String) v[3] : null;
      } catch (IOException | RuntimeException notJson) {
        code = null;
        message = null;
      }
    }
    String cleanCode = code == null ? "" : sanitizeCode(code);
    if (cleanCode.isEmpty()) {
      cleanCode = "HTTP_" + status;
    }
    String cleanMessage = message != null ? Excerpts.of(message) : Excerpts.of(body);
    return new DfxApiException(endpoint, status, cleanCode, cleanMessage,
        RetryAfter.parse(retryAfter, Clock.systemUTC()).orElse(null));
  }

  /** @return whether a {@code Content-Type} value names JSON ({@code application/json} or {@code +json}) */
  public static boolean isJson(String contentType) {
    String type = mediaType(contentType).toLowerCase(Locale.ROOT);
    return type.equals(JSON_MEDIA_TYPE) || (type.startsWith("application/") && type.endsWith("+json"));
  }

  // ---------------------------------------------------------------- server side (testkit)

  /**
   * Reads a request body the way the DFX server would.
   *
   * @param endpoint which request
   * @param body the JSON body
   * @return a {@link TokenPair}, {@link LoginCodeRequest} or {@link ResetPasswordLinkRequest}
   * @throws IllegalArgumentException when the body is not JSON, lacks a field or a field breaks its rule
   */
  public static Object decodeRequest(DfxEndpoint endpoint, byte[] body) {
    String[] names;
    switch (endpoint) {
      case RENEW:
        names = new String[] {TOKEN, REFRESH_TOKEN};
        break;
      case REQUEST_LOGIN_CODE:
        names = new String[] {PHONE_NUMBER, IDENTIFIER};
        break;
      default:
        names = new String[] {EMAIL, IDENTIFIER};
        break;
    }
    Object[] v;
    try {
      if (body == null || !Utf8.isValid(body)) {
        throw new IllegalArgumentException("request body is not UTF-8 JSON");
      }
      v = parseObjectUnchecked(body, names);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not a JSON object");
    }
    for (int i = 0; i < names.length; i++) {
      if (!(v[i] instanceof String)) {
        throw new IllegalArgumentException(names[i] + " is missing or not a string");
      }
    }
    switch (endpoint) {
      case RENEW:
        return new TokenPair((String) v[0], (String) v[1]);
      case REQUEST_LOGIN_CODE:
        return new LoginCodeRequest((String) v[0], (String) v[1]);
      default:
        return new ResetPasswordLinkRequest((String) v[0], (String) v[1]);
    }
  }

  /**
   * @param answer a {@link TokenPair}, {@link LoginCodeSent} or {@link ResetPasswordLinkSent}
   * @return its JSON body as the DFX server writes it
   */
  public static byte[] encodeAnswer(Object answer) {
    if (answer instanceof TokenPair p) {
      return object(TOKEN, p.token(), REFRESH_TOKEN, p.refreshToken());
    }
    boolean success;
    if (answer instanceof LoginCodeSent s) {
      success = s.success();
    } else if (answer instanceof ResetPasswordLinkSent s) {
      success = s.success();
    } else {
      throw new IllegalArgumentException("not an Auths answer: "
          + (answer == null ? "null" : answer.getClass().getName()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeBooleanField(SUCCESS, success);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** @return an error body as the DFX server writes it: {@code {"Code": ..., "Message": ...}} */
  public static byte[] encodeError(String code, String message) {
    return object(CODE, code, MESSAGE, message);
  }

  // ---------------------------------------------------------------- JSON

  private static byte[] object(String k1, String v1, String k2, String v2) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + v1.length() + v2.length());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField(k1, v1);
      g.writeStringField(k2, v2);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Object[] parseObject(DfxEndpoint endpoint, int status, byte[] body, boolean secret, String... names) {
    if (!Utf8.isValid(body)) {
      throw protocol(endpoint, status, "answer is not valid UTF-8", null);
    }
    try {
      return parseObjectUnchecked(body, names);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw protocol(endpoint, status, "answer is not a valid JSON object" + where, secret ? null : body);
    } catch (IOException e) {
      throw protocol(endpoint, status, "answer could not be read", null);
    }
  }

  /**
   * Values of the named top-level fields of a JSON object: a {@code String}, {@code Boolean} or
   * {@code Number}, {@link #NULL} for JSON null, {@link #WRONG_TYPE} for an object or array, or
   * {@code null} when absent. Unknown fields are skipped.
   */
  private static Object[] parseObjectUnchecked(byte[] body, String... names) throws IOException {
    Object[] values = new Object[names.length];
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseNotObject(p);
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int index = indexOf(names, name);
        if (index < 0) {
          p.skipChildren();
          continue;
        }
        switch (value) {
          case VALUE_STRING:
            values[index] = p.getText();
            break;
          case VALUE_TRUE:
            values[index] = Boolean.TRUE;
            break;
          case VALUE_FALSE:
            values[index] = Boolean.FALSE;
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            values[index] = p.getNumberValue();
            break;
          case VALUE_NULL:
            values[index] = NULL;
            break;
          default:
            values[index] = WRONG_TYPE;
            p.skipChildren();
            break;
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new JsonParseNotObject(p);
      }
    }
    return values;
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String requireString(DfxEndpoint endpoint, int status, Object value, String field) {
    if (value instanceof String s) {
      return s;
    }
    throw protocol(endpoint, status, describeMissing(value, field, "a string"), null);
  }

  private static String describeMissing(Object value, String field, String expected) {
    if (value == null) {
      return "answer lacks \"" + field + "\"";
    }
    if (value == NULL) {
      return "answer has \"" + field + "\": null";
    }
    return "answer's \"" + field + "\" is not " + expected;
  }

  private static String scalar(Object value) {
    if (value instanceof String || value instanceof Number) {
      return value.toString();
    }
    return null;
  }

  private static String sanitizeCode(String raw) {
    String code = Excerpts.of(raw);
    StringBuilder b = new StringBuilder(Math.min(code.length(), MAX_CODE));
    for (int i = 0; i < code.length() && b.length() < MAX_CODE; i++) {
      char c = code.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.') {
        b.append(c);
      } else if (c == ' ' && b.length() > 0) {
        b.append('_');
      }
    }
    return b.toString();
  }

  private static boolean looksLikeJsonObject(byte[] body) {
    for (byte b : body) {
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  private static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
  }

  private static DfxProtocolException protocol(DfxEndpoint endpoint, int status, String what, byte[] excerptOf) {
    String excerpt = excerptOf == null ? "" : Excerpts.of(excerptOf);
    return new DfxProtocolException(endpoint, status, excerpt.isEmpty() ? what : what + ": " + excerpt);
  }

  /** The body parsed, but is not exactly one JSON object. */
  private static final class JsonParseNotObject extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    JsonParseNotObject(JsonParser p) {
      super("not a single JSON object", p.currentLocation(), null);
    }
  }
}
