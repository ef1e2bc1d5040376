package io.github.dfxclient.auths;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * An application's own port overrides what it serves; every other method throws {@link
 * UnsupportedOperationException} naming the operation (the AWS SDK v2 convention), so adding an
 * operation to the library breaks no implementation or decorator.
 */
class PortDefaultsTest {
  private static final TokenPair PAIR = new TokenPair("eyJ.a.b", "rt-1");

  /** A decorator that serves renew only, as an application writes one. */
  private static final class RenewOnly implements AuthsPort {
    @Override
    public TokenPair renew(TokenPair current) {
      return current;
    }
  }

  @Test
  void aPortServesWhatItOverridesAndNamesTheRest() {
    AuthsPort port = new RenewOnly();

    assertThatThrownBy(port::authenticate).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("authenticate (GET /auth/v1/authenticate) is not implemented");
    assertThatThrownBy(port::validate).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("validate (GET /auth/v1/validate) is not implemented");
    assertThatThrownBy(() -> port.ssoToken(new SsoTokenRequest("https://a.example/cb", "acme", "c0de")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("ssoToken (POST /auth/v1/sso/token) is not implemented").hasMessageNotContaining("c0de");
    assertThatThrownBy(() -> port.requestLoginCode(new LoginCodeRequest("+15555550123", "acme")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("requestLoginCode (2303 PATCH /auths/users/code) is not implemented");
    assertThatThrownBy(() -> port.generateToken(PAIR)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("generateToken (2305 POST /auths/generateToken)");
    assertThatThrownBy(() -> port.orgClientCredentials("acme")).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("orgClientCredentials (2306 GET /auths/organization/credentials/{orgId})");
    org.assertj.core.api.Assertions.assertThat(port.renew(PAIR)).isSameAs(PAIR);
  }

  @Test
  void anAsyncPortThrowsAtOnce() {
    AsyncAuthsPort port = new AsyncAuthsPort() {};

    assertThatThrownBy(port::authenticate).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("authenticate (GET /auth/v1/authenticate) is not implemented by this AsyncAuthsPort");
    assertThatThrownBy(() -> port.renew(PAIR)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("renew (2304 POST /auths/renew)");
    assertThatThrownBy(() -> port.ssoToken(null)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("ssoToken (POST /auth/v1/sso/token)");
  }
}
