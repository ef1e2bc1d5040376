package io.github.dfxclient.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The official JavaScript client of DFX, {@code @nuralogix.ai/dfx-api-client} 1.0.73, unmodified, and
 * the {@code node} that runs it. The package is fetched once with {@code npm pack} (it has no
 * dependencies), checked against the registry's published SHA-512 integrity, unpacked into {@code
 * target/official-js-client/1.0.73/package} and reused from there by later runs.
 *
 * <p>A machine without {@code node} (or without {@code npm} while the package is not cached yet), or
 * where {@code npm pack} cannot fetch the package, skips the tests that need it, with a loud message
 * saying what to install; under {@code CI=true} or {@code -Ddfx.js.required=true} that is a failure
 * instead. A tarball that does not match the integrity always fails.
 */
final class OfficialJsClient {
  static final String NAME = "@nuralogix.ai/dfx-api-client";
  static final String VERSION = "1.0.73";
  /** The registry's {@code dist.integrity} of the 1.0.73 tarball (what {@code npm pack --json} reports). */
  static final String INTEGRITY =
      "sha512-2R1gYZ/smrqvvIXVO8sQfqslfHyini0lVMRnB5YVzpYHZhxHPLp5zJCU1sCFNCY/zZHh4bBfo4gVDy3O+6FGxw==";
  private static final String TARBALL = "nuralogix.ai-dfx-api-client-" + VERSION + ".tgz";
  private static final long MAX_UNPACKED = 64L * 1024 * 1024;

  /** The node executable and the package's CommonJS entry point ({@code lib/index.cjs}). */
  record Installed(Path node, Path library) {}

  private OfficialJsClient() {}

  /**
   * @param cache the directory the package is kept in, e.g. {@code target/official-js-client}
   * @return node and the unpacked package; or, when a tool is missing, a skip of the calling test
   *     (a JUnit assumption) after a loud message
   * @throws IllegalStateException when a tool is missing and CI requires it
   * @throws IOException when the package cannot be unpacked
   * @throws InterruptedException when interrupted while npm runs
   */
  static Installed install(Path cache) throws IOException, InterruptedException {
    return install(cache, System.getenv("PATH"), required(System.getenv("CI"), System.getProperty("dfx.js.required")),
        true);
  }

  /**
   * @param cache the directory the package is kept in
   * @param path the search path for {@code node} and {@code npm} (the environment's {@code PATH})
   * @param required whether a missing tool fails instead of skipping
   * @param announce whether a skip is also printed on the console (the process's stderr)
   * @return node and the unpacked package, or a skip (see {@link #install(Path)})
   * @throws IllegalStateException when a tool is missing and {@code required}
   * @throws IOException when the package cannot be unpacked
   * @throws InterruptedException when interrupted while npm runs
   */
  static Installed install(Path cache, String path, boolean required, boolean announce)
      throws IOException, InterruptedException {
    Optional<Path> node = onPath("node", path);
    if (node.isEmpty()) {
      absent("node (Node.js 18 or later) is not on PATH.", required, announce);
    }
    Path dir = cache.resolve(VERSION);
    Path library = dir.resolve("package/lib/index.cjs");
    Path verified = dir.resolve(".verified");
    if (Files.isRegularFile(library) && Files.isRegularFile(verified)
        && Files.readString(verified, StandardCharsets.UTF_8).equals(INTEGRITY)) {
      return new Installed(node.get(), library);
    }
    Optional<Path> npm = onPath("npm", path);
    if (npm.isEmpty()) {
      absent("npm is not on PATH, and " + NAME + "@" + VERSION + " is not cached under " + dir + ".", required, announce);
    }
    Files.createDirectories(dir);
    Path tarball = dir.resolve(TARBALL);
    if (!Files.isRegularFile(tarball) || !integrity(tarball).equals(INTEGRITY)) {
      Files.deleteIfExists(tarball);
      Path log = dir.resolve("npm-pack.log");
      Process p = new ProcessBuilder(npm.get().toString(), "pack", NAME + "@" + VERSION, "--ignore-scripts",
          "--pack-destination", dir.toAbsolutePath().toString())
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        absent("npm pack " + NAME + "@" + VERSION + " did not finish within 300 s (see " + log + ").", required, announce);
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(tarball)) {
        absent("npm pack " + NAME + "@" + VERSION + " failed with exit code " + p.exitValue() + " (see " + log
            + "; is the npm registry reachable?).", required, announce);
      }
    }
    String actual = integrity(tarball);
    if (!actual.equals(INTEGRITY)) {
      throw new AssertionError(NAME + "@" + VERSION + " does not match the registry's integrity: got " + actual
          + ", expected " + INTEGRITY + " (" + tarball + ")");
    }
    Path unpacked = Files.createTempDirectory(dir, "unpacking-");
    untar(tarball, unpacked);
    Path target = dir.resolve("package");
    deleteTree(target);
    Files.move(unpacked.resolve("package"), target, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(unpacked);
    if (!Files.isRegularFile(library)) {
      throw new IOException("the package holds no lib/index.cjs");
    }
    Files.writeString(verified, INTEGRITY, StandardCharsets.UTF_8);
    return new Installed(node.get(), library);
  }

