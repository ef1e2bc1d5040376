package io.github.dfxclient.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every README snippet of this module is, verbatim, code that a test compiles and runs. */
class ReadmeSnippetsTest {

  @ParameterizedTest
  @CsvSource({
      "QuickStartTest.java, jdk-quickstart",
      "example/SignInServiceTest.java, testkit-example",
      "example/SignInService.java, testkit-service",
      "SessionExampleTest.java, session-example",
      "AllOperationsTest.java, all-operations",
      "../../../../../../../../../dfx-testkit/src/main/java/io/github/dfxclient/testkit/TransportContract.java, test-operation",
      "../../../../../../../../../dfx-testkit/src/main/java/io/github/dfxclient/testkit/TransportContract.java, test-operation-handler",
      "../../../../../../../../../dfx-store-jdbc/src/test/java/io/github/dfxclient/store/jdbc/FleetExampleTest.java, fleet"})
  void readmeShowsTheTestedCode(String file, String tag) throws IOException {
    Path source = Path.of("src/test/java/io/github/dfxclient/transport/jdk").resolve(file);
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains(snippet(Files.readAllLines(source), tag));
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
