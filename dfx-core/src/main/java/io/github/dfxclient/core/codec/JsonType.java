package io.github.dfxclient.core.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one kind of field value is read and written. Reading starts at the value's first token, which
 * is never {@code VALUE_NULL} (the codec handles null by the field's presence).
 *
 * @param <T> the Java type
 */
abstract class JsonType<T> {
  /** The type, for messages: e.g. "a string". */
  final String expected;

  JsonType(String expected) {
    this.expected = expected;
  }

  /**
   * @param p the parser, at the value's first token
   * @param t that token, never {@code VALUE_NULL}
   * @param field the field's name, for a {@link JsonFieldException}
   * @return the value, never {@code null}
   * @throws IOException from the parser
   */
  abstract T read(JsonParser p, JsonToken t, String field) throws IOException;

  /**
   * @param g the generator, after the field name
   * @param value the value, never {@code null}
   * @param field the field's name, for an {@link IllegalArgumentException}
   * @throws IOException from the generator
   */
  abstract void write(JsonGenerator g, T value, String field) throws IOException;

  final JsonFieldException wrongType(String field, JsonToken found) {
    return new JsonFieldException(field, JsonFieldException.Problem.WRONG_TYPE, expected, describe(found));
  }

  static String describe(JsonToken t) {
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return "something else";
    }
  }

  // ------------------------------------------------------------------ the kinds

  static final JsonType<String> STRING = new JsonType<>("a string") {
    @Override
    String read(JsonParser p, JsonToken t, String field) throws IOException {
      if (t != JsonToken.VALUE_STRING) {
        throw wrongType(field, t);
      }
      return p.getText();
    }

    @Override
    void write(JsonGenerator g, String value, String field) throws IOException {
      StrictJson.writeString(g, value);
    }
  };

  static final JsonType<Boolean> BOOLEAN = new JsonType<>("a boolean") {
    @Override
    Boolean read(JsonParser p, JsonToken t, String field) {
      if (t == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      if (t == JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      }
      throw wrongType(field, t);
    }

    @Override
    void write(JsonGenerator g, Boolean value, String field) throws IOException {
      g.writeBoolean(value);
    }
  };

  static final JsonType<Long> INT64 = new JsonType<>("an integer in the int64 range") {
    @Override
    Long read(JsonParser p, JsonToken t, String field) throws IOException {
      return readLong(this, p, t, field);
    }

    @Override
    void write(JsonGenerator g, Long value, String field) throws IOException {
      g.writeNumber(value.longValue());
    }
  };

  static final JsonType<Instant> EPOCH_SECONDS = new JsonType<>("an integer number of seconds since the epoch") {
    @Override
    Instant read(JsonParser p, JsonToken t, String field) throws IOException {
      long seconds = readLong(this, p, t, field);
      try {
        return Instant.ofEpochSecond(seconds);
      } catch (DateTimeException e) {
        throw new JsonFieldException(field, JsonFieldException.Problem.WRONG_TYPE, expected,
            "a number out of the range of an instant");
      }
    }

    @Override
    void write(JsonGenerator g, Instant value, String field) throws IOException {
      g.writeNumber(value.getEpochSecond());
    }
  };

  static final JsonType<Duration> SECONDS = new JsonType<>("a non-negative integer number of seconds") {
    @Override
    Duration read(JsonParser p, JsonToken t, String field) throws IOException {
      long seconds = readLong(this, p, t, field);
      if (seconds < 0) {
        throw new JsonFieldException(field, JsonFieldException.Problem.WRONG_TYPE, expected, "a negative number");
      }
      return Duration.ofSeconds(seconds);
    }

    @Override
    void write(JsonGenerator g, Duration value, String field) throws IOException {
      if (value.isNegative() || value.getNano() != 0) {
        throw new IllegalArgumentException(field + " must be a non-negative whole number of seconds");
      }
      g.writeNumber(value.getSeconds());
    }
  };

  private static long readLong(JsonType<?> type, JsonParser p, JsonToken t, String field) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        throw new JsonFieldException(field, JsonFieldException.Problem.WRONG_TYPE, type.expected,
            "a number with a fraction or an exponent");
      }
      throw type.wrongType(field, t);
    }
    JsonParser.NumberType n = p.getNumberType();
    if (n != JsonParser.NumberType.INT && n != JsonParser.NumberType.LONG) {
      throw new JsonFieldException(field, JsonFieldException.Problem.WRONG_TYPE, type.expected,
          "a number out of the int64 range");
    }
    return p.getLongValue();
  }

  /** Any JSON value: unmodifiable maps (in document order) and lists, strings, Long or Double, Boolean, null. */
  static final JsonType<Object> ANY = new JsonType<>("any JSON value") {
    @Override
    Object read(JsonParser p, JsonToken t, String field) throws IOException {
      return readAny(p, t);
    }

    @Override
    void write(JsonGenerator g, Object value, String field) throws IOException {
      writeAny(g, value, field);
    }
  };

  static Object readAny(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          map.put(name, readAny(p, p.nextToken()));
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          list.add(readAny(p, n));
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT: {
        JsonParser.NumberType n = p.getNumberType();
        return n == JsonParser.NumberType.INT || n == JsonParser.NumberType.LONG
            ? (Object) p.getLongValue() : (Object) p.getDoubleValue();
      }
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new MalformedJsonException("body is not a valid JSON object");
    }
  }

  static void writeAny(JsonGenerator g, Object value, String field) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(field + " holds a number JSON cannot represent (NaN or infinite)");
      }
      g.writeNumber(d);
    } else if (value instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (value instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(field + " holds a map whose keys are not all strings");
        }
        g.writeFieldName(key);
        writeAny(g, e.getValue(), field);
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeAny(g, item, field);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException(field + " holds a " + value.getClass().getSimpleName()
          + ", which is not a JSON value (Map, List, String, Number, Boolean or null)");
    }
  }

  /** A nested object, read and written by another object codec. */
  static final class ObjectType<T> extends JsonType<T> {
    final JsonObjectCodec<T> codec;

    ObjectType(JsonObjectCodec<T> codec) {
      super("an object");
      this.codec = codec;
    }

    @Override
    T read(JsonParser p, JsonToken t, String field) throws IOException {
      if (t != JsonToken.START_OBJECT) {
        throw wrongType(field, t);
      }
      try {
        return codec.readObject(p);
      } catch (JsonFieldException e) {
        throw e.under(field);
      }
    }

    @Override
    void write(JsonGenerator g, T value, String field) throws IOException {
      codec.writeObject(g, value);
    }
  }

  /** An array of objects, each read and written by another object codec; an unmodifiable list. */
  static final class ListType<T> extends JsonType<List<T>> {
    final JsonObjectCodec<T> codec;

    ListType(JsonObjectCodec<T> codec) {
      super("an array of objects");
      this.codec = codec;
    }

    @Override
    List<T> read(JsonParser p, JsonToken t, String field) throws IOException {
      if (t != JsonToken.START_ARRAY) {
        throw wrongType(field, t);
      }
      List<T> items = new ArrayList<>();
      JsonToken item;
      while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
        if (item != JsonToken.START_OBJECT) {
          throw new JsonFieldException(field + "[" + items.size() + "]", JsonFieldException.Problem.WRONG_TYPE,
              "an object", describe(item));
        }
        try {
          items.add(codec.readObject(p));
        } catch (JsonFieldException e) {
          throw e.under(field + "[" + items.size() + "]");
        }
      }
      return Collections.unmodifiableList(items);
    }

    @Override
    void write(JsonGenerator g, List<T> value, String field) throws IOException {
      g.writeStartArray();
      for (T item : value) {
        if (item == null) {
          throw new IllegalArgumentException(field + " must not hold null items");
        }
        codec.writeObject(g, item);
      }
      g.writeEndArray();
    }
  }
}
