package io.github.dfxclient.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.testkit.ApiBaseline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The store's public API against {@code api/dfx-store-jdbc.txt} (see {@link ApiBaseline}). */
class StoreApiTest {

  @Test
  void publicApiMatchesTheRecordedBaseline() throws Exception {
    var api = ApiBaseline.of(JdbcTokenStore.class, "io.github.dfxclient.store.jdbc");

    assertThat(ApiBaseline.differences(api, Path.of("../api/dfx-store-jdbc.txt"))).isEmpty();
  }
}
