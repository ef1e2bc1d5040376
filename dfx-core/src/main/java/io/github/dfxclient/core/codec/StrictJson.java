package io.github.dfxclient.core.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one path every JSON body is read by, and the generator every codec writes with: the rules of
 * the package documentation, in one place.
 */
final class StrictJson {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private StrictJson() {}

  /**
   * Checks what can be checked before parsing and opens a parser on the object.
   *
   * @param body the whole body
   * @return a parser whose next token is the object's {@code START_OBJECT}
   * @throws MalformedJsonException when the body cannot be one UTF-8 JSON object
   */
  static JsonParser open(byte[] body) {
    if (body == null || body.length == 0) {
      throw new MalformedJsonException("body is empty");
    }
    int start = bomLength(body);
    int i = start;
    while (i < body.length && isWhitespace(body[i])) {
      i++;
    }
    if (i == body.length) {
      throw new MalformedJsonException("body is empty");
    }
    if (body[i] != '{') {
      throw new MalformedJsonException("body is not a JSON object");
    }
    // a JSON text never holds a raw NUL, and without one jackson cannot mistake the bytes for UTF-16/32
    if (!isUtf8WithoutNul(body, start)) {
      throw new MalformedJsonException("body is not valid UTF-8");
    }
    try {
      return FACTORY.createParser(body, start, body.length - start);
    } catch (IOException e) {
      throw new MalformedJsonException("body could not be read");
    }
  }

  /** @return the exception for a parser failure, with its line and column, never the text */
  static MalformedJsonException malformed(IOException e) {
    if (!(e instanceof JsonProcessingException p)) {
      return new MalformedJsonException("body could not be read");
    }
    JsonLocation at = p.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    String original = p.getOriginalMessage();
    if (original != null && original.startsWith("Duplicate")) {
      return new MalformedJsonException("body repeats a field" + where);
    }
    return new MalformedJsonException("body is not a valid JSON object" + where);
  }

  /** @return 3 when {@code body} starts with the UTF-8 byte-order mark, else 0 */
  static int bomLength(byte[] body) {
    return body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
        ? 3 : 0;
  }

  /** JSON white space: space, tab, line feed, carriage return (RFC 8259, section 2). */
  static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  /** Eight bytes of a byte array as one long, for the ASCII fast path (byte order does not matter). */
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x0101010101010101L;

  /** Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF) and no NUL byte. */
  static boolean isUtf8WithoutNul(byte[] b, int from) {
    int i = from;
    int n = b.length;
    while (i < n) {
      // eight ASCII bytes at a time: no high bit set and no zero byte (the classic "has a zero
      // byte" test, exact when no high bit is set)
      while (i <= n - 8) {
        long w = (long) LONGS.get(b, i);
        if ((w & HIGH_BITS) != 0 || ((w - LOW_BITS) & ~w & HIGH_BITS) != 0) {
          break;
        }
        i += 8;
      }
      if (i >= n) {
        break;
      }
      int c = b[i];
      if (c > 0) {
        i++;
        continue;
      }
      if (c == 0) {
        return false;
      }
      c &= 0xff;
      int need;
      int min;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + need >= n) {
        return false;
      }
      int cp = c & (0x3f >> need);
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return false;
      }
      i += need + 1;
    }
    return true;
  }

  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;
  private static final long SPACES = 0x2020202020202020L;
  private static final long QUESTION_MARKS = 0x3f3f3f3f3f3f3f3fL;

  /**
   * Writes a string value as the generator's {@code writeString} does, byte for byte: an ASCII
   * string with nothing to escape (no {@code "}, no {@code \}, no control character: tokens, IDs,
   * most names) is copied as it is, eight bytes checked at a time; any other goes through the
   * generator's own escaping. A {@code ?} also takes the generator's path: it is what the encoder
   * writes for an unpaired surrogate, which the generator handles its own way.
   *
   * @param g the generator
   * @param value the string, never {@code null}
   * @throws IOException as the generator does
   */
  static void writeString(JsonGenerator g, String value) throws IOException {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    if (b.length != value.length() || !plainAscii(b)) {
      g.writeString(value);
      return;
    }
    g.writeRawUTF8String(b, 0, b.length);
  }

  /**
   * @param b bytes all below 0x80 (an ASCII string's)
   * @return whether none needs escaping in a JSON string (no {@code "}, no {@code \}, none below
   *     0x20) and none is a {@code ?}
   */
  static boolean plainAscii(byte[] b) {
    int i = 0;
    int n = b.length;
    for (; i <= n - 8; i += 8) {
      long w = (long) LONGS.get(b, i);
      // with every byte below 0x80, each test is exact: a zero byte of w ^ c, a byte of w below 0x20
      long quote = w ^ QUOTES;
      long backslash = w ^ BACKSLASHES;
      long question = w ^ QUESTION_MARKS;
      long found = ((quote - LOW_BITS) & ~quote) | ((backslash - LOW_BITS) & ~backslash)
          | ((question - LOW_BITS) & ~question) | ((w - SPACES) & ~w);
      if ((found & HIGH_BITS) != 0) {
        return false;
      }
    }
    for (; i < n; i++) {
      byte c = b[i];
      if (c < 0x20 || c == '"' || c == '\\' || c == '?') {
        return false;
      }
    }
    return true;
  }

  /**
   * Collects a generator's output: the generator writes its whole buffer once on close for any body
   * of our size, so the result is usually that one copy, of the exact length.
   */
  static final class Bytes extends OutputStream {
    private static final byte[] EMPTY = new byte[0];
    private byte[] buf = EMPTY;
    private int len;

    @Override
    public void write(int b) {
      grow(1);
      buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) {
      if (len == 0 && buf.length == 0) {
        buf = Arrays.copyOfRange(b, off, off + n);
        len = n;
        return;
      }
      grow(n);
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }

    private void grow(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
      }
    }

    byte[] toByteArray() {
      return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }
  }
}
