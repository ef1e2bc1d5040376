package io.github.dfxclient.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request that reached a {@link FakeDfxServer}, as it arrived. {@link #toString()} shows method
 * and path only: headers and bodies carry tokens, phone numbers and e-mail addresses.
 *
 * @param method the HTTP method
 * @param path the path as sent (percent-encoded), without query
 * @param headers the headers, names as sent
 * @param body the body, empty when there was none
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

  /**
   * Copies the headers.
   * @param body the answer body
   * @param headers see the code
   * @param method see the code
   * @param path see the code
   */
  public RecordedRequest {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  /**
   * @param name a header name, in any case
   * @return its first value, or {@code null}
   */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** @return the body as UTF-8 text */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RecordedRequest[" + method + " " + path + "]";
  }
}
