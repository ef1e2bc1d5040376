package io.github.dfxclient.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.InMemoryTokenStore;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenSession;
import io.github.dfxclient.session.TokenStore;
import io.github.dfxclient.spring.example.DfxOverrides;
import io.github.dfxclient.spring.example.SignInCodes;
import io.github.dfxclient.testkit.FakeDfxServerExtension;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The examples of docs/spring-boot.md run: the service on the starter's beans, the overrides (a
 * store, a veto listener, a convention), the page's properties block binds, and the page's
 * properties table lists every {@code dfx.*} property of the generated metadata.
 */
class SpringExampleTest {

  @RegisterExtension
  static final FakeDfxServerExtension DFX = new FakeDfxServerExtension();

  @Test
  void theServiceAndTheOverridesWork() {
    TokenPair device = DFX.backend().issuePair("device");
    TokenPair ada = DFX.backend().issuePair("ada");
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DfxAutoConfiguration.class))
        .withPropertyValues("dfx.base-uri=" + DFX.baseUri())
        .withBean(TestObservationRegistry.class, TestObservationRegistry::create)
        .withUserConfiguration(DfxOverrides.class, SignInCodes.class)
        .run(context -> {
          assertThat(context.getBean(TokenStore.class)).isInstanceOf(InMemoryTokenStore.class);
          TokenSession session = context.getBean(TokenSession.class);
          session.set(TokenKind.DEVICE, device);
          session.set(TokenKey.user("ada"), ada);
          SignInCodes codes = context.getBean(SignInCodes.class);

          assertThat(codes.sendCode("+15555550123")).isTrue();
          assertThat(codes.sendCodeAs("ada", "+15555550124")).isTrue();
          TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
              .hasNumberOfObservationsWithNameEqualTo("dfx.client.requests", 2)
              .hasObservationWithNameEqualTo("dfx.client.requests").that().hasLowCardinalityKeyValue("team", "signin");

          paused(true);
          try {
            assertThatThrownBy(() -> codes.sendCode("+15555550125")).hasMessage("DFX calls are paused");
          } finally {
            paused(false);
          }
          assertThat(DFX.requestsReceived()).isEqualTo(2);
        });
  }

  private static void paused(boolean paused) {
    DfxOverrides.PAUSED.set(paused);
  }

  /** @return the lines of the first {@code ```properties} block of the page */
  static List<String> propertiesBlock(String page) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../docs/" + page));
    int start = lines.indexOf("```properties");
    assertThat(start).as("a properties block in %s", page).isNotNegative();
    int end = start + 1;
    while (!lines.get(end).equals("```")) {
      end++;
    }
    return lines.subList(start + 1, end);
  }

  @Test
  void thePagesPropertiesBlockBindsAndItsTableListsEveryProperty() throws Exception {
    Properties block = new Properties();
    block.load(new StringReader(String.join("\n", propertiesBlock("spring-boot.md"))));
    List<String> pairs = new ArrayList<>();
    block.forEach((k, v) -> pairs.add(k + "=" + (k.equals("dfx.base-uri") ? DFX.baseUri() : v)));
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DfxAutoConfiguration.class))
        .withPropertyValues(pairs.toArray(new String[0]))
        .run(context -> assertThat(context).hasNotFailed());

    String metadata = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"));
    String page = Files.readString(Path.of("../docs/spring-boot.md"));
    java.util.regex.Matcher names = java.util.regex.Pattern.compile("\"name\": \"(dfx\\.[a-z.-]+)\"").matcher(metadata);
    List<String> properties = new ArrayList<>();
    while (names.find()) {
      properties.add(names.group(1));
    }
    assertThat(properties).contains("dfx.base-uri", "dfx.transport", "dfx.store.encryption-key",
        "dfx.retry.max-attempts", "dfx.session.renew-skew");
    for (String p : properties) {
      if (!p.equals("dfx.retry") && !p.equals("dfx.session") && !p.equals("dfx.store")) {
        assertThat(page).as("docs/spring-boot.md lists %s", p).contains("`" + p + "`");
      }
    }
  }
}
