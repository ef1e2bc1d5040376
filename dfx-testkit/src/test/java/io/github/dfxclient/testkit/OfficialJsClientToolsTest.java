package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** How the official JS client test behaves on a machine without Node.js: skipped loudly, or failed under CI. */
class OfficialJsClientToolsTest {

  @Test
  void withoutNodeTheTestIsSkippedWithAMessage(@TempDir Path cache) {
    Throwable t = catchThrowable(() -> OfficialJsClient.install(cache, cache.resolve("no-such-bin").toString(), false, false));

    assertThat(t).isInstanceOf(TestAbortedException.class).hasMessageContaining("node")
        .hasMessageContaining("SKIPPED").hasMessageContaining("CI=true");
  }

  @Test
  void withoutNodeUnderCiTheBuildFails(@TempDir Path cache) {
    Throwable t = catchThrowable(() -> OfficialJsClient.install(cache, "", true, false));

    assertThat(t).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("node (Node.js 18 or later) is not on PATH")
        .hasMessageContaining("required here");
  }

  @Test
  void withNodeButNeitherNpmNorACachedPackageTheTestIsSkipped(@TempDir Path cache) throws Exception {
    Path bin = Files.createDirectories(cache.resolve("bin"));
    Path node = Files.writeString(bin.resolve("node"), "#!/bin/sh\n");
    node.toFile().setExecutable(true);

    Throwable t = catchThrowable(() -> OfficialJsClient.install(cache, bin.toString(), false, false));

    assertThat(t).isInstanceOf(TestAbortedException.class).hasMessageContaining("npm is not on PATH");
  }

  @Test
  void ciOrThePropertyMakeTheToolsRequired() {
    assertThat(OfficialJsClient.required("true", null)).isTrue();
    assertThat(OfficialJsClient.required(null, "true")).isTrue();
    assertThat(OfficialJsClient.required("false", null)).isFalse();
    assertThat(OfficialJsClient.required(null, null)).isFalse();
  }
}
