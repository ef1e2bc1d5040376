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
}
