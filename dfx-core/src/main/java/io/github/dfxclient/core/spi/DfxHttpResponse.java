package io.github.dfxclient.core.spi;

import java.util.List;
import java.util.Map;

/**
 * An HTTP answer, as a {@link DfxTransport} returns it to the engine: the status, the headers and
 * the whole body (already bounded by {@link DfxHttpRequest#maxAnswerBytes()}).
 *
 * @param status the HTTP status
 * @param headers the headers; names are matched without regard to case by {@link #header}
 * @param body the body, empty when there was none
 */
public record DfxHttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

  /**
   * Checks the values; a {@code null} body becomes an empty one.
   *
   * @param status see the record component
   * @param headers see the record component
   * @param body see the record component
   */
  public DfxHttpResponse {
    if (headers == null) {
      headers = Map.of();
    }
    if (body == null) {
      body = new byte[0];
    }
  }

  /**
   * @param name a header name, in any case
   * @return its first value, or {@code null} when absent
   */
  public String header(String name) {
    List<String> values = headers.get(name);
    if (values == null) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
          values = e.getValue();
          break;
        }
      }
    }
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** @return the status and the body's size: the body may hold secrets */
  @Override
  public String toString() {
    return "DfxHttpResponse[" + status + ", " + body.length + " bytes]";
  }
}
