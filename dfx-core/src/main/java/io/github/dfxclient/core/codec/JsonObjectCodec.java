package io.github.dfxclient.core.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dfxclient.core.DfxCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link DfxCodec} for one JSON object, made of typed {@link JsonField} declarations: {@link
 * #encode} writes the declared fields in declaration order, {@link #decode} reads them strictly (see
 * the {@linkplain io.github.dfxclient.core.codec package documentation}) and hands them to a
 * decoder function.
 *
 * <pre>{@code
 * static final JsonField<String> TOKEN = JsonField.string("Token");
 * static final JsonField<String> REFRESH_TOKEN = JsonField.string("RefreshToken");
 *
 * static final JsonObjectCodec<TokenPair> TOKEN_PAIR = JsonObjectCodec.<TokenPair>builder()
 *     .field(TOKEN, TokenPair::token)
 *     .field(REFRESH_TOKEN, TokenPair::refreshToken)
 *     .build(in -> new TokenPair(in.get(TOKEN), in.get(REFRESH_TOKEN)));
 * }</pre>
 *
 * <p>Decoding throws a {@link MalformedJsonException} when the body is not one UTF-8 JSON object,
 * a {@link JsonFieldException} naming the field when a field is missing, {@code null} or of the
 * wrong type, and whatever {@link IllegalArgumentException} the decoder function throws (e.g. a
 * record's own checks). Encoding throws an {@link IllegalArgumentException} naming the field when a
 * required field's getter returns {@code null}. Messages never quote a value. No reflection; a
 * decode allocates the parser, one array of the declared fields' values and the values themselves.
 * Instances are immutable and thread-safe.
 *
 * @param <T> the Java type of the object
 */
public final class JsonObjectCodec<T> implements DfxCodec<T> {
  private static final int MAX_FIELDS = 64;

  private final JsonField<?>[] fields;
  private final Function<Object, ?>[] getters;
  private final Function<Decoded, T> decoder;
  private final List<JsonField<?>> fieldList;
  /** The generator-free writer, when every field is one it writes; else {@code null}. */
  private final PlainObjectWriter plain;

  private JsonObjectCodec(Builder<T> b, Function<Decoded, T> decoder) {
    this.fields = b.fields.toArray(new JsonField<?>[0]);
    @SuppressWarnings("unchecked")
    Function<Object, ?>[] g = b.getters.toArray(new Function[0]);
    this.getters = g;
    this.decoder = decoder;
    this.fieldList = List.copyOf(b.fields);
    this.plain = PlainObjectWriter.of(fields, getters);
  }

  /**
   * @param <T> the Java type of the object
   * @return a builder with no fields
   */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** @return the declared fields, in declaration order (the order they are written in) */
  public List<JsonField<?>> fields() {
    return fieldList;
  }

  /**
   * @param value the object, never {@code null}
   * @return its JSON, UTF-8, fields in declaration order, no white space
   * @throws IllegalArgumentException naming the field when a required field's value is {@code null}
   *     or a value cannot be written as its field's type
   */
  @Override
  public byte[] encode(T value) {
    if (value == null) {
      throw new IllegalArgumentException("value must not be null");
    }
    if (plain != null) {
      byte[] json = plain.write(value);
      if (json != null) {
        return json;
      }
    }
    return encodeWithGenerator(value);
  }

  /** @return the object's JSON, written by the generator whatever its values (the path any value can take) */
  byte[] encodeWithGenerator(T value) {
    StrictJson.Bytes out = new StrictJson.Bytes();
    try (JsonGenerator g = StrictJson.FACTORY.createGenerator(out)) {
      writeObject(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * @param json one JSON object, UTF-8, optionally after a byte-order mark and white space
   * @return the object the decoder made of its fields
   * @throws MalformedJsonException when the body is not one valid UTF-8 JSON object
   * @throws JsonFieldException when a declared field is missing, {@code null} or of the wrong type
   * @throws IllegalArgumentException when the decoder refuses the values
   */
  @Override
  public T decode(byte[] json) {
    T value;
    try (JsonParser p = StrictJson.open(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedJsonException("body is not a JSON object");
      }
      Object[] values = new Object[fields.length];
      long present = readFields(p, values);
      // the whole body is checked before its fields are judged: broken JSON is reported as such
      if (p.nextToken() != null) {
        throw new MalformedJsonException("body holds more than one JSON value");
      }
      value = complete(values, present);
    } catch (IOException e) {
      throw StrictJson.malformed(e);
    }
    return value;
  }

  /** Writes the object, its {@code START_OBJECT} included. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void writeObject(JsonGenerator g, T value) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < fields.length; i++) {
      JsonField field = fields[i];
      Object v = getters[i].apply(value);
      if (v == null) {
        switch (field.presence()) {
          case OPTIONAL:
            continue;
          case NULLABLE:
            g.writeFieldName(field.serializedName());
            g.writeNull();
            continue;
          default:
            throw new IllegalArgumentException(field.name() + " must not be null");
        }
      }
      g.writeFieldName(field.serializedName());
      field.type().write(g, v, field.name());
    }
    g.writeEndObject();
  }

  /** Reads the object whose {@code START_OBJECT} the parser is at, through its {@code END_OBJECT}. */
  T readObject(JsonParser p) throws IOException {
    Object[] values = new Object[fields.length];
    return complete(values, readFields(p, values));
  }

  /** Reads the fields into {@code values}; returns the bit set of the declared fields present. */
  private long readFields(JsonParser p, Object[] values) throws IOException {
    long present = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int i = indexOf(p.currentName());
      JsonToken t = p.nextToken();
      if (i < 0) {
        p.skipChildren();
        continue;
      }
      JsonField<?> field = fields[i];
      present |= 1L << i;
      if (t == JsonToken.VALUE_NULL) {
        if (field.presence() == JsonField.Presence.REQUIRED) {
          throw new JsonFieldException(field.name(), JsonFieldException.Problem.NULL, field.expectedType(), "null");
        }
      } else {
        values[i] = field.type().read(p, t, field.name());
      }
    }
    // jackson ends an object only at END_OBJECT; anything else is a syntax error it has thrown
    return present;
  }

  /** Checks that every field that must be present is, and makes the object. */
  private T complete(Object[] values, long present) {
    for (int i = 0; i < fields.length; i++) {
      if ((present & (1L << i)) == 0 && fields[i].presence() != JsonField.Presence.OPTIONAL) {
        throw new JsonFieldException(fields[i].name(), JsonFieldException.Problem.MISSING,
            fields[i].expectedType(), "");
      }
    }
    return decoder.apply(new Decoded(this, values));
  }

  private int indexOf(String name) {
    for (int i = 0; i < fields.length; i++) {
      String n = fields[i].name();
      if (n == name || n.equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private int indexOf(JsonField<?> field) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == field) {
        return i;
      }
    }
    return -1;
  }

  /** @return e.g. {@code JsonObjectCodec[Token, RefreshToken]} */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("JsonObjectCodec[");
    for (int i = 0; i < fields.length; i++) {
      b.append(i == 0 ? "" : ", ").append(fields[i].name());
    }
    return b.append(']').toString();
  }

  /**
   * A codec for any JSON object, read as an unmodifiable {@code Map<String, Object>} in document
   * order with values as {@link JsonField#any} keeps them, by the same strict path as every codec.
   * For tests and tools that look at a body as data; operations should declare their fields.
   *
   * @return the codec
   */
  public static DfxCodec<Map<String, Object>> anyObject() {
    return AnyObject.INSTANCE;
  }

  /** See {@link #anyObject()}. */
  private static final class AnyObject implements DfxCodec<Map<String, Object>> {
    static final AnyObject INSTANCE = new AnyObject();

    @Override
    public byte[] encode(Map<String, Object> value) {
      if (value == null) {
        throw new IllegalArgumentException("value must not be null");
      }
      StrictJson.Bytes out = new StrictJson.Bytes();
      try (JsonGenerator g = StrictJson.FACTORY.createGenerator(out)) {
        JsonType.writeAny(g, value, "value");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> decode(byte[] json) {
      try (JsonParser p = StrictJson.open(json)) {
        Map<String, Object> map = (Map<String, Object>) JsonType.readAny(p, p.nextToken());
        if (p.nextToken() != null) {
          throw new MalformedJsonException("body holds more than one JSON value");
        }
        return map;
      } catch (IOException e) {
        throw StrictJson.malformed(e);
      }
    }
  }

  /**
   * The values of a decoded object, by field: what a decoder function builds its value from. Valid
   * only during that call.
   */
  public static final class Decoded {
    private final JsonObjectCodec<?> codec;
    private final Object[] values;

    private Decoded(JsonObjectCodec<?> codec, Object[] values) {
      this.codec = codec;
      this.values = values;
    }

    /**
     * @param field a field this codec declared (the same instance)
     * @param <V> its Java type
     * @return its value; {@code null} only for a nullable field that was {@code null} or an optional
     *     field that was absent or {@code null}
     * @throws IllegalStateException when the codec did not declare {@code field}
     */
    @SuppressWarnings("unchecked")
    public <V> V get(JsonField<V> field) {
      int i = codec.indexOf(field);
      if (i < 0) {
        throw new IllegalStateException(field + " is not declared in " + codec);
      }
      return (V) values[i];
    }
  }

  /**
   * Builds a {@link JsonObjectCodec}: the fields in the order they are written, each with the getter
   * that reads its value from the object, then the decoder that makes the object from the values.
   *
   * @param <T> the Java type of the object
   */
  public static final class Builder<T> {
    private final List<JsonField<?>> fields = new ArrayList<>();
    private final List<Function<? super T, ?>> getters = new ArrayList<>();

    private Builder() {}

    /**
     * @param field the field; its name must not repeat another field's
     * @param getter the field's value in an object (for encoding); may return {@code null} only
     *     for a nullable or optional field
     * @param <V> the field's Java type
     * @return this
     * @throws IllegalArgumentException when an argument is null, the name repeats, or there are
     *     more than 64 fields
     */
    public <V> Builder<T> field(JsonField<V> field, Function<? super T, ? extends V> getter) {
      if (field == null || getter == null) {
        throw new IllegalArgumentException("field and getter must not be null");
      }
      for (JsonField<?> f : fields) {
        if (f.name().equals(field.name())) {
          throw new IllegalArgumentException("field " + field.name() + " is declared twice");
        }
      }
      if (fields.size() == MAX_FIELDS) {
        throw new IllegalArgumentException("an object codec holds at most " + MAX_FIELDS + " fields");
      }
      fields.add(field);
      getters.add(getter);
      return this;
    }

    /**
     * @param decoder makes the object from the decoded values (it may throw an {@link
     *     IllegalArgumentException} to refuse them)
     * @return the codec
     * @throws IllegalArgumentException when {@code decoder} is null
     */
    public JsonObjectCodec<T> build(Function<Decoded, T> decoder) {
      if (decoder == null) {
        throw new IllegalArgumentException("decoder must not be null");
      }
      return new JsonObjectCodec<>(this, decoder);
    }
  }
}
