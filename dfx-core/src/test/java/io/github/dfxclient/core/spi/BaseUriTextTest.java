package io.github.dfxclient.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ClientSettings#baseUri(String)}: text as it comes from configuration, and messages that say the fix. */
class BaseUriTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://api.deepaffex.ai", "http://127.0.0.1:8080", "http://127.0.0.1:8080/gw/v2",
      "https://gateway.example/dfx/v2/", "http://localhost:1234", "http://[::1]:8080/x", "http://api.example:80"})
  void acceptsAbsoluteHttpUris(String text) {
    assertThat(new ClientSettings().baseUri(text).baseUri()).isEqualTo(URI.create(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1:8080 | baseUri has no scheme: add a scheme: http://127.0.0.1:8080",
      "localhost:8080/gw | baseUri has no scheme: add a scheme: http://localhost:8080/gw",
      "[::1]:9 | baseUri has no scheme: add a scheme: http://[::1]:9",
      "api.deepaffex.ai:443 | baseUri has no scheme: add a scheme: https://api.deepaffex.ai:443",
      "gateway.example:8443/dfx | baseUri has no scheme: add a scheme: https://gateway.example:8443/dfx"})
  void aMissingSchemeGetsTheFix(String text, String message) {
    assertThatThrownBy(() -> new ClientSettings().baseUri(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"user:s3cretPass@api.example", "https://user:s3cretPass@api.example",
      "https://api.example/?token=s3cretPass", "http://api.example/s3cretPass#frag", "ftp://s3cretPass.example",
      "https://s3cretPass example", "http:/s3cretPass", "mailto:s3cretPass@example.org", "https://",
      " https://s3cretPass.example", "s3cretPass", "%zz-s3cretPass", "api.s3cretPass.example",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzM2NyZXRQYXNzIn0.s3cretPass"})
  void otherMistakesNameBaseUriAndNeverQuoteTheText(String text) {
    assertThatThrownBy(() -> new ClientSettings().baseUri(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUri").hasMessageNotContaining("s3cretPass");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void refusesBlankText(String text) {
    assertThatThrownBy(() -> new ClientSettings().baseUri(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUri must not be blank");
    assertThatThrownBy(() -> new ClientSettings().baseUri((String) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUri must not be null");
  }
}
