package io.github.dfxclient.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.testkit.ApiBaseline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The WebSocket transport's public API against {@code api/dfx-transport-websocket.txt} (see {@link ApiBaseline}). */
class WebSocketApiTest {

  @Test
  void publicApiMatchesTheRecordedBaseline() throws Exception {
    var api = ApiBaseline.of(WebSocketTransport.class, "io.github.dfxclient.transport.websocket");

    assertThat(ApiBaseline.differences(api, Path.of("../api/dfx-transport-websocket.txt"))).isEmpty();
  }
}
