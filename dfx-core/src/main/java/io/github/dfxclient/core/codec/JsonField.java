package io.github.dfxclient.core.codec;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One field of a JSON object, typed: its name on the wire, the Java type of its value, and whether
 * it must be present and non-null. A field is a key: the codec that declares it writes the value a
 * getter returns, and its decoder reads the value back with {@link JsonObjectCodec.Decoded#get}.
 *
 * <pre>{@code
 * static final JsonField<String> TOKEN = JsonField.string("Token");                  // required
 * static final JsonField<String> LOGO_URL = JsonField.string("logoURL").nullable(); // present, may be null
 * static final JsonField<String> EMAIL = JsonField.string("Email").optional();      // may be absent
 * }</pre>
 *
 * <p>Presence: {@link Presence#REQUIRED} (the default) must be present and not {@code null};
 * {@link Presence#NULLABLE} must be present and may be {@code null} (written as {@code null});
 * {@link Presence#OPTIONAL} may be absent or {@code null} (read as {@code null}; a {@code null} value
 * is left out when written). Instances are immutable and thread-safe.
 *
 * @param <T> the Java type of the value
 */
public final class JsonField<T> {

  /** Whether a field must be present and non-null. */
  public enum Presence {
    /** Present and not {@code null}. */
    REQUIRED,
    /** Present; {@code null} allowed. */
    NULLABLE,
    /** May be absent or {@code null}; left out when {@code null} on writing. */
    OPTIONAL
  }

  private final String name;
  private final JsonType<T> type;
  private final Presence presence;
  private final SerializableString serializedName;

  private JsonField(String name, JsonType<T> type, Presence presence) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name must not be null or empty");
    }
    this.name = name;
    this.type = type;
    this.presence = presence;
    this.serializedName = new SerializedString(name);
  }

  /**
   * @param name the field's name on the wire
   * @return a required JSON string field
   */
  public static JsonField<String> string(String name) {
    return new JsonField<>(name, JsonType.STRING, Presence.REQUIRED);
  }

  /**
   * @param name the field's name on the wire
   * @return a required JSON boolean field ({@code true} or {@code false}, nothing else)
   */
  public static JsonField<Boolean> bool(String name) {
    return new JsonField<>(name, JsonType.BOOLEAN, Presence.REQUIRED);
  }

  /**
   * @param name the field's name on the wire
   * @return a required integer field in the range of a Java {@code long} (no fraction, no exponent)
   */
  public static JsonField<Long> int64(String name) {
    return new JsonField<>(name, JsonType.INT64, Presence.REQUIRED);
  }

  /**
   * @param name the field's name on the wire
   * @return a required instant, written as an integer number of seconds since 1970-01-01T00:00:00Z
   *     (a JWT's {@code NumericDate} without fraction); written from {@link Instant#getEpochSecond()}
   */
  public static JsonField<Instant> epochSeconds(String name) {
    return new JsonField<>(name, JsonType.EPOCH_SECONDS, Presence.REQUIRED);
  }

  /**
   * @param name the field's name on the wire
   * @return a required duration, written as a non-negative integer number of seconds (e.g. OAuth's
   *     {@code expires_in}); writing a negative or fractional duration throws
   */
  public static JsonField<Duration> seconds(String name) {
    return new JsonField<>(name, JsonType.SECONDS, Presence.REQUIRED);
  }

  /**
   * @param name the field's name on the wire
   * @param codec the nested object's codec
   * @param <T> the nested object's Java type
   * @return a required nested object field; a problem inside it is reported as {@code name.inner}
   */
  public static <T> JsonField<T> object(String name, JsonObjectCodec<T> codec) {
    if (codec == null) {
      throw new IllegalArgumentException("codec must not be null");
    }
    return new JsonField<>(name, new JsonType.ObjectType<>(codec), Presence.REQUIRED);
  }

  /**
   * @param name the field's name on the wire
   * @param itemCodec the codec of each item
   * @param <T> an item's Java type
   * @return a required array-of-objects field, read as an unmodifiable list in document order; a
   *     problem inside an item is reported as {@code name[index].inner}
   */
  public static <T> JsonField<List<T>> list(String name, JsonObjectCodec<T> itemCodec) {
    if (itemCodec == null) {
      throw new IllegalArgumentException("itemCodec must not be null");
    }
    return new JsonField<>(name, new JsonType.ListType<>(itemCodec), Presence.REQUIRED);
  }

  /**
   * Any JSON value, kept as it is: an object as an unmodifiable {@code Map<String, Object>} in
   * document order, an array as an unmodifiable {@code List<Object>}, a string as {@code String}, an
   * integer in the {@code long} range as {@code Long}, any other number as {@code Double}, {@code
   * true}/{@code false} as {@code Boolean}, and {@code null} as {@code null} (also inside maps and
   * lists). Written back from the same types ({@code Integer}, {@code BigInteger} and the like are
   * accepted too).
   *
   * @param name the field's name on the wire
   * @return a required field of any JSON type (JSON {@code null} only when made {@link #nullable()})
   */
  public static JsonField<Object> any(String name) {
    return new JsonField<>(name, JsonType.ANY, Presence.REQUIRED);
  }

  /** @return this field, present but allowed to be {@code null} */
  public JsonField<T> nullable() {
    return new JsonField<>(name, type, Presence.NULLABLE);
  }

  /** @return this field, allowed to be absent or {@code null}; left out when {@code null} on writing */
  public JsonField<T> optional() {
    return new JsonField<>(name, type, Presence.OPTIONAL);
  }

  /** @return the field's name on the wire */
  public String name() {
    return name;
  }

  /** @return whether it must be present and non-null */
  public Presence presence() {
    return presence;
  }

  /** @return the JSON type it must have, as messages say it, e.g. {@code "a string"} */
  public String expectedType() {
    return type.expected;
  }

  /**
   * @return the codec of the nested object ({@link #object}) or of each item ({@link #list}); empty
   *     for a field of another type
   */
  public Optional<JsonObjectCodec<?>> nestedCodec() {
    if (type instanceof JsonType.ObjectType<?> o) {
      return Optional.of(o.codec);
    }
    if (type instanceof JsonType.ListType<?> l) {
      return Optional.of(l.codec);
    }
    return Optional.empty();
  }

  JsonType<T> type() {
    return type;
  }

  SerializableString serializedName() {
    return serializedName;
  }

  /** @return e.g. {@code JsonField[Token: a string, REQUIRED]} */
  @Override
  public String toString() {
    return "JsonField[" + name + ": " + type.expected + ", " + presence + "]";
  }
}
