package io.github.dfxclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The testkit's public API names no WireMock or JMH type: a consumer compiles against our types
 * only, and WireMock stays an implementation detail (JMH is not even a dependency any more).
 */
class PublicApiTest {

  @Test
  void publicSignaturesMentionNoWireMockOrJmhType() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(FakeAuths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(f).toString().replace('/', '.').replace(".class", "");
        Class<?> c = Class.forName(name, false, getClass().getClassLoader());
        if (!Modifier.isPublic(c.getModifiers())) {
          continue;
        }
        checked++;
        List<Type> types = new ArrayList<>();
        types.add(c.getGenericSuperclass());
        types.addAll(List.of(c.getGenericInterfaces()));
        for (Method m : c.getDeclaredMethods()) {
          if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
            types.add(m.getGenericReturnType());
            types.addAll(List.of(m.getGenericParameterTypes()));
          }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
            types.addAll(List.of(k.getGenericParameterTypes()));
          }
        }
        for (Field fl : c.getDeclaredFields()) {
          if (Modifier.isPublic(fl.getModifiers()) || Modifier.isProtected(fl.getModifiers())) {
            types.add(fl.getGenericType());
          }
        }
        for (Type t : types) {
          String s = String.valueOf(t);
          if (s.contains("com.github.tomakehurst") || s.contains("org.wiremock") || s.contains("org.openjdk.jmh")) {
            leaks.add(c.getName() + ": " + s);
          }
        }
      }
    }
    assertThat(checked).as("public classes checked").isGreaterThan(10);
    assertThat(leaks).isEmpty();
  }
}
