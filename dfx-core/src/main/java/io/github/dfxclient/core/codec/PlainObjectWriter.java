package io.github.dfxclient.core.codec;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The short way to write an object whose values are all plain: strings that are ASCII with nothing
 * to escape (tokens, IDs, codes, most names), booleans, or absent. It writes exactly the bytes the
 * generator path of {@link JsonObjectCodec} writes (fields in declaration order, no white space),
 * into one array of the exact size, without a generator; for any other value it answers {@code
 * null} and the codec takes its generator path.
 */
final class PlainObjectWriter {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private final JsonField<?>[] fields;
  private final Function<Object, ?>[] getters;
  /** Per field, {@code "Name":} as the generator writes it. */
  private final byte[][] names;

  private PlainObjectWriter(JsonField<?>[] fields, Function<Object, ?>[] getters, byte[][] names) {
    this.fields = fields;
    this.getters = getters;
    this.names = names;
  }

  /**
   * @param fields the codec's fields
   * @param getters their getters
   * @return a writer for these fields, or {@code null} when a field's type or name is not one it writes
   */
  static PlainObjectWriter of(JsonField<?>[] fields, Function<Object, ?>[] getters) {
    byte[][] names = new byte[fields.length][];
    for (int i = 0; i < fields.length; i++) {
      JsonType<?> type = fields[i].type();
      if (type != JsonType.STRING && type != JsonType.BOOLEAN) {
        return null;
      }
      byte[] name = fields[i].name().getBytes(StandardCharsets.UTF_8);
      if (name.length != fields[i].name().length() || !StrictJson.plainAscii(name)) {
        return null;
      }
      byte[] member = new byte[name.length + 3];
      member[0] = '"';
      System.arraycopy(name, 0, member, 1, name.length);
      member[name.length + 1] = '"';
      member[name.length + 2] = ':';
      names[i] = member;
    }
    return new PlainObjectWriter(fields, getters, names);
  }

  /**
   * @param value the object
   * @return its JSON, or {@code null} when a value is not plain (the generator writes it then)
   * @throws IllegalArgumentException naming the field when a required field's value is {@code null}
   */
  byte[] write(Object value) {
    byte[][] values = new byte[fields.length][];
    int size = 2;
    for (int i = 0; i < fields.length; i++) {
      Object v = getters[i].apply(value);
      byte[] b;
      if (v == null) {
        switch (fields[i].presence()) {
          case OPTIONAL:
            continue;
          case NULLABLE:
            b = NULL;
            break;
          default:
            throw new IllegalArgumentException(fields[i].name() + " must not be null");
        }
      } else if (v instanceof String s) {
        b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length != s.length() || !StrictJson.plainAscii(b)) {
          return null;
        }
        size += 2;
      } else if (v instanceof Boolean flag) {
        b = flag ? TRUE : FALSE;
      } else {
        return null;
      }
      values[i] = b;
      size += names[i].length + b.length + 1;
    }
    if (size > 2) {
      size--;   // one comma fewer than members
    }
    byte[] out = new byte[size];
    int at = 0;
    out[at++] = '{';
    for (int i = 0; i < fields.length; i++) {
      byte[] b = values[i];
      if (b == null) {
        continue;
      }
      if (at > 1) {
        out[at++] = ',';
      }
      byte[] name = names[i];
      System.arraycopy(name, 0, out, at, name.length);
      at += name.length;
      boolean quoted = b != NULL && b != TRUE && b != FALSE;
      if (quoted) {
        out[at++] = '"';
      }
      System.arraycopy(b, 0, out, at, b.length);
      at += b.length;
      if (quoted) {
        out[at++] = '"';
      }
    }
    out[at] = '}';
    return out;
  }
}
