package io.github.dfxclient.transport.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.testkit.ApiBaseline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Feign adapter's public API against {@code api/dfx-transport-feign.txt} (see {@link ApiBaseline}). */
class FeignApiTest {

  @Test
  void publicApiMatchesTheRecordedBaseline() throws Exception {
    var api = ApiBaseline.of(FeignAuthsAdapter.class, "io.github.dfxclient.transport.feign");

    assertThat(ApiBaseline.differences(api, Path.of("../api/dfx-transport-feign.txt"))).isEmpty();
  }
}