  /**
   * @param ci the environment variable {@code CI}
   * @param property the system property {@code dfx.js.required}
   * @return whether a missing tool fails the build instead of skipping the test
   */
  static boolean required(String ci, String property) {
    return "true".equalsIgnoreCase(ci) || "true".equalsIgnoreCase(property);
  }

  /** Fails (when required) or skips the calling test, after printing why where a developer sees it. */
  private static void absent(String what, boolean required, boolean announce) {
    String install = " Install Node.js 18 or later with npm (https://nodejs.org; Debian/Ubuntu: apt-get install"
        + " nodejs npm; macOS: brew install node) to run the test that drives the fake DFX server with the"
        + " official JavaScript client " + NAME + "@" + VERSION + ".";
    if (required) {
      throw new IllegalStateException(what + install + " It is required here (CI=true or -Ddfx.js.required=true),"
          + " so the build fails instead of skipping it.");
    }
    String message = what + " The official JavaScript client test is SKIPPED." + install
        + " (CI=true or -Ddfx.js.required=true makes this a failure.)";
    String banner = "\n" + "*".repeat(100) + "\n* " + message + "\n" + "*".repeat(100) + "\n";
    if (!announce) {
      Assumptions.abort(message);
    }
    System.err.print(banner);
    try {
      // the process's own stderr: Surefire shows it on the console while it redirects the tests' output
      FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
      stderr.write(banner.getBytes(StandardCharsets.UTF_8));
      stderr.flush();
    } catch (IOException e) {
      // best effort: the message is also in the skipped test's report
    }
    Assumptions.abort(message);
  }

  /** @return the executable {@code name} on {@code path} ({@code name.cmd}/{@code .exe} on Windows) */
  static Optional<Path> onPath(String name, String path) {
    if (path == null) {
      return Optional.empty();
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    List<String> names = windows ? List.of(name + ".exe", name + ".cmd") : List.of(name);
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      for (String n : names) {
        Path candidate = Path.of(entry, n);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** @return the file's integrity as npm writes it: {@code sha512-<base64>} */
  static String integrity(Path file) throws IOException {
    MessageDigest sha512;
    try {
      sha512 = MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha512.update(buffer, 0, n);
      }
    }
    return "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
  }

  /**
   * Unpacks the regular files of a gzipped tar (ustar, with pax or GNU long names) under {@code into},
   * refusing any entry that would land outside it.
   */
  static void untar(Path tarball, Path into) throws IOException {
    Path root = into.toAbsolutePath().normalize();
    long total = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball), 64 * 1024)) {
      byte[] header = new byte[512];
      String longName = null;
      while (readFully(in, header)) {
        if (isZero(header)) {
          break;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        byte[] content = read(in, size);
        skip(in, (512 - size % 512) % 512);
        if (type == 'x' || type == 'L') {
          longName = type == 'L' ? new String(content, StandardCharsets.UTF_8).replace("\0", "") : paxPath(content);
          continue;
        }
        String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
        longName = null;
        if (type != '0' && type != '\0') {
          continue;
        }
        total += size;
        if (total > MAX_UNPACKED) {
          throw new IOException("the package unpacks to more than " + MAX_UNPACKED + " bytes");
        }
        Path out = root.resolve(path).normalize();
        if (!out.startsWith(root) || path.startsWith("/")) {
          throw new IOException("the package holds an entry outside its directory: " + path);
        }
        Files.createDirectories(out.getParent());
        Files.write(out, content);
      }
    }
  }

  private static String paxPath(byte[] records) {
    String text = new String(records, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static String text(byte[] header, int from, int length) {
    int end = from;
    while (end < from + length && header[end] != 0) {
      end++;
    }
    return new String(header, from, end - from, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean readFully(InputStream in, byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n = in.read(b, off, b.length - off);
      if (n < 0) {
        if (off == 0) {
          return false;
        }
        throw new IOException("the tarball ends inside a header");
      }
      off += n;
    }
    return true;
  }

  private static byte[] read(InputStream in, long size) throws IOException {
    if (size < 0 || size > MAX_UNPACKED) {
      throw new IOException("the package holds an entry of " + size + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
    byte[] buffer = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the tarball ends inside an entry");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
    return out.toByteArray();
  }

  private static void skip(InputStream in, long n) throws IOException {
    read(in, n);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (var walk = Files.walk(dir)) {
      walk.forEach(all::add);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Files.delete(all.get(i));
    }
  }
}
