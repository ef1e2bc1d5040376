package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dfxclient.auths.AuthsOperations;
import io.github.dfxclient.auths.LoginCodeRequest;
import io.github.dfxclient.auths.LoginCodeSent;
import io.github.dfxclient.core.DfxApiException;
import io.github.dfxclient.core.DfxCodec;
import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxOperation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The in-memory fake runs the request encoding too: a codec that writes the wrong JSON is refused by
 * the fake exactly as the server would refuse it. (The first FakeAuths handed the request object to
 * the backend directly, so this bug passed in memory and failed only over HTTP.)
 */
class InMemoryEncodingTest {

  /** The 2303 request with a misspelt field, as a codec bug would write it. */
  private static final DfxCodec<LoginCodeRequest> MISSPELT = new DfxCodec<>() {
    @Override
    public byte[] encode(LoginCodeRequest r) {
      return ("{\"Phone\":\"" + r.phoneNumber() + "\",\"Identifier\":\"" + r.identifier() + "\"}")
          .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public LoginCodeRequest decode(byte[] json) {
      throw new UnsupportedOperationException("client side only");
    }
  };

  private static final DfxOperation<LoginCodeRequest, LoginCodeSent> BROKEN =
      DfxOperation.<LoginCodeRequest, LoginCodeSent>builder(DfxEndpoint.REQUEST_LOGIN_CODE)
          .requestBody(MISSPELT)
          .answer(AuthsOperations.REQUEST_LOGIN_CODE.answer())
          .build();

  @Test
  void aRequestEncodingBugFailsInMemory() {
    FakeAuths fake = new FakeAuths();

    DfxApiException e = catchThrowableOfType(DfxApiException.class,
        () -> fake.client().call(BROKEN, new LoginCodeRequest("+15555550123", "acme")));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("INVALID_REQUEST");
    assertThat(e.serverMessage()).contains("PhoneNumber");
    assertThat(fake.backend().outbox()).isEmpty();
    assertThat(fake.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")).success()).isTrue();
  }
}
