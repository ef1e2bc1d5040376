package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.core.DfxClient;
import io.github.dfxclient.core.spi.ClientSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin API names an operation by its action ID, or by its name (the only key of an operation
 * without an action ID): scripted failures and request counts are kept per operation.
 */
class AdminByOperationTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> admin(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(DFX.baseUri() + FakeDfxServer.ADMIN_PREFIX + path));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void scriptsAndCountsOperationsWithoutActionIdByName() throws Exception {
    String device = DFX.backend().issuePair("device").token();
    DFX.backend().handle(TransportContract.GET_STATUS, call -> new TransportContract.Item("s", call.requireBearer(), false));
    assertThat(admin("POST", "/failures/get-test-status", "{\"kind\":\"error\",\"status\":418,\"code\":\"TEAPOT\"}")
        .statusCode()).isEqualTo(204);
    assertThat(admin("POST", "/failures/request-login-code", "{\"kind\":\"unavailable\"}").statusCode()).isEqualTo(204);
    assertThat(admin("POST", "/failures/no-such-operation", "{\"kind\":\"unavailable\"}").statusCode()).isEqualTo(400);
    assertThat(admin("POST", "/failures/9999", "{\"kind\":\"unavailable\"}").statusCode()).isEqualTo(400);

    try (DfxClient client = DfxClient.create(new FakeTransport(DFX.backend()),
        new ClientSettings().bearerToken(() -> device))) {
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client.call(TransportContract.GET_STATUS)))
          .hasMessageContaining("TEAPOT").hasMessageContaining("GET /test/status");
      assertThat(client.call(TransportContract.GET_STATUS).name()).isEqualTo("device");
    }

    assertThat(DFX.backend().requestsReceived(TransportContract.GET_STATUS)).isEqualTo(2);
    assertThat(admin("GET", "/requests", null).body()).isEqualTo("{\"get-test-status\":2}");
    assertThat(DFX.backend().requestsReceived(AuthsOperations.REQUEST_LOGIN_CODE)).isZero();
  }
}
