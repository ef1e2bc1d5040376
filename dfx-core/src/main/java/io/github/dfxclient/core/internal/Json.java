package io.github.dfxclient.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The strict JSON reading and writing every codec uses (jackson-core streaming): valid UTF-8, one
 * object, no duplicate keys, unknown fields skipped. Failures are {@link IllegalArgumentException}s
 * whose messages name fields and types, never values; {@link Malformed} marks a body that is not
 * JSON at all (its excerpt may be quoted when the answer is not secret).
 */
public final class Json {
  /** JSON null, as a field value. */
  public static final Object NULL = new Object();
  /** An object or array where a scalar was expected. */
  public static final Object WRONG_TYPE = new Object();

  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private Json() {}

  /** The body is not one valid JSON object. */
  public static final class Malformed extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** Writes one JSON object. */
  @FunctionalInterface
  public interface Writer {
    /**
     * @param g the generator, inside the object
     * @throws IOException never for an in-memory target
     */
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * @param sizeHint expected size
   * @param fields writes the fields
   * @return the object's bytes
   */
  public static byte[] object(int sizeHint, Writer fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * @param names the top-level fields to read
   * @param body the JSON
   * @return each field's value: a {@code String}, {@code Boolean}, {@code Number}, {@link #NULL},
   *     {@link #WRONG_TYPE} for an object or array, or {@code null} when absent
   * @throws Malformed when the body is not one valid UTF-8 JSON object
   */
  public static Object[] fields(byte[] body, String... names) {
    return parse(body, names, null);
  }

  private static Object[] parse(byte[] body, String[] names, Nested nested) {
    if (body == null || body.length == 0) {
      throw new Malformed("body is empty");
    }
    if (!Utf8.isValid(body)) {
      throw new Malformed("body is not valid UTF-8");
    }
    try (JsonParser p = FACTORY.createParser(body)) {
      Object[] values = readObject(p, names, nested);
      if (p.nextToken() != null) {
        throw new Malformed("body is not a single JSON object");
      }
      return values;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new Malformed("body is not a valid JSON object" + where);
    } catch (IOException e) {
      throw new Malformed("body could not be read");
    }
  }

  /**
   * Reads the object the parser is at (its {@code START_OBJECT} not yet consumed), keeping the named
   * fields; the field {@code nested} names, when it is an array of objects, is read item by item
   * with the nested names into a {@code List<Object[]>}.
   */
  private static Object[] readObject(JsonParser p, String[] names, Nested nested) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new Malformed("body is not a JSON object");
    }
    return readFields(p, names, nested);
  }

  private static Object[] readFields(JsonParser p, String[] names, Nested nested) throws IOException {
    Object[] values = new Object[names.length];
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      int index = indexOf(names, name);
      if (index < 0) {
        p.skipChildren();
        continue;
      }
      if (nested != null && nested.field.equals(name) && value == JsonToken.START_ARRAY) {
        List<Object[]> items = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
          if (item != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("\"" + name + "\" must be an array of objects");
          }
          items.add(readFields(p, nested.names, null));
        }
        values[index] = items;
        continue;
      }
      values[index] = scalar(p, value);
    }
    if (t != JsonToken.END_OBJECT) {
      throw new Malformed("body is not a JSON object");
    }
    return values;
  }

  /**
   * Like {@link #fields}, and one field {@code arrayField} that must be an array of objects, returned
   * as a {@code List<Object[]>} of their {@code itemNames} fields (or {@link #NULL}/{@link
   * #WRONG_TYPE}/absent like any field).
   *
   * @param body the JSON
   * @param arrayField the array's field name (must be among {@code names})
   * @param itemNames the fields of each array item
   * @param names the top-level fields
   * @return the values
   */
  public static Object[] fieldsWithArray(byte[] body, String arrayField, String[] itemNames, String... names) {
    return parse(body, names, new Nested(arrayField, itemNames));
  }

  private record Nested(String field, String[] names) {}

  private static Object scalar(JsonParser p, JsonToken value) throws IOException {
    switch (value) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_NULL:
        return NULL;
      default:
        p.skipChildren();
        return WRONG_TYPE;
    }
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * @param value a field value from {@link #fields}
   * @param field its name
   * @return the string
   * @throws IllegalArgumentException naming the field when it is absent, null or not a string
   */
  public static String string(Object value, String field) {
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(describe(value, field, "a string"));
  }

  /**
   * @param value a field value, may be absent
   * @param field its name
   * @return the string, or {@code null} when absent or JSON null
   * @throws IllegalArgumentException naming the field when it is of another type
   */
  public static String optionalString(Object value, String field) {
    if (value == null || value == NULL) {
      return null;
    }
    return string(value, field);
  }

  /**
   * @param value a field value from {@link #fields}
   * @param field its name
   * @return the boolean
   * @throws IllegalArgumentException naming the field when it is absent, null or not a boolean
   */
  public static boolean bool(Object value, String field) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(describe(value, field, "a boolean"));
  }

  private static String describe(Object value, String field, String expected) {
    if (value == null) {
      return "lacks \"" + field + "\"";
    }
    if (value == NULL) {
      return "has \"" + field + "\": null";
    }
    return "\"" + field + "\" is not " + expected;
  }

  /**
   * @param body a JSON document
   * @return every string value in it, at any depth (empty when it is not JSON)
   */
  public static List<String> strings(byte[] body) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          out.add(p.getText());
        }
      }
    } catch (IOException e) {
      // what was read so far
    }
    return out;
  }

  /** @return a scalar value as text (a string or a number), else {@code null} */
  public static String scalarText(Object value) {
    if (value instanceof String || value instanceof Number) {
      return value.toString();
    }
    return null;
  }
}
