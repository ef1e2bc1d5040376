package io.github.dfxclient.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dfxclient.testkit.ApiBaseline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** dfx-onboarding's public API against {@code api/dfx-onboarding.txt} (see {@link ApiBaseline}). */
class OnboardingApiTest {

  @Test
  void publicApiMatchesTheRecordedBaseline() throws Exception {
    var api = ApiBaseline.of(OnboardingClient.class, "io.github.dfxclient.onboarding");

    assertThat(ApiBaseline.differences(api, Path.of("../api/dfx-onboarding.txt"))).isEmpty();
  }
}
