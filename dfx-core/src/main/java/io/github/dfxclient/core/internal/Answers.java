package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.codec.JsonField;
import io.github.dfxclient.core.codec.JsonFieldException;
import io.github.dfxclient.core.codec.JsonObjectCodec;
import io.github.dfxclient.core.codec.MalformedJsonException;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads any answer: a 2xx body becomes the operation's answer through its codec; an error status
 * becomes the matching {@link DfxException}. Error bodies are read in both spellings ({@code
 * Code}/{@code Message} and {@code errorCode}/{@code message}); proxies' HTML and empty bodies give
 * {@code HTTP_<status>} and a sanitised excerpt. A secret answer is never quoted. Every body, success
 * and error alike, is read by the codec layer's one strict path (a leading byte-order mark and
 * white space accepted), and every exception names the URI requested.
 */
public final class Answers {
  /** The media type of every request and answer body. */
  public static final String JSON_MEDIA_TYPE = "application/json";

  private static final int MAX_CODE = 64;

  /** An error body: {@code {"Code","Message"}} as the server writes it, or {@code {"errorCode","message"}}. */
  private record ErrorBody(Object code, Object errorCode, Object message, Object lowerMessage) {}

  private static final JsonField<Object> CODE = JsonField.any("Code").optional();
  private static final JsonField<Object> ERROR_CODE = JsonField.any("errorCode").optional();
  private static final JsonField<Object> MESSAGE = JsonField.any("Message").optional();
  private static final JsonField<Object> LOWER_MESSAGE = JsonField.any("message").optional();
  private static final JsonObjectCodec<ErrorBody> ERROR_BODY = JsonObjectCodec.<ErrorBody>builder()
      .field(CODE, ErrorBody::code)
      .field(ERROR_CODE, ErrorBody::errorCode)
      .field(MESSAGE, ErrorBody::message)
      .field(LOWER_MESSAGE, ErrorBody::lowerMessage)
      .build(in -> new ErrorBody(in.get(CODE), in.get(ERROR_CODE), in.get(MESSAGE), in.get(LOWER_MESSAGE)));

  private Answers() {}

  /**
   * @param op the operation that answered
   * @param response the answer
   * @param <A> the answer type
   * @return the decoded answer
   * @throws DfxException for an error status or an unusable answer
   */
  public static <A> A read(DfxOperation<?, A> op, DfxHttpResponse response) {
    return read(op, null, response, List::of);
  }

  /**
   * @param op the operation that answered
   * @param target the URI requested, named in every exception (or {@code null})
   * @param response the answer
   * @param secrets the exact secrets the call carried, asked only when an error is described
   * @param <A> the answer type
   * @return the decoded answer
   * @throws DfxException for an error status or an unusable answer
   */
  public static <A> A read(DfxOperation<?, A> op, URI target, DfxHttpResponse response,
      Supplier<Collection<String>> secrets) {
    int status = response.status();
    if (status < 200 || status > 299) {
      throw failure(op, target, status, response.header("Retry-After"), response.body(), secrets.get());
    }
    byte[] body = response.body();
    boolean secret = op.secretAnswer();
    String contentType = response.header("Content-Type");
    if (contentType != null && !isJson(contentType)) {
      throw protocol(op, target, status, "answer has content type " + Excerpts.of(mediaType(contentType))
          + ", not " + JSON_MEDIA_TYPE, secret ? null : body, secrets);
    }
    if (body.length == 0) {
      throw protocol(op, target, status, "answer body is empty", null, secrets);
    }
    try {
      return op.answer().decode(body);
    } catch (MalformedJsonException e) {
      throw protocol(op, target, status, "answer " + e.getMessage(), secret ? null : body, secrets);
    } catch (JsonFieldException e) {
      throw protocol(op, target, status, "answer " + e.getMessage(), null, secrets);
    } catch (IllegalArgumentException e) {
      throw protocol(op, target, status, "unusable answer: " + e.getMessage(), null, secrets);
    }
  }

