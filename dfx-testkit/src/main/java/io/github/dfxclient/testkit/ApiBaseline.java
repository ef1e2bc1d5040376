package io.github.dfxclient.testkit;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public API of a set of packages as text, one line per public or protected member, compared
 * with a recorded baseline file: a removed or changed member (a source-incompatible change) fails,
 * and so does an added one until it is recorded ({@code -Ddfx.api.record=true} rewrites the file),
 * so that no API change happens by accident. dfx-java's own build checks its published modules
 * with it.
 */
public final class ApiBaseline {
  private ApiBaseline() {}

  /**
   * @param anyClass a class of the jar or directory to read
   * @param packages the packages whose public types are API (sub-packages are not included)
   * @return the API, sorted, one line per member
   * @throws IOException when the classes cannot be listed
   */
  public static Set<String> of(Class<?> anyClass, String... packages) throws IOException {
    Path location;
    try {
      location = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if (Files.isDirectory(location)) {
      return of(anyClass, location, packages);
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return of(anyClass, jar.getPath("/"), packages);
    }
  }

  private static Set<String> of(Class<?> anyClass, Path root, String... packages) throws IOException {
    Set<String> api = new TreeSet<>();
    for (String pkg : packages) {
      Path dir = root.resolve(pkg.replace('.', '/'));
      if (!Files.isDirectory(dir)) {
        throw new IOException("no classes of " + pkg + " under " + root);
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
          String name = pkg + "." + f.getFileName().toString().replace(".class", "").replace("/", "");
          Class<?> c;
          try {
            c = Class.forName(name, false, anyClass.getClassLoader());
          } catch (ClassNotFoundException e) {
            throw new IOException(e);
          }
          if (isApi(c)) {
            describe(c, api);
          }
        }
      }
    }
    return api;
  }

  private static boolean isApi(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static void describe(Class<?> c, Set<String> api) {
    // newer JDKs print "sealed"/"non-sealed" here, Java 17 does not: the same API either way
    api.add("type " + c.toGenericString().replace("non-sealed ", "").replace("sealed ", ""));
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k.getModifiers()) && !k.isSynthetic()) {
        api.add("  " + k.toGenericString());
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        api.add("  " + m.toGenericString());
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        api.add("  " + f.toGenericString());
      }
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /**
   * Compares {@code api} with the baseline file; with {@code -Ddfx.api.record=true}, records it
   * instead.
   *
   * @param api the API now
   * @param baseline the recorded file
   * @return what differs: removed or changed members ({@code "- "}) and unrecorded additions
   *     ({@code "+ "}); empty when the API matches
   * @throws IOException when the file cannot be read or written
   */
  public static List<String> differences(Set<String> api, Path baseline) throws IOException {
    if (Boolean.getBoolean("dfx.api.record")) {
      Files.write(baseline, api, StandardCharsets.UTF_8);
      return List.of();
    }
    Set<String> recorded = new TreeSet<>(Files.readAllLines(baseline, StandardCharsets.UTF_8));
    recorded.remove("");
    List<String> diff = new ArrayList<>();
    for (String line : recorded) {
      if (!api.contains(line)) {
        diff.add("- " + line);
      }
    }
    for (String line : api) {
      if (!recorded.contains(line)) {
        diff.add("+ " + line);
      }
    }
    return diff;
  }
}
