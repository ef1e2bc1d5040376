package io.github.dfxclient.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DfxEndpointTest {

  @Test
  void catalogueMatchesTheApi() {
    assertThat(DfxEndpoint.RENEW.actionId()).isEqualTo(2304);
    assertThat(DfxEndpoint.RENEW.method()).isEqualTo("POST");
    assertThat(DfxEndpoint.RENEW.path()).isEqualTo("/auths/renew");
    assertThat(DfxEndpoint.REQUEST_LOGIN_CODE.actionId()).isEqualTo(2303);
    assertThat(DfxEndpoint.REQUEST_LOGIN_CODE.method()).isEqualTo("PATCH");
    assertThat(DfxEndpoint.REQUEST_LOGIN_CODE.path()).isEqualTo("/auths/users/code");
    assertThat(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK.actionId()).isEqualTo(2300);
    assertThat(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK.method()).isEqualTo("PATCH");
    assertThat(DfxEndpoint.REQUEST_RESET_PASSWORD_LINK.path()).isEqualTo("/auths/users/reset");
  }

  @Test
  void findsEndpointByActionId() {
    assertThat(DfxEndpoint.forActionId(2303)).contains(DfxEndpoint.REQUEST_LOGIN_CODE);
    assertThat(DfxEndpoint.forActionId(9999)).isEmpty();
  }
}
