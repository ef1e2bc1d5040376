package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Java snippet of the README and of the {@code docs/} pages is, verbatim, code that a test
 * compiles and runs: each tagged region ({@code // readme:<tag>:start} ... {@code :end}) of a test
 * source appears in its page, and every {@code ```java} block of those pages is one of the regions.
 */
class ReadmeSnippetsTest {
  private static final String ROOT = "../";
  private static final String JDK = "src/test/java/io/github/dfxclient/transport/jdk/";
  private static final String ONBOARDING =
      "dfx-onboarding-testkit/src/test/java/io/github/dfxclient/onboarding/testkit/OnboardingStoryTest.java";

  private static final String WEBSOCKET =
      "dfx-transport-websocket/src/test/java/io/github/dfxclient/transport/websocket/WebSocketExampleTest.java";

  /** Source (from the repository's root), tag, and the page that shows it. */
  private static final String[][] SNIPPETS = {
      {"dfx-transport-jdk/" + JDK + "example/QuickStart.java", "quickstart", "README.md"},
      {"dfx-transport-feign/src/test/java/io/github/dfxclient/transport/feign/QuickStartTest.java",
          "feign-quickstart", "README.md"},
      {"dfx-transport-jdk/" + JDK + "ManyUsersExampleTest.java", "many-users", "README.md"},
      {"dfx-transport-jdk/" + JDK + "example/SignInServiceTest.java", "testkit-example", "README.md"},
      {"dfx-transport-jdk/" + JDK + "example/SignInService.java", "testkit-service", "docs/testing.md"},
      {"dfx-transport-jdk/" + JDK + "example/SignInServiceTest.java", "testkit-http", "docs/testing.md"},
      {"dfx-store-jdbc/src/test/java/io/github/dfxclient/store/jdbc/FleetExampleTest.java", "fleet", "README.md"},
      {"dfx-transport-jdk/" + JDK + "SessionExampleTest.java", "session-example", "docs/session.md"},
      {"dfx-transport-jdk/" + JDK + "AllOperationsTest.java", "all-operations", "docs/operations.md"},
      {"dfx-testkit/src/main/java/io/github/dfxclient/testkit/TransportContract.java", "test-operation",
          "docs/operations.md"},
      {"dfx-testkit/src/main/java/io/github/dfxclient/testkit/TransportContract.java", "test-operation-handler",
          "docs/operations.md"},
      {"dfx-spring-boot-starter/src/test/java/io/github/dfxclient/spring/example/SignInCodes.java", "spring-service",
          "docs/spring-boot.md"},
      {"dfx-spring-boot-starter/src/test/java/io/github/dfxclient/spring/example/DfxOverrides.java",
          "spring-override", "docs/spring-boot.md"},
      {"dfx-micrometer/src/test/java/io/github/dfxclient/micrometer/MetricsExampleTest.java", "metrics-plain-java",
          "docs/metrics.md"},
      {"dfx-micrometer/src/test/java/io/github/dfxclient/micrometer/ObservationsTest.java", "metrics-convention",
          "docs/metrics.md"},
      {ONBOARDING, "onboarding", "docs/onboarding.md"},
      {ONBOARDING, "onboarding-fake", "docs/onboarding.md"},
      {WEBSOCKET, "websocket", "docs/websocket.md"},
      {WEBSOCKET, "websocket-fake", "docs/websocket.md"},
  };

  @ParameterizedTest
  @ValueSource(strings = {"quickstart", "feign-quickstart", "many-users", "testkit-service", "testkit-example",
      "testkit-http", "fleet", "session-example", "all-operations", "test-operation", "test-operation-handler",
      "spring-service", "spring-override", "metrics-plain-java", "metrics-convention", "onboarding",
      "onboarding-fake", "websocket", "websocket-fake"})
  void eachPageShowsItsTestedCode(String tag) throws IOException {
    String[] s = find(tag);

    assertThat(read(s[2])).as("%s shows %s", s[2], tag)
        .contains(snippet(Files.readAllLines(Path.of(ROOT + s[0])), tag));
  }

  @Test
  void everyJavaBlockOfTheReadmeAndTheDocsIsTestedCode() throws IOException {
    List<String> tested = new ArrayList<>();
    for (String[] s : SNIPPETS) {
      tested.add(snippet(Files.readAllLines(Path.of(ROOT + s[0])), s[1]));
    }
    Map<String, String> blocks = new LinkedHashMap<>();
    for (String page : pages()) {
      blocks.putAll(javaBlocks(page));
    }

    assertThat(blocks).isNotEmpty();
    blocks.forEach((where, block) -> assertThat(tested).as("the java block at %s is not tested code", where)
        .contains(block));
  }

  private static String[] find(String tag) {
    for (String[] s : SNIPPETS) {
      if (s[1].equals(tag)) {
        return s;
      }
    }
    throw new AssertionError("no snippet " + tag);
  }

  private static List<String> pages() throws IOException {
    List<String> pages = new ArrayList<>(List.of("README.md"));
    try (Stream<Path> docs = Files.list(Path.of(ROOT + "docs"))) {
      docs.map(p -> "docs/" + p.getFileName()).filter(p -> p.endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  private static String read(String page) throws IOException {
    return Files.readString(Path.of(ROOT + page));
  }

  /** @return the {@code ```java} blocks of a page, by "page:line" */
  static Map<String, String> javaBlocks(String page) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(ROOT + page));
    Map<String, String> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```java")) {
        int end = i + 1;
        while (!lines.get(end).strip().equals("```")) {
          end++;
        }
        blocks.put(page + ":" + (i + 1), String.join("\n", lines.subList(i + 1, end)));
        i = end;
      }
    }
    return blocks;
  }

  static String snippet(List<String> lines, String tag) {
    int start = indexOf(lines, "// readme:" + tag + ":start");
    int end = indexOf(lines, "// readme:" + tag + ":end");
    List<String> body = lines.subList(start + 1, end);
    int indent = body.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("no marker " + marker);
  }
}
