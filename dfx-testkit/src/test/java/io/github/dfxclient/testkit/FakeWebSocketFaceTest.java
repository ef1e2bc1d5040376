package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.TokenPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fake server's WebSocket face as a client that is not dfx-java sees it: the official
 * JavaScript client's in-band login ({@code 0718 {"Token"}}, no header on the upgrade), binary
 * answer frames, 400 "Invalid Route Number" for an unknown action ID, the same backend as HTTP.
 */
class FakeWebSocketFaceTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private final HttpClient http = HttpClient.newHttpClient();
  private final LinkedBlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
  private WebSocket socket;

  @AfterEach
  void close() {
    if (socket != null) {
      socket.abort();
    }
  }

  private void open(String authorization) {
    WebSocket.Builder b = http.newWebSocketBuilder().subprotocols("json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    socket = b.buildAsync(DFX.server().webSocketUri(), new WebSocket.Listener() {
      private byte[] part = new byte[0];

      @Override
      public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] b = new byte[part.length + data.remaining()];
        System.arraycopy(part, 0, b, 0, part.length);
        data.get(b, part.length, data.remaining());
        part = last ? new byte[0] : b;
        if (last) {
          answers.add(b);
        }
        ws.request(1);
        return null;
      }
    }).join();
  }

  /** @return the answer to the frame: "<request ID> <status> <json>" */
  private String exchange(String action, String id, String json) throws InterruptedException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[14 + body.length];
    System.arraycopy((action + id).getBytes(StandardCharsets.US_ASCII), 0, frame, 0, 14);
    System.arraycopy(body, 0, frame, 14, body.length);
    CompletableFuture<WebSocket> sent = socket.sendBinary(ByteBuffer.wrap(frame), true);
    sent.join();
    byte[] a = answers.poll(10, TimeUnit.SECONDS);
    assertThat(a).as("an answer frame").isNotNull();
    return new String(a, 0, 10, StandardCharsets.US_ASCII) + " " + new String(a, 10, 3, StandardCharsets.US_ASCII)
        + " " + new String(a, 13, a.length - 13, StandardCharsets.UTF_8);
  }

  @Test
  void theOfficialClientsInBandLoginAuthenticatesTheSocket() throws Exception {
    TokenPair device = DFX.backend().issuePair("device");
    open(null);

    String refused = exchange("2303", "2303abcdef", "{\"PhoneNumber\":\"+15555550123\",\"Identifier\":\"acme\"}");
    String login = exchange("0718", "0718ghijkl", "{\"Token\":\"" + device.token() + "\"}");
    String sent = exchange("2303", "2303mnopqr", "{\"PhoneNumber\":\"+15555550123\",\"Identifier\":\"acme\"}");

    assertThat(refused).startsWith("2303abcdef 401 ").contains("INVALID_TOKEN");
    assertThat(login).isEqualTo("0718ghijkl 200 {}");
    assertThat(sent).isEqualTo("2303mnopqr 200 {\"success\":true}");
    assertThat(DFX.backend().outbox()).hasSize(1);
    assertThat(DFX.server().webSocketUpgradeAuthorizations()).containsExactly((String) null);
  }

  @Test
  void theBearerOnTheUpgradeAuthenticatesTheSocketAndPathParametersComeFromParams() throws Exception {
    TokenPair user = DFX.backend().issuePair("user-7");
    DFX.backend().addOrganization("acme/ü", new io.github.dfxclient.auths.OrgClientCredentials("Acme Ü", null, "p",
        false, null, java.util.List.of()));
    open("Bearer " + user.token());

    String org = exchange("2306", "2306AAAAAA", "{\"Params\":{\"orgId\":\"acme/ü\"}}");
    String noParams = exchange("2306", "2306AAAAAB", "{}");

    assertThat(org).startsWith("2306AAAAAA 200 {\"orgName\":\"Acme Ü\"");
    assertThat(noParams).startsWith("2306AAAAAB 400 ").contains("INVALID_REQUEST").contains("Params");
  }

  @Test
  void anUnknownActionIdIsAnIncorrectRequestAndTheSameBackendCountsFrames() throws Exception {
    TokenPair device = DFX.backend().issuePair("device");
    open("Bearer " + device.token());

    assertThat(exchange("0999", "0999AAAAAA", "{}"))
        .isEqualTo("0999AAAAAA 400 {\"Code\":\"INCORRECT_REQUEST\",\"Message\":\"Invalid Route Number\"}");
    assertThat(exchange("2304", "2304AAAAAA", "{\"Token\":\"" + device.token() + "\",\"RefreshToken\":\""
        + device.refreshToken() + "\"}")).startsWith("2304AAAAAA 200 {\"Token\":\"");
    assertThat(DFX.backend().requestsReceived(io.github.dfxclient.auths.AuthsOperations.RENEW)).isEqualTo(1);
    assertThat(DFX.backend().isCurrent(device)).isFalse();
    assertThat(DFX.server().webSocketFrames()).hasSize(2);
    assertThat(DFX.server().webSocketsOpened()).isEqualTo(1);
  }
}
