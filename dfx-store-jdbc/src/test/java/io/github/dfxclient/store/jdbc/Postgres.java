package io.github.dfxclient.store.jdbc;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server for the tests, started on 127.0.0.1 and a free port from the machine's
 * PostgreSQL binaries ({@code initdb}, {@code pg_ctl}), run as the {@code postgres} system user
 * when the tests run as root (initdb refuses root), and stopped by {@link #close()} (and a shutdown
 * hook). A machine without the binaries gets a clear message, not a hang.
 */
final class Postgres implements AutoCloseable {
  private final Path dir;
  private final Path bin;
  private final int port;
  private final boolean asPostgresUser;

  private Postgres(Path dir, Path bin, int port, boolean asPostgresUser) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  static Postgres start() throws IOException, InterruptedException {
    Path bin = findBin();
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

  private static Path findBin() {
    List<Path> candidates = new ArrayList<>();
    File[] versions = new File("/usr/lib/postgresql").listFiles();
    if (versions != null) {
      for (File v : versions) {
        candidates.add(v.toPath().resolve("bin"));
      }
    }
    candidates.sort(Comparator.reverseOrder());
    for (Path c : candidates) {
      if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
        return c;
      }
    }
    throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found under"
        + " /usr/lib/postgresql/<version>/bin: install the server (Debian: apt-get install postgresql) to run"
        + " the PostgreSQL tests of dfx-store-jdbc");
  }

  void stop() throws IOException, InterruptedException {
    pgCtl("stop", 60);
  }

  void restart() throws IOException, InterruptedException {
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
    stopQuietly();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
