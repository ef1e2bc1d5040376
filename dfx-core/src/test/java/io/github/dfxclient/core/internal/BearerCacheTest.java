package io.github.dfxclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerCacheTest {

  @Test
  void theSameTokenGivesTheSameHeaderValueAndEveryOtherTokenIsCheckedAgain() {
    Bearer.Cache cache = new Bearer.Cache();
    String first = new String("eyJ.first.token");
    String header = cache.headerValue(first);
    assertThat(header).isEqualTo("Bearer eyJ.first.token");
    assertThat(cache.headerValue(first)).isSameAs(header);

    // a rotated token is checked, even right after a cached one
    assertThatThrownBy(() -> cache.headerValue("bad token")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bearerToken").hasMessageNotContaining("bad token");
    assertThat(cache.headerValue(new String("eyJ.second"))).isEqualTo("Bearer eyJ.second");
    assertThat(cache.headerValue("  ")).isNull();
    assertThat(cache.headerValue(null)).isNull();
    // an equal token in another String is found by content, not confused with another
    assertThat(cache.headerValue(new String("eyJ.first.token"))).isEqualTo(header);
  }

  @Test
  void theHeadersOfARequestAreBuiltOncePerTokenInTheOrderTheyAreSent() {
    Bearer.Cache cache = new Bearer.Cache("dfx-java/test");
    String token = new String("eyJ.first.token");
    Bearer.Cache.Checked checked = cache.checked(token);
    assertThat(checked.headers(true)).containsExactly(
        java.util.Map.entry("Content-Type", "application/json"), java.util.Map.entry("Accept", "application/json"),
        java.util.Map.entry("User-Agent", "dfx-java/test"), java.util.Map.entry("Authorization", "Bearer eyJ.first.token"));
    assertThat(checked.headers(false)).containsOnlyKeys("Accept", "User-Agent", "Authorization");
    assertThat(cache.checked(token).headers(true)).isSameAs(checked.headers(true));
    assertThatThrownBy(() -> checked.headers(true).put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(cache.isLast(token)).isTrue();
    assertThat(cache.isLast(new String("eyJ.first.token"))).isFalse();

    assertThat(cache.checked(" ")).isNull();
    assertThat(cache.anonymous(true)).containsOnlyKeys("Content-Type", "Accept", "User-Agent");
    assertThat(cache.anonymous(false)).containsOnlyKeys("Accept", "User-Agent");
  }
}
