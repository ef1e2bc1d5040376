package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.core.DfxClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * dfx-core's exported packages against {@code api/dfx-core.txt}: the public API that DESIGN lists
 * cannot change by accident. An intended addition is recorded with {@code -Ddfx.api.record=true};
 * a removal or change is a source-incompatible break and must not be recorded lightly.
 */
class CoreApiTest {

  @Test
  void publicApiMatchesTheRecordedBaseline() throws Exception {
    var api = ApiBaseline.of(DfxClient.class, "io.github.dfxclient.auths", "io.github.dfxclient.core",
        "io.github.dfxclient.core.codec",
        "io.github.dfxclient.core.spi", "io.github.dfxclient.session");

    assertThat(api).anyMatch(l -> l.contains("TokenPair io.github.dfxclient.auths.AuthsPort.renew("));
    assertThat(ApiBaseline.differences(api, Path.of("../api/dfx-core.txt"))).isEmpty();
  }
}
