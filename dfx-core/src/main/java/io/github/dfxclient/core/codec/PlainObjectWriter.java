package io.github.dfxclient.core.codec;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The short way to write an object whose values are all plain: strings that are ASCII with nothing
 * to escape (tokens, IDs, codes, most names), booleans, or absent. It writes exactly the bytes the
 * generator path of {@link JsonObjectCodec} writes (fields in declaration order, no white space),
 * straight into one array of the exact size, without a generator or a copy per value; for any
 * other value it answers {@code null} and the codec takes its generator path.
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
    Object[] values = new Object[fields.length];
    int size = 2;
    int members = 0;
    for (int i = 0; i < fields.length; i++) {
      Object v = getters[i].apply(value);
      if (v == null) {
        switch (fields[i].presence()) {
          case OPTIONAL:
            continue;
          case NULLABLE:
            v = NULL;
            break;
          default:
            throw new IllegalArgumentException(fields[i].name() + " must not be null");
        }
      } else if (v instanceof String s) {
        if (!plain(s)) {
          return null;
        }
        size += s.length() + 2;
      } else if (v instanceof Boolean flag) {
        v = flag ? TRUE : FALSE;
      } else {
        return null;
      }
      if (v instanceof byte[] literal) {
        size += literal.length;
      }
      values[i] = v;
      size += names[i].length;
      members++;
    }
    size += Math.max(members - 1, 0);   // the commas
    byte[] out = new byte[size];
    int at = 0;
    out[at++] = '{';
    for (int i = 0; i < fields.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      if (at > 1) {
        out[at++] = ',';
      }
      byte[] name = names[i];
      System.arraycopy(name, 0, out, at, name.length);
      at += name.length;
      if (v instanceof byte[] literal) {
        System.arraycopy(literal, 0, out, at, literal.length);
        at += literal.length;
      } else {
        at = ascii((String) v, out, at);
      }
    }
    out[at] = '}';
    return out;
  }

  /** @return whether every character is ASCII that a JSON string holds as it is: 0x20 to 0x7f, not {@code "} or {@code \} */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Writes a {@link #plain} string, quoted, into {@code out} at {@code at}; returns where it ends. */
  @SuppressWarnings("deprecation")
  private static int ascii(String s, byte[] out, int at) {
    out[at++] = '"';
    // every character is ASCII (checked by plain): its low byte is its UTF-8
    s.getBytes(0, s.length(), out, at);
    at += s.length();
    out[at++] = '"';
    return at;
  }
}
