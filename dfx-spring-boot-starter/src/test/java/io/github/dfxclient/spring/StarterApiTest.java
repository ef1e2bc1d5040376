package io.github.dfxclient.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.testkit.ApiBaseline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The starter's public API against {@code api/dfx-spring-boot-starter.txt} (see {@link ApiBaseline}). */
class StarterApiTest {

  @Test
  void publicApiMatchesTheRecordedBaseline() throws Exception {
    var api = ApiBaseline.of(DfxAutoConfiguration.class, "io.github.dfxclient.spring");

    assertThat(ApiBaseline.differences(api, Path.of("../api/dfx-spring-boot-starter.txt"))).isEmpty();
  }
}
