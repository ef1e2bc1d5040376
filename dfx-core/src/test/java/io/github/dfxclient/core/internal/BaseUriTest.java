package io.github.dfxclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BaseUriTest {

  @Test
  void acceptsHttpsAnywhereAndHttpOnLoopback() {
    assertThat(BaseUri.of(URI.create("https://api.deepaffex.ai/"), false).resolve("/auths/renew"))
        .isEqualTo(URI.create("https://api.deepaffex.ai/auths/renew"));
    assertThat(BaseUri.of(URI.create("http://127.0.0.1:8080/prefix"), false).resolve("/auths/renew"))
        .isEqualTo(URI.create("http://127.0.0.1:8080/prefix/auths/renew"));
    assertThat(BaseUri.of(URI.create("http://localhost:1"), false)).isNotNull();
    assertThat(BaseUri.of(URI.create("http://[::1]:1"), false)).isNotNull();
  }

  @Test
  void refusesPlainHttpToOtherHostsUnlessAllowed() {
    assertThatThrownBy(() -> BaseUri.of(URI.create("http://api.deepaffex.ai"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUri");
    assertThatThrownBy(() -> BaseUri.of(URI.create("http://10.0.0.5"), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BaseUri.of(URI.create("http://api.internal"), true)).isNotNull();
  }

  @Test
  void refusesUnusableUris() {
    assertThatThrownBy(() -> BaseUri.of(null, false)).hasMessageContaining("baseUri");
    assertThatThrownBy(() -> BaseUri.of(URI.create("ftp://x"), false)).hasMessageContaining("baseUri");
    assertThatThrownBy(() -> BaseUri.of(URI.create("/relative"), false)).hasMessageContaining("baseUri");
    assertThatThrownBy(() -> BaseUri.of(URI.create("https://u:p@x.io"), false)).hasMessageContaining("baseUri");
  }
}
