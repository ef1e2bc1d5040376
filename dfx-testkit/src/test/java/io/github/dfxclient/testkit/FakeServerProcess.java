package io.github.dfxclient.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone fake server as its own process ({@code FakeDfxServer.main}, a JVM on this test's
 * class path), started on a free loopback port, as a team without a JVM client runs it.
 */
final class FakeServerProcess implements AutoCloseable {
  private final Process process;
  private final URI base;
  private final String welcome;

  private FakeServerProcess(Process process, URI base, String welcome) {
    this.process = process;
    this.base = base;
    this.welcome = welcome;
  }

  /**
   * @return the server, after it printed its welcome (up to 60 s on a loaded machine)
   * @throws IOException when the process cannot be started or printed no base URI
   */
  static FakeServerProcess start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p = java(String.valueOf(port)).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder welcome = new StringBuilder();
    String line;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((line = out.readLine()) != null && System.nanoTime() < until) {
      welcome.append(line).append('\n');
      if (line.startsWith("Press Ctrl+C")) {
        break;
      }
    }
    Matcher m = Pattern.compile("listening on (\\S+)").matcher(welcome);
    if (!m.find()) {
      p.destroyForcibly();
      throw new IOException("the fake server printed no base URI: " + welcome);
    }
    return new FakeServerProcess(p, URI.create(m.group(1)), welcome.toString());
  }

  /**
   * @param args the server's arguments
   * @return a builder for {@code java ... FakeDfxServer args}, stderr merged into stdout
   */
  static ProcessBuilder java(String... args) {
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(launcher,
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        FakeDfxServer.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  /** @return the base URI it listens on, e.g. {@code http://127.0.0.1:41234} */
  URI baseUri() {
    return base;
  }

  /** @return what it printed before serving */
  String welcome() {
    return welcome;
  }

  /** Stops the process (and waits for it, up to 10 s, before killing it). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
