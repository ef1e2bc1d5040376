package io.github.dfxclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.core.codec.JsonField;
import io.github.dfxclient.core.codec.JsonObjectCodec;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Path parameters, by construction, for any operation: one segment each, never a dot-segment. */
class DfxOperationTest {

  record Part(String itemId, String partId) {}

  static final JsonField<String> NAME = JsonField.string("name");
  static final JsonObjectCodec<String> NAME_CODEC = JsonObjectCodec.<String>builder().field(NAME, s -> s)
      .build(in -> in.get(NAME));

  static final DfxOperation<Part, String> GET_PART =
      DfxOperation.<Part, String>builder(9010, "GET", "/items/{itemId}/parts/{partId}")
          .pathParameters(p -> List.of(p.itemId(), p.partId()), v -> new Part(v.get(0), v.get(1)))
          .answer(NAME_CODEC)
          .build();

  /**
   * Empty, blank and dot-segment values: refused naming the parameter, never quoting the value.
   * @param bad the value
   */
  @ParameterizedTest
  @ValueSource(strings = {"", " ", ".", ".."})
  void refusesEmptyAndDotSegmentValuesNamingTheParameter(String bad) {
    assertThatThrownBy(() -> GET_PART.path(new Part(bad, "p"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("itemId ").hasMessageNotContaining("partId");
    assertThatThrownBy(() -> GET_PART.path(new Part("i", bad))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("partId ");
    if (bad.startsWith(".")) {
      assertThatThrownBy(() -> GET_PART.path(new Part("i", bad))).hasMessageNotContaining(".");
    }
  }

  @Test
  void encodesEveryOtherValueAsOneSegment() {
    assertThat(GET_PART.path(new Part("a/b", "?x#y%z"))).isEqualTo("/items/a%2Fb/parts/%3Fx%23y%25z");
    assertThat(GET_PART.path(new Part("...", ".a"))).isEqualTo("/items/.../parts/.a");
    assertThat(GET_PART.path(new Part("%2E%2E", "ü 1"))).isEqualTo("/items/%252E%252E/parts/%C3%BC%201");
    assertThat(URI.create("http://h" + GET_PART.path(new Part("..x", "x..")))).isNotNull();
  }

  @Test
  void theServerSideRefusesDotSegmentsAndBrokenEncodings() {
    assertThat(GET_PART.match("GET", "/items/a%2Fb/parts/%C3%BC")).contains(List.of("a/b", "ü"));
    assertThat(GET_PART.match("GET", "/items/%2E%2E/parts/p")).isEmpty();
    assertThat(GET_PART.match("GET", "/items/./parts/p")).isEmpty();
    assertThat(GET_PART.match("GET", "/items/a/parts/%C3%28")).isEmpty();
    assertThat(GET_PART.match("GET", "/items/a/parts/%G1")).isEmpty();
    assertThat(GET_PART.match("GET", "/items//parts/p")).isEmpty();
  }

  /** The request URI an exception exposes: the query, fragment and user info are dropped. */
  @Test
  void exceptionsNameTheUriWithoutItsQuery() {
    DfxApiException e = new DfxApiException(GET_PART, URI.create("https://u:pw@api.example/v2/items/a/parts/b?key=SECRET#f"),
        404, "NOT_FOUND", "", null);
    DfxTransportException t = new DfxTransportException(GET_PART, URI.create("http://127.0.0.1:4711/x"), false,
        "connection refused", null);

    assertThat(e.requestUri()).contains(URI.create("https://api.example/v2/items/a/parts/b"));
    assertThat(e.getMessage()).contains("9010 GET /items/{itemId}/parts/{partId} at https://api.example:443/v2/items/a/parts/b")
        .doesNotContain("SECRET").doesNotContain("pw");
    assertThat(t.getMessage()).isEqualTo("connection refused (action 9010 GET /items/{itemId}/parts/{partId}"
        + " at http://127.0.0.1:4711/x; not sent)");
    assertThat(new DfxProtocolException(GET_PART, 200, "x").requestUri()).isEmpty();
  }
}