  /**
   * Maps a non-2xx answer: 4xx and 5xx become a {@link DfxApiException}, anything else (1xx, 3xx:
   * redirects are never followed) a {@link DfxProtocolException}.
   */
  static DfxException failure(DfxOperation<?, ?> op, URI target, int status, String retryAfter, byte[] body,
      Collection<String> secrets) {
    if (status < 400 || status > 599) {
      String what = status >= 300 && status <= 399
          ? "unexpected redirect (redirects are not followed)"
          : "unexpected status";
      return protocol(op, target, status, what, body, () -> secrets);
    }
    String code = null;
    String message = null;
    if (body.length > 0) {
      try {
        ErrorBody e = ERROR_BODY.decode(body);
        code = scalarText(e.code()) != null ? scalarText(e.code()) : scalarText(e.errorCode());
        message = e.message() instanceof String m ? m : e.lowerMessage() instanceof String m ? m : null;
      } catch (IllegalArgumentException notJson) {
        // an HTML page, plain text or broken JSON: HTTP_<status> and an excerpt
        code = null;
        message = null;
      }
    }
    String cleanCode = code == null ? "" : sanitizeCode(code, secrets);
    if (cleanCode.isEmpty()) {
      cleanCode = "HTTP_" + status;
    }
    String cleanMessage = message != null ? Excerpts.of(message, secrets) : Excerpts.of(body, secrets);
    return new DfxApiException(op, target, status, cleanCode, cleanMessage,
        RetryAfter.parse(retryAfter, Clock.systemUTC()).orElse(null));
  }

  /**
   * @param contentType a {@code Content-Type} value
   * @return whether it names JSON ({@code application/json} or {@code application/...+json})
   */
  public static boolean isJson(String contentType) {
    // the media type is the part before any parameter, without the white space around it (RFC 9110
    // §8.3.1), compared without regard to case; no copy is made of it
    int end = contentType.indexOf(';');
    end = end < 0 ? contentType.length() : end;
    int start = 0;
    while (start < end && isOws(contentType.charAt(start))) {
      start++;
    }
    while (end > start && isOws(contentType.charAt(end - 1))) {
      end--;
    }
    int length = end - start;
    if (length == JSON_MEDIA_TYPE.length() && asciiEqualsIgnoreCase(contentType, start, JSON_MEDIA_TYPE)) {
      return true;
    }
    return length >= APPLICATION.length() + SUFFIX.length()
        && asciiEqualsIgnoreCase(contentType, start, APPLICATION)
        && asciiEqualsIgnoreCase(contentType, end - SUFFIX.length(), SUFFIX);
  }

  /**
   * Whether {@code s} holds {@code lowerCase} at {@code at}, ASCII letters compared without regard
   * to case and nothing else folded ({@code String.regionMatches} would also match, e.g., a dotless
   * {@code ı} with {@code i}).
   */
  private static boolean asciiEqualsIgnoreCase(String s, int at, String lowerCase) {
    for (int k = 0; k < lowerCase.length(); k++) {
      char c = s.charAt(at + k);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lowerCase.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static final String APPLICATION = "application/";
  private static final String SUFFIX = "+json";

  /** Optional white space: SP and HTAB (RFC 9110 §5.6.3), and what {@code String.trim} also drops. */
  private static boolean isOws(char c) {
    return c <= ' ';
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

  /** @return a string or a number as text, else {@code null} */
  private static String scalarText(Object value) {
    return value instanceof String || value instanceof Number ? value.toString() : null;
  }

  private static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
  }

  private static DfxProtocolException protocol(DfxOperation<?, ?> op, URI target, int status, String what,
      byte[] excerptOf, Supplier<Collection<String>> secrets) {
    String excerpt = excerptOf == null ? "" : Excerpts.of(excerptOf, secrets.get());
    return new DfxProtocolException(op, target, status, excerpt.isEmpty() ? what : what + ": " + excerpt);
  }
}
