package io.github.dfxclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.testkit.ApiBaseline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** dfx-micrometer's public API against {@code api/dfx-micrometer.txt} (see {@link ApiBaseline}). */
class MicrometerApiTest {

  @Test
  void publicApiMatchesTheRecordedBaseline() throws Exception {
    var api = ApiBaseline.of(DfxObservationListener.class, "io.github.dfxclient.micrometer");

    assertThat(ApiBaseline.differences(api, Path.of("../api/dfx-micrometer.txt"))).isEmpty();
  }
}
