package io.github.dfxclient.transport.jdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.dfxclient.auths.OrgClientCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code baseUri(String)} on the builder: a path prefix is kept, and a mistake gets a message that says the fix. */
class BaseUriTextTest {

  @RegisterExtension
  static final WireMockExtension GATEWAY = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  @Test
  void keepsThePathOfTheBaseUriAsAPrefix() throws Exception {
    GATEWAY.stubFor(get(urlEqualTo("/gw/v2/auths/organization/credentials/acme-health")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody("{\"orgName\":\"Acme\",\"logoURL\":null,\"userPoolId\":null,\"nativeAuthEnabled\":true,"
            + "\"cognitoDomainUrl\":null,\"identityProviders\":[]}")));
    String base = "http://127.0.0.1:" + GATEWAY.getPort() + "/gw/v2";

    try (JdkAuthsAdapter auths = JdkAuthsAdapter.builder().baseUri(base).bearerToken(() -> "user-token").build();
        var async = JdkAuthsAdapter.builder().baseUri(base + "/").bearerToken(() -> "user-token").buildAsync()) {
      assertThat(auths.orgClientCredentials("acme-health")).extracting(OrgClientCredentials::orgName).isEqualTo("Acme");
      assertThat(async.orgClientCredentials("acme-health").get().orgName()).isEqualTo("Acme");
    }

    GATEWAY.verify(2, getRequestedFor(urlEqualTo("/gw/v2/auths/organization/credentials/acme-health"))
        .withHeader("Authorization", equalTo("Bearer user-token")));
  }

  @Test
  void aHostAndPortWithoutSchemeGetsTheFix() {
    assertThatThrownBy(() -> JdkAuthsAdapter.builder().baseUri("127.0.0.1:8080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUri has no scheme: add a scheme: http://127.0.0.1:8080");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:s3cretPass@api.example", "s3cretPass", "https://api.example/?t=s3cretPass",
      "https://s3cretPass example", "ftp://s3cretPass.example"})
  void otherMistakesNameBaseUriAndNeverQuoteIt(String text) {
    assertThatThrownBy(() -> JdkAuthsAdapter.builder().baseUri(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUri").hasMessageNotContaining("s3cretPass");
  }

  @Test
  void plainHttpToAnotherHostIsStillRefusedAtBuild() {
    JdkAuthsAdapter.Builder b = JdkAuthsAdapter.builder().baseUri("http://api.example:8080/gw");

    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri")
        .hasMessageContaining("plain http://");
    assertThat(b.allowPlainHttp(true).build().client().baseUri()).hasToString("http://api.example:8080/gw");
  }
}
