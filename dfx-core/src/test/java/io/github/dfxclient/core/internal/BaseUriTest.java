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

  /** A path prefix is kept, with or without a trailing slash. */
  @Test
  void keepsAPathPrefix() {
    for (String base : new String[] {"http://127.0.0.1:8080/gw/v2", "http://127.0.0.1:8080/gw/v2/",
        "http://127.0.0.1:8080/gw/v2//"}) {
      assertThat(BaseUri.of(URI.create(base), false).resolve("/auths/renew"))
          .isEqualTo(URI.create("http://127.0.0.1:8080/gw/v2/auths/renew"));
    }
  }

  /** User info, a query or a fragment: refused, saying which, never quoting it. */
  @Test
  void namesWhatABaseUriMustNotCarry() {
    assertThatThrownBy(() -> BaseUri.of(URI.create("https://user:SECRET@x.io/v2"), false))
        .hasMessageContaining("baseUri").hasMessageContaining("user info").hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> BaseUri.of(URI.create("https://x.io/v2?key=SECRET"), false))
        .hasMessageContaining("baseUri").hasMessageContaining("query").hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> BaseUri.of(URI.create("https://x.io/v2#SECRET"), false))
        .hasMessageContaining("baseUri").hasMessageContaining("fragment").hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> BaseUri.of(URI.create("https://x.io/v2?"), false)).hasMessageContaining("query");
  }
}
