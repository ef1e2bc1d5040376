package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.testkit.ApiBaseline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JDK adapter's public API against {@code api/dfx-transport-jdk.txt} (see {@link ApiBaseline}). */
class JdkApiTest {

  @Test
  void publicApiMatchesTheRecordedBaseline() throws Exception {
    var api = ApiBaseline.of(JdkAuthsAdapter.class, "io.github.dfxclient.transport.jdk");

    assertThat(ApiBaseline.differences(api, Path.of("../api/dfx-transport-jdk.txt"))).isEmpty();
  }
}
