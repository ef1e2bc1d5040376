package io.github.dfxclient.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The request object and request IDs, byte for byte. */
class FramesTest {

  private static String object(String body, Map<String, String> params, Map<String, String> query) {
    return new String(Frames.requestObject(body == null ? null : body.getBytes(StandardCharsets.UTF_8), params, query),
        StandardCharsets.UTF_8);
  }

  @Test
  void theBodyIsTheRequestObjectWhenThereAreNoParameters() {
    assertThat(object("{\"Token\":\"t\"}", Map.of(), Map.of())).isEqualTo("{\"Token\":\"t\"}");
    assertThat(object(null, Map.of(), Map.of())).isEqualTo("{}");
  }

  @Test
  void pathParametersGoUnderParamsAndTheQueryUnderQuery() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("orgId", "a/b");
    params.put("x", "ü");
    assertThat(object(null, params, Map.of())).isEqualTo("{\"Params\":{\"orgId\":\"a/b\",\"x\":\"ü\"}}");
    assertThat(object("{\"A\":1}", Map.of("id", "7"), Map.of("limit", "5")))
        .isEqualTo("{\"A\":1,\"Params\":{\"id\":\"7\"},\"Query\":{\"limit\":\"5\"}}");
    assertThat(object("{}", Map.of("id", "7"), Map.of())).isEqualTo("{\"Params\":{\"id\":\"7\"}}");
    assertThat(object("{ \"A\" : 1 } \n", Map.of(), Map.of("q", "1"))).isEqualTo("{ \"A\" : 1 ,\"Query\":{\"q\":\"1\"}} \n");
  }

  @Test
  void stringsAreEscapedAsJson() {
    assertThat(object(null, Map.of("k", "q\"b\\s\n\u0001é😀"), Map.of()))
        .isEqualTo("{\"Params\":{\"k\":\"q\\\"b\\\\s\\u000a\\u0001é😀\"}}");
  }

  @Test
  void requestIdsStartWithTheActionIdAndDifferWithinASocket() {
    Set<String> ids = new HashSet<>();
    for (long i = 0; i < 10_000; i++) {
      byte[] frame = {'2', '3', '0', '4', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{', '}'};
      String id = Frames.writeId(frame, i);
      assertThat(id).matches("2304[A-Za-z]{6}");
      assertThat(new String(frame, 4, 10, StandardCharsets.US_ASCII)).isEqualTo(id);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
    byte[] frame = new byte[16];
    System.arraycopy("0705".getBytes(StandardCharsets.US_ASCII), 0, frame, 0, 4);
    assertThat(Frames.writeId(frame, Frames.IDS_PER_SOCKET - 1)).isEqualTo("0705zzzzzz");
    assertThat(Frames.writeId(frame, Frames.IDS_PER_SOCKET)).isEqualTo("0705AAAAAA");
  }

  @Test
  void theReconnectBackoffDoublesFromTheSecondFailureAndResets() {
    Backoff b = new Backoff(100, 1000);
    assertThat(b.delayNanos()).isZero();
    b.failed();
    assertThat(b.delayNanos()).isEqualTo(100);
    b.failed();
    assertThat(b.delayNanos()).isEqualTo(200);
    for (int i = 0; i < 50; i++) {
      b.failed();
    }
    assertThat(b.delayNanos()).isEqualTo(1000);
    b.succeeded();
    assertThat(b.delayNanos()).isZero();
  }
}
