package io.github.dfxclient.transport.websocket;

import io.github.dfxclient.core.spi.DfxHttpRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * DFX's WebSocket frames, byte for byte.
 *
 * <p>A request frame: bytes 0–3 the action ID as 4 ASCII digits (zero-padded), bytes 4–13 the
 * request ID (10 ASCII characters, filled in by the socket that sends it), then the UTF-8 JSON of
 * the request object: the body's fields at the top level, the path parameters under {@code
 * "Params"}, the query under {@code "Query"}; {@code {}} for a request with neither. An answer frame:
 * bytes 0–9 the request ID, 10–12 a 3-digit status, then the JSON answer.
 */
final class Frames {
  /** Length of the action ID. */
  static final int ACTION_LENGTH = 4;
  /** Length of a request ID. */
  static final int ID_LENGTH = 10;
  /** Bytes before a request's JSON: action ID and request ID. */
  static final int REQUEST_HEADER = ACTION_LENGTH + ID_LENGTH;
  /** Bytes before an answer's JSON: request ID and status. */
  static final int ANSWER_HEADER = ID_LENGTH + 3;

  private static final byte[] EMPTY_OBJECT = {'{', '}'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** The characters of a request ID after its action ID, as the official JavaScript client draws them. */
  private static final byte[] LETTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
  /** How many distinct request IDs one socket draws before it reuses one: 52^6. */
  static final long IDS_PER_SOCKET = 19_770_609_664L;

  private Frames() {}

  /**
   * @param request a request whose operation has an action ID
   * @return its request frame, with the request ID (bytes 4–13) still zero
   */
  static byte[] request(DfxHttpRequest request) {
    byte[] json = requestObject(request.body(), request.pathParameters(), request.query());
    byte[] frame = new byte[REQUEST_HEADER + json.length];
    int action = request.actionId();
    frame[0] = (byte) ('0' + action / 1000 % 10);
    frame[1] = (byte) ('0' + action / 100 % 10);
    frame[2] = (byte) ('0' + action / 10 % 10);
    frame[3] = (byte) ('0' + action % 10);
    System.arraycopy(json, 0, frame, REQUEST_HEADER, json.length);
    return frame;
  }

  /**
   * Writes a request ID into a frame: its action ID's 4 digits (as the official JavaScript client
   * does), then the socket's sequence number as 6 letters. Unique among a socket's requests in
   * flight as long as fewer than {@link #IDS_PER_SOCKET} are.
   *
   * @param frame the request frame
   * @param sequence the socket's sequence number of this request
   * @return the request ID, as the answer echoes it
   */
  static String writeId(byte[] frame, long sequence) {
    System.arraycopy(frame, 0, frame, ACTION_LENGTH, ACTION_LENGTH);
    long n = Math.floorMod(sequence, IDS_PER_SOCKET);
    for (int i = REQUEST_HEADER - 1; i >= ACTION_LENGTH + ACTION_LENGTH; i--) {
      frame[i] = LETTERS[(int) (n % LETTERS.length)];
      n /= LETTERS.length;
    }
    return new String(frame, ACTION_LENGTH, ID_LENGTH, StandardCharsets.ISO_8859_1);
  }

  /**
   * The request object: the body's fields at the top level, then {@code "Params"} and {@code
   * "Query"} when there are any.
   *
   * @param body the engine's JSON body (one object), or {@code null}
   * @param params path parameters by name, unencoded
   * @param query query parameters by name, unencoded
   * @return the UTF-8 JSON object
   */
  static byte[] requestObject(byte[] body, Map<String, String> params, Map<String, String> query) {
    if (params.isEmpty() && query.isEmpty()) {
      return body == null ? EMPTY_OBJECT : body;
    }
    ByteArrayOutputStream extra = new ByteArrayOutputStream(64);
    if (!params.isEmpty()) {
      member(extra, "Params", params);
    }
    if (!query.isEmpty()) {
      if (!params.isEmpty()) {
        extra.write(',');
      }
      member(extra, "Query", query);
    }
    byte[] more = extra.toByteArray();
    if (body == null) {
      byte[] out = new byte[more.length + 2];
      out[0] = '{';
      System.arraycopy(more, 0, out, 1, more.length);
      out[out.length - 1] = '}';
      return out;
    }
    int close = lastNonSpace(body, body.length - 1);
    if (close < 0 || body[close] != '}') {
      throw new IllegalArgumentException("body must be one JSON object");
    }
    boolean emptyObject = lastNonSpace(body, close - 1) >= 0 && body[lastNonSpace(body, close - 1)] == '{';
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + more.length + 1);
    out.write(body, 0, close);
    if (!emptyObject) {
      out.write(',');
    }
    out.write(more, 0, more.length);
    out.write(body, close, body.length - close);
    return out.toByteArray();
  }

  private static int lastNonSpace(byte[] b, int from) {
    int i = from;
    while (i >= 0 && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
      i--;
    }
    return i;
  }

  private static void member(ByteArrayOutputStream out, String name, Map<String, String> values) {
    string(out, name);
    out.write(':');
    out.write('{');
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      string(out, e.getKey());
      out.write(':');
      string(out, e.getValue());
    }
    out.write('}');
  }

  /** Writes a JSON string: UTF-8, with {@code "}, {@code \} and control characters escaped. */
  private static void string(ByteArrayOutputStream out, String s) {
    out.write('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        writeUtf8(out, s, start, i);
        out.write('\\');
        if (c == '"' || c == '\\') {
          out.write(c);
        } else {
          out.write('u');
          out.write('0');
          out.write('0');
          out.write(HEX[c >> 4]);
          out.write(HEX[c & 0xf]);
        }
        start = i + 1;
      }
    }
    writeUtf8(out, s, start, s.length());
    out.write('"');
  }

  private static void writeUtf8(ByteArrayOutputStream out, String s, int from, int to) {
    if (from < to) {
      byte[] b = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
    }
  }

  /**
   * @param b bytes
   * @param from where the digits start
   * @param count how many
   * @return the number they spell, or -1 when one is not an ASCII digit
   */
  static int digits(byte[] b, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return -1;
      }
      n = n * 10 + (b[i] - '0');
    }
    return n;
  }

  /** The answer headers the engine reads: an answer frame's JSON, as the REST API labels it. */
  static final Map<String, List<String>> ANSWER_HEADERS =
      Map.of("Content-Type", List.of("application/json; charset=utf-8"));
}
