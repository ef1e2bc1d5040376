package io.github.dfxclient.store.jdbc;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, started on 127.0.0.1 and a free port from the machine's
 * PostgreSQL binaries ({@code initdb}, {@code pg_ctl}: found on {@code PATH}, through {@code
 * pg_config --bindir}, or in Debian's {@code /usr/lib/postgresql/<version>/bin}, highest version
 * first), run as the {@code postgres} system user when the tests run as root (initdb refuses root),
 * and stopped by {@link #close()} (and a shutdown hook). A machine without the binaries skips the
 * PostgreSQL tests with a loud message saying how to install them; under {@code CI=true} or {@code
 * -Ddfx.pg.required=true} it fails instead, naming the missing binaries.
 */
final class Postgres implements AutoCloseable {
  private final Path dir;
  private final Path bin;
  private final int port;
  private final boolean asPostgresUser;
  /** Why there is no server (the skip message), or {@code null} when there is one. */
  private final String absent;

  private Postgres(Path dir, Path bin, int port, boolean asPostgresUser) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
    this.absent = null;
  }

  private Postgres(String absent) {
    this.dir = null;
    this.bin = null;
    this.port = -1;
    this.asPostgresUser = false;
    this.absent = absent;
  }

  /**
   * @return a running server; or, without the binaries, a stand-in whose every use skips the calling
   *     test (so each PostgreSQL test is reported as skipped, with the message, even when this is
   *     called from {@code @BeforeAll})
   * @throws IllegalStateException without the binaries when CI requires them ({@code CI=true} or
   *     {@code -Ddfx.pg.required=true}), naming them
   * @throws IOException when the server cannot be set up or started
   * @throws InterruptedException when interrupted while starting it
   */
  static Postgres start() throws IOException, InterruptedException {
    Optional<Path> found = find(System.getenv("PATH"), DEBIAN_ROOT);
    if (found.isEmpty()) {
      Postgres absent = missing(required(System.getenv("CI"), System.getProperty("dfx.pg.required")));
      absent.announce();
      return absent;
    }
    Path bin = found.get();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("dfx-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Postgres pg = new Postgres(dir, bin, port, root);
    if (root) {
      run(List.of("chown", "-R", "postgres", dir.toString()), 30);
    }
    pg.pgRun(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
        "-U", "postgres", "--no-sync", "-E", "UTF8"), 120);
    Runtime.getRuntime().addShutdownHook(new Thread(pg::stopQuietly));
    pg.pgCtl("start", 60);
    return pg;
  }

  /** The Debian/Ubuntu layout of the server packages: {@code /usr/lib/postgresql/<version>/bin}. */
  static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
  /** The binaries the tests run. */
  static final List<String> BINARIES = List.of("initdb", "pg_ctl");

  /**
   * Where {@code initdb} and {@code pg_ctl} are: the first directory of {@code path} that holds both;
   * else the directory {@code pg_config --bindir} names ({@code pg_config} from {@code path}), if it
   * holds both; else the highest version under Debian's {@code <debianRoot>/<version>/bin}.
   *
   * @param path a {@code PATH} value (may be null)
   * @param debianRoot where Debian puts the server's versions
   * @return the directory, or empty when none holds both binaries
   */
  static Optional<Path> find(String path, Path debianRoot) {
    List<Path> dirs = new ArrayList<>();
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        if (!d.isEmpty()) {
          dirs.add(Path.of(d));
        }
      }
    }
    for (Path d : dirs) {
      if (holdsServer(d)) {
        return Optional.of(d);
      }
    }
    for (Path d : dirs) {
      Path pgConfig = d.resolve("pg_config");
      if (Files.isRegularFile(pgConfig) && Files.isExecutable(pgConfig)) {
        Optional<Path> bindir = bindir(pgConfig);
        if (bindir.isPresent() && holdsServer(bindir.get())) {
          return bindir;
        }
        break;   // the first pg_config on PATH is the one a shell would run
      }
    }
    File[] versions = debianRoot.toFile().listFiles(File::isDirectory);
    if (versions != null) {
      List<Path> candidates = new ArrayList<>();
      for (File v : versions) {
        candidates.add(v.toPath());
      }
      candidates.sort(Comparator.comparing((Path v) -> v.getFileName().toString(), Postgres::compareVersions)
          .reversed());
      for (Path v : candidates) {
        if (holdsServer(v.resolve("bin"))) {
          return Optional.of(v.resolve("bin"));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean holdsServer(Path dir) {
    return BINARIES.stream().map(dir::resolve).allMatch(b -> Files.isRegularFile(b) && Files.isExecutable(b));
  }

  private static Optional<Path> bindir(Path pgConfig) {
    try {
      Process p = new ProcessBuilder(pgConfig.toString(), "--bindir").redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String dir = new String(out, StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 && !dir.isEmpty() && !dir.contains("\n") ? Optional.of(Path.of(dir)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Compares version directory names numerically ({@code 9.6 < 15 < 16.2}); other names sort first. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Long.compare(number(x, i), number(y, i));
      if (c != 0) {
        return c;
      }
    }
    return a.compareTo(b);
  }

  private static long number(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Long.parseLong(parts[i]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * @param ci the environment variable {@code CI}
   * @param property the system property {@code dfx.pg.required}
   * @return whether a missing server fails the build instead of skipping the PostgreSQL tests
   */
  static boolean required(String ci, String property) {
    return "true".equalsIgnoreCase(ci) || "true".equalsIgnoreCase(property);
  }

  /**
   * No server binaries: a stand-in whose every use skips the calling test (a JUnit assumption, so it
   * is reported as skipped) with a message saying how to install them ({@link #start()} also prints
   * it to the console); when {@code required}, fails at once instead.
   *
   * @param required CI ({@code CI=true}) or {@code -Ddfx.pg.required=true}
   * @return the stand-in
   * @throws IllegalStateException when required, naming the missing binaries
   */
  static Postgres missing(boolean required) {
    String what = "PostgreSQL server binaries not found: " + String.join(" and ", BINARIES)
        + " are neither on PATH, nor in the directory `pg_config --bindir` names, nor under "
        + DEBIAN_ROOT + "/<version>/bin.";
    String install = " Install the PostgreSQL server to run the PostgreSQL tests of dfx-store-jdbc"
        + " (Debian/Ubuntu: apt-get install postgresql; Fedora/RHEL: dnf install postgresql-server;"
        + " macOS: brew install postgresql; Alpine: apk add postgresql; others: your system's PostgreSQL"
        + " server package), or put its bin directory on PATH.";
    if (required) {
      throw new IllegalStateException(what + install + " They are required here (CI=true or"
          + " -Ddfx.pg.required=true), so the build fails instead of skipping them.");
    }
    return new Postgres(what + " The PostgreSQL tests are SKIPPED." + install
        + " (CI=true or -Ddfx.pg.required=true makes this a failure.)");
  }

  /**
   * Prints the skip message where the developer sees it: the process's own stderr, which Surefire
   * shows on the console even while it redirects the tests' output to files.
   */
  private void announce() {
    String banner = "\n" + "*".repeat(100) + "\n* " + absent + "\n" + "*".repeat(100) + "\n";
    System.err.print(banner);
    try {
      FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
      stderr.write(banner.getBytes(StandardCharsets.UTF_8));
      stderr.flush();
    } catch (IOException e) {
      // best effort: the message is also in the skipped tests' reports
    }
  }

  /** Skips the calling test when there is no server. */
  private void requireServer() {
    if (absent != null) {
      Assumptions.abort(absent);
    }
  }

  void stop() throws IOException, InterruptedException {
    requireServer();
    pgCtl("stop", 60);
  }

  void restart() throws IOException, InterruptedException {
    requireServer();
    pgCtl("start", 60);
  }

  private void pgCtl(String action, int seconds) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
        "-w", "-t", "60", "-m", "fast", action));
    if (action.equals("start")) {
      cmd.addAll(List.of("-l", dir.resolve("log").toString(), "-o",
          "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir + " -c fsync=off"));
    }
    pgRun(cmd, seconds);
  }

  private void pgRun(List<String> command, int seconds) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (asPostgresUser) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(command);
    run(cmd, seconds);
  }

  private static void run(List<String> cmd, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0) {
      throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + new String(out));
    }
  }

  String url() {
    requireServer();
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  DataSource dataSource() {
    return new SimpleDataSource(url(), "postgres");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", "");
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (IOException | InterruptedException ignored) {
      // already stopped
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (absent != null) {
      return;
    }
    stopQuietly();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
