package io.github.dfxclient.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * How the PostgreSQL tests find the server binaries, against a fake {@code PATH} and fake
 * directories (nothing is uninstalled): {@code PATH} first, then {@code pg_config --bindir}, then
 * Debian's layout with the highest version first; none found: the tests are skipped with a message
 * saying how to install, unless CI requires them, and then the build fails naming the binaries.
 */
class PostgresDiscoveryTest {
  @TempDir
  Path tmp;

  private Path dir(String name, String... executables) throws IOException {
    Path d = Files.createDirectories(tmp.resolve(name));
    for (String e : executables) {
      script(d.resolve(e), "#!/bin/sh\nexit 0\n");
    }
    return d;
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String path(Path... dirs) {
    StringBuilder sb = new StringBuilder();
    for (Path d : dirs) {
      sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(d);
    }
    return sb.toString();
  }

  @Test
  void nothingFoundOnEmptyDirectories() throws IOException {
    Path empty = dir("empty");
    Path onlyInitdb = dir("only-initdb", "initdb");
    Path debian = dir("debian");
    dir("debian/16/bin", "initdb");   // a version without pg_ctl does not count

    assertThat(Postgres.find(path(empty, onlyInitdb), debian)).isEmpty();
    assertThat(Postgres.find(null, tmp.resolve("no-such-dir"))).isEmpty();
  }

  @Test
  void findsTheBinariesOnPathFirst() throws IOException {
    Path bin = dir("usr-local-bin", "initdb", "pg_ctl");
    Path debian = dir("debian");
    dir("debian/15/bin", "initdb", "pg_ctl");

    assertThat(Postgres.find(path(dir("empty"), bin), debian)).contains(bin);
  }

  @Test
  void asksPgConfigForItsBindirNext() throws IOException {
    Path server = dir("opt/pgsql-16/bin", "initdb", "pg_ctl");
    Path clientBin = dir("client-bin");
    script(clientBin.resolve("pg_config"), "#!/bin/sh\n[ \"$1\" = --bindir ] && echo '" + server + "'\n");
    Path debian = dir("debian");
    dir("debian/15/bin", "initdb", "pg_ctl");

    assertThat(Postgres.find(path(clientBin), debian)).contains(server);
  }

  @Test
  void takesTheHighestDebianVersionThatHasBothBinaries() throws IOException {
    Path debian = dir("debian");
    dir("debian/9.6/bin", "initdb", "pg_ctl");
    dir("debian/13/bin", "initdb", "pg_ctl");
    dir("debian/15/bin", "initdb", "pg_ctl");
    dir("debian/17/bin", "initdb");

    assertThat(Postgres.find(path(dir("empty")), debian)).contains(debian.resolve("15/bin"));
    assertThat(Postgres.compareVersions("9.6", "15")).isNegative();
    assertThat(Postgres.compareVersions("16.2", "16")).isPositive();
  }

  @Test
  void missingBinariesSkipWithHowToInstallUnlessRequired() throws Exception {
    Postgres absent = Postgres.missing(false);

    for (ThrowingCallable use : List.<ThrowingCallable>of(absent::url, absent::dataSource, absent::connect,
        absent::stop, absent::restart)) {
      assertThatThrownBy(use).isInstanceOf(TestAbortedException.class)
          .hasMessageContaining("SKIPPED").hasMessageContaining("apt-get install postgresql")
          .hasMessageContaining("initdb and pg_ctl");
    }
    absent.close();
    assertThatThrownBy(() -> Postgres.missing(true)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("initdb and pg_ctl").hasMessageContaining("apt-get install postgresql")
        .hasMessageContaining("CI=true").hasMessageNotContaining("SKIPPED");
  }

  @Test
  void ciOrThePropertyRequiresTheServer() {
    assertThat(Postgres.required("true", null)).isTrue();
    assertThat(Postgres.required(null, "true")).isTrue();
    assertThat(Postgres.required("TRUE", "false")).isTrue();
    assertThat(Postgres.required(null, null)).isFalse();
    assertThat(Postgres.required("false", "")).isFalse();
  }
}
