package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import java.time.Clock;
import java.util.Locale;

/**
 * Reads any answer: a 2xx body becomes the operation's answer through its codec; an error status
 * becomes the matching {@link DfxException}. Error bodies are read in both spellings ({@code
 * Code}/{@code Message} and {@code errorCode}/{@code message}); proxies' HTML and empty bodies give
 * {@code HTTP_<status>} and a sanitised excerpt. A secret answer is never quoted.
 */
public final class Answers {
  /** The media type of every request and answer body. */
  public static final String JSON_MEDIA_TYPE = "application/json";

  private static final int MAX_CODE = 64;

  private Answers() {}

  /**
   * @param op the operation that answered
   * @param response the answer
   * @param <A> the answer type
   * @return the decoded answer
   * @throws DfxException for an error status or an unusable answer
   */
  public static <A> A read(DfxOperation<?, A> op, DfxHttpResponse response) {
    return read(op, response, java.util.List::of);
  }

  /**
   * @param op the operation that answered
   * @param response the answer
   * @param secrets the exact secrets the call carried, asked only when an error is described
   * @param <A> the answer type
   * @return the decoded answer
   * @throws DfxException for an error status or an unusable answer
   */
  public static <A> A read(DfxOperation<?, A> op, DfxHttpResponse response,
      java.util.function.Supplier<java.util.Collection<String>> secrets) {
    int status = response.status();
    if (status < 200 || status > 299) {
      throw failure(op, status, response.header("Retry-After"), response.body(), secrets.get());
    }
    byte[] body = response.body();
    boolean secret = op.secretAnswer();
    String contentType = response.header("Content-Type");
    if (contentType != null && !isJson(contentType)) {
      throw protocol(op, status, "answer has content type " + Excerpts.of(mediaType(contentType))
          + ", not " + JSON_MEDIA_TYPE, secret ? null : body, secrets);
    }
    if (body.length == 0) {
      throw protocol(op, status, "answer body is empty", null, secrets);
    }
    try {
      return op.answer().decode(body);
    } catch (Json.Malformed e) {
      throw protocol(op, status, "answer " + e.getMessage(), secret ? null : body, secrets);
    } catch (IllegalArgumentException e) {
      throw protocol(op, status, "unusable answer: " + e.getMessage(), null, secrets);
    }
  }

  /**
   * Maps a non-2xx answer: 4xx and 5xx become a {@link DfxApiException}, anything else (1xx, 3xx:
   * redirects are never followed) a {@link DfxProtocolException}.
   */
  static DfxException failure(DfxOperation<?, ?> op, int status, String retryAfter, byte[] body,
      java.util.Collection<String> secrets) {
    if (status < 400 || status > 599) {
      String what = status >= 300 && status <= 399
          ? "unexpected redirect (redirects are not followed)"
          : "unexpected status";
      return protocol(op, status, what, body, () -> secrets);
    }
    String code = null;
    String message = null;
    if (body.length > 0 && looksLikeJsonObject(body)) {
      try {
        Object[] v = Json.fields(body, "Code", "errorCode", "Message", "message");
        code = Json.scalarText(v[0]) != null ? Json.scalarText(v[0]) : Json.scalarText(v[1]);
        message = v[2] instanceof String ? (String) v[2] : v[3] instanceof String ? (String) v[3] : null;
      } catch (IllegalArgumentException notJson) {
        code = null;
        message = null;
      }
    }
    String cleanCode = code == null ? "" : sanitizeCode(code, secrets);
    if (cleanCode.isEmpty()) {
      cleanCode = "HTTP_" + status;
    }
    String cleanMessage = message != null ? Excerpts.of(message, secrets) : Excerpts.of(body, secrets);
    return new DfxApiException(op, status, cleanCode, cleanMessage,
        RetryAfter.parse(retryAfter, Clock.systemUTC()).orElse(null));
  }

  /**
   * @param contentType a {@code Content-Type} value
   * @return whether it names JSON ({@code application/json} or {@code application/...+json})
   */
  public static boolean isJson(String contentType) {
    String type = mediaType(contentType).toLowerCase(Locale.ROOT);
    return type.equals(JSON_MEDIA_TYPE) || (type.startsWith("application/") && type.endsWith("+json"));
  }

  private static String sanitizeCode(String raw, java.util.Collection<String> secrets) {
    String code = Excerpts.of(raw, secrets);
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

  private static DfxProtocolException protocol(DfxOperation<?, ?> op, int status, String what, byte[] excerptOf,
      java.util.function.Supplier<java.util.Collection<String>> secrets) {
    String excerpt = excerptOf == null ? "" : Excerpts.of(excerptOf, secrets.get());
    return new DfxProtocolException(op, status, excerpt.isEmpty() ? what : what + ": " + excerpt);
  }
}
