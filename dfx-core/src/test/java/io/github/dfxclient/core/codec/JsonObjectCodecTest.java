package io.github.dfxclient.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec layer on its own: every field type, the three presences, the strict reading rules, the
 * messages (field named, value never quoted), and byte-exact writing.
 */
class JsonObjectCodecTest {

  /** A test record with one field of every type. */
  record Claims(String id, boolean loginUser, long sessionGen, Instant expiresAt, Duration expiresIn,
      Policies policies, List<Provider> providers, Object permissions, String region, String note) {}

  record Policies(boolean loginUser) {}

  record Provider(String name, String icon) {}

  static final JsonField<Boolean> LOGIN_USER = JsonField.bool("LoginUser");
  static final JsonObjectCodec<Policies> POLICIES = JsonObjectCodec.<Policies>builder()
      .field(LOGIN_USER, Policies::loginUser)
      .build(in -> new Policies(in.get(LOGIN_USER)));

  static final JsonField<String> NAME = JsonField.string("name");
  static final JsonField<String> ICON = JsonField.string("icon").nullable();
  static final JsonObjectCodec<Provider> PROVIDER = JsonObjectCodec.<Provider>builder()
      .field(NAME, Provider::name)
      .field(ICON, Provider::icon)
      .build(in -> new Provider(in.get(NAME), in.get(ICON)));

  static final JsonField<String> ID = JsonField.string("ID");
  static final JsonField<Boolean> LOGIN = JsonField.bool("login");
  static final JsonField<Long> SESSION_GEN = JsonField.int64("SessionGen");
  static final JsonField<Instant> EXP = JsonField.epochSeconds("exp");
  static final JsonField<Duration> EXPIRES_IN = JsonField.seconds("expiresIn");
  static final JsonField<Policies> POLICIES_FIELD = JsonField.object("Policies", POLICIES);
  static final JsonField<List<Provider>> PROVIDERS = JsonField.list("providers", PROVIDER);
  static final JsonField<Object> PERMISSIONS = JsonField.any("Permissions");
  static final JsonField<String> REGION = JsonField.string("Region").nullable();
  static final JsonField<String> NOTE = JsonField.string("note").optional();

  static final JsonObjectCodec<Claims> CLAIMS = JsonObjectCodec.<Claims>builder()
      .field(ID, Claims::id)
      .field(LOGIN, Claims::loginUser)
      .field(SESSION_GEN, Claims::sessionGen)
      .field(EXP, Claims::expiresAt)
      .field(EXPIRES_IN, Claims::expiresIn)
      .field(POLICIES_FIELD, Claims::policies)
      .field(PROVIDERS, Claims::providers)
      .field(PERMISSIONS, Claims::permissions)
      .field(REGION, Claims::region)
      .field(NOTE, Claims::note)
      .build(in -> new Claims(in.get(ID), in.get(LOGIN), in.get(SESSION_GEN), in.get(EXP), in.get(EXPIRES_IN),
          in.get(POLICIES_FIELD), in.get(PROVIDERS), in.get(PERMISSIONS), in.get(REGION), in.get(NOTE)));

  static final String FULL = "{\"ID\":\"u-1\",\"login\":true,\"SessionGen\":9007199254740993,\"exp\":1700000000,"
      + "\"expiresIn\":3600,\"Policies\":{\"LoginUser\":false},"
      + "\"providers\":[{\"name\":\"Google\",\"icon\":null},{\"name\":\"Okta\",\"icon\":\"https://i\"}],"
      + "\"Permissions\":{\"read\":[\"a\",1,2.5,true,null],\"n\":{}},\"Region\":null,\"note\":\"hi\"}";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void readsEveryFieldType() {
    Claims c = CLAIMS.decode(utf8(FULL));

    assertThat(c.id()).isEqualTo("u-1");
    assertThat(c.loginUser()).isTrue();
    assertThat(c.sessionGen()).isEqualTo(9007199254740993L);
    assertThat(c.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(c.expiresIn()).isEqualTo(Duration.ofHours(1));
    assertThat(c.policies().loginUser()).isFalse();
    assertThat(c.providers()).containsExactly(new Provider("Google", null), new Provider("Okta", "https://i"));
    assertThat(c.permissions()).isEqualTo(Map.of("read", Arrays.asList("a", 1L, 2.5, true, null), "n", Map.of()));
    assertThat(c.region()).isNull();
    assertThat(c.note()).isEqualTo("hi");
    assertThatThrownBy(() -> c.providers().add(new Provider("x", null))).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> permissions = (Map<String, Object>) c.permissions();
    assertThatThrownBy(() -> permissions.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void writesTheDeclaredFieldsInOrderByteForByte() {
    Claims c = CLAIMS.decode(utf8(FULL));

    assertThat(text(CLAIMS.encode(c))).isEqualTo(FULL);
  }

  @Test
  void leavesOutAnOptionalNullAndWritesANullableNull() {
    Claims c = CLAIMS.decode(utf8(FULL.replace(",\"note\":\"hi\"", "")));

    assertThat(c.note()).isNull();
    assertThat(text(CLAIMS.encode(c))).isEqualTo(FULL.replace(",\"note\":\"hi\"", ""));
    assertThat(CLAIMS.decode(utf8(FULL.replace("\"note\":\"hi\"", "\"note\":null"))).note()).isNull();
  }

  @Test
  void refusesToWriteARequiredNull() {
    Claims c = new Claims(null, true, 1, Instant.EPOCH, Duration.ZERO, new Policies(true), List.of(), Map.of(),
        null, null);

    assertThatThrownBy(() -> CLAIMS.encode(c)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ID");
  }

  /** Every required and nullable field, removed: a JsonFieldException naming it, at any depth. */
  @Test
  void namesEveryMissingField() {
    Map<String, Object> full = JsonObjectCodec.anyObject().decode(utf8(FULL));
    for (JsonField<?> field : CLAIMS.fields()) {
      Map<String, Object> without = new LinkedHashMap<>(full);
      without.remove(field.name());
      byte[] body = JsonObjectCodec.anyObject().encode(without);
      if (field.presence() == JsonField.Presence.OPTIONAL) {
        assertThat(CLAIMS.decode(body)).isNotNull();
        continue;
      }
      JsonFieldException e = catchThrowableOfType(JsonFieldException.class, () -> CLAIMS.decode(body));
      assertThat(e).as(field.name()).isNotNull();
      assertThat(e.field()).isEqualTo(field.name());
      assertThat(e.problem()).isEqualTo(JsonFieldException.Problem.MISSING);
      assertThat(e.getMessage()).contains("\"" + field.name() + "\"");
    }
    JsonFieldException nested = catchThrowableOfType(JsonFieldException.class,
        () -> CLAIMS.decode(utf8(FULL.replace("{\"LoginUser\":false}", "{}"))));
    assertThat(nested.field()).isEqualTo("Policies.LoginUser");
    JsonFieldException item = catchThrowableOfType(JsonFieldException.class,
        () -> CLAIMS.decode(utf8(FULL.replace("{\"name\":\"Okta\",\"icon\":\"https://i\"}", "{\"name\":\"Okta\"}"))));
    assertThat(item.field()).isEqualTo("providers[1].icon");
    assertThat(item.getMessage()).contains("providers[1].icon");
  }

  @Test
  void refusesNullInARequiredFieldAndAcceptsItInANullableOne() {
    JsonFieldException e = catchThrowableOfType(JsonFieldException.class,
        () -> CLAIMS.decode(utf8(FULL.replace("\"login\":true", "\"login\":null"))));

    assertThat(e.problem()).isEqualTo(JsonFieldException.Problem.NULL);
    assertThat(e.getMessage()).contains("\"login\"").contains("a boolean");
    assertThat(CLAIMS.decode(utf8(FULL)).providers().get(0).icon()).isNull();
  }

  /**
   * A value of the wrong type: the field and the expected type named, the value never quoted.
   * @param replacement the field written wrongly
   */
  @ParameterizedTest
  @ValueSource(strings = {"\"ID\":\"SECRETVALUE\",\"ID2\":1", "\"login\":\"SECRETVALUE\"", "\"login\":1",
      "\"SessionGen\":\"SECRETVALUE\"", "\"SessionGen\":1.5", "\"SessionGen\":99999999999999999999",
      "\"SessionGen\":1e3", "\"exp\":\"SECRETVALUE\"", "\"exp\":99999999999999999",
      "\"expiresIn\":-1", "\"Policies\":[\"SECRETVALUE\"]", "\"providers\":{\"SECRETVALUE\":1}",
      "\"providers\":[\"SECRETVALUE\"]", "\"Region\":[\"SECRETVALUE\"]"})
  void namesTheFieldAndTypeOfAWrongValue(String replacement) {
    String name = replacement.substring(1, replacement.indexOf('"', 1));
    String body = FULL.replaceFirst("\"" + name + "\":(\"[^\"]*\"|null|true|[0-9]+|\\{[^}]*\\}|\\[[^\\]]*\\])",
        java.util.regex.Matcher.quoteReplacement(replacement));
    assertThat(body).isNotEqualTo(FULL);
    if (name.equals("ID")) {
      // a string is right for ID: the test of the codec's acceptance of extra fields
      assertThat(CLAIMS.decode(utf8(body))).isNotNull();
      return;
    }

    JsonFieldException e = catchThrowableOfType(JsonFieldException.class, () -> CLAIMS.decode(utf8(body)));

    assertThat(e).as(body).isNotNull();
    assertThat(e.problem()).isEqualTo(JsonFieldException.Problem.WRONG_TYPE);
    assertThat(e.field()).startsWith(name);
    assertThat(e.getMessage()).contains(name).contains(e.expected()).doesNotContain("SECRETVALUE")
        .doesNotContain("99999").doesNotContain("1.5");
  }

  @Test
  void acceptsAByteOrderMarkAndWhiteSpace() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = utf8(" \r\n\t" + FULL + "\n\n");
    byte[] withBom = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(body, 0, withBom, 3, body.length);

    assertThat(CLAIMS.decode(withBom)).isEqualTo(CLAIMS.decode(utf8(FULL)));
    assertThat(CLAIMS.decode(body)).isEqualTo(CLAIMS.decode(utf8(FULL)));
  }

  @Test
  void ignoresUnknownFieldsAtAnyDepth() {
    String extended = FULL.replace("{\"LoginUser\":false}", "{\"LoginUser\":false,\"Other\":[{\"x\":[1,{}]}]}")
        .replace("{\"ID\":", "{\"Extra\":{\"a\":[null,{\"b\":\"c\"}]},\"ID\":");

    assertThat(CLAIMS.decode(utf8(extended))).isEqualTo(CLAIMS.decode(utf8(FULL)));
  }

  /**
   * Bodies that are not one UTF-8 JSON object: MalformedJsonException, the text never quoted.
   * @param body the body
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "[]", "\"SECRETVALUE\"", "null", "{\"ID\":\"SECRETVALUE\"",
      "{\"ID\":\"a\",\"ID\":\"SECRETVALUE\"}", "{\"x\":{\"k\":1,\"k\":2}}", "{} {}", "{}x", "{\"ID\":'SECRETVALUE'}",
      "<html>SECRETVALUE</html>", "{\"ID\":\"a\",}", "{\"ID\":NaN}"})
  void refusesWhatIsNotOneObject(String body) {
    MalformedJsonException e = catchThrowableOfType(MalformedJsonException.class, () -> CLAIMS.decode(utf8(body)));

    assertThat(e).as(body).isNotNull();
    assertThat(e.getMessage()).startsWith("body ").doesNotContain("SECRETVALUE");
  }

  @Test
  void namesARepeatedFieldWithoutQuotingIt() {
    MalformedJsonException e = catchThrowableOfType(MalformedJsonException.class,
        () -> CLAIMS.decode(utf8("{\"SECRETNAME\":1,\"SECRETNAME\":2}")));

    assertThat(e.getMessage()).contains("repeats a field").contains("line 1").doesNotContain("SECRETNAME");
  }

  @Test
  void refusesInvalidUtf8AndUtf16() {
    assertThatThrownBy(() -> CLAIMS.decode(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}))
        .isInstanceOf(MalformedJsonException.class).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> CLAIMS.decode("{\"ID\":\"a\"}".getBytes(StandardCharsets.UTF_16LE)))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> CLAIMS.decode(null)).isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void passesOnTheDecodersOwnRefusal() {
    JsonField<String> code = JsonField.string("code");
    JsonObjectCodec<String> codec = JsonObjectCodec.<String>builder().field(code, s -> s).build(in -> {
      if (in.get(code).isEmpty()) {
        throw new IllegalArgumentException("code must not be empty");
      }
      return in.get(code);
    });

    assertThatThrownBy(() -> codec.decode(utf8("{\"code\":\"\"}"))).isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOfAny(JsonFieldException.class, MalformedJsonException.class).hasMessage("code must not be empty");
  }

  @Test
  void refusesUndeclaredFieldsAndRepeatedNames() {
    JsonField<String> other = JsonField.string("other");
    JsonObjectCodec<String> codec = JsonObjectCodec.<String>builder().field(NAME, s -> s).build(in -> in.get(other));

    assertThatThrownBy(() -> codec.decode(utf8("{\"name\":\"a\"}"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(() -> JsonObjectCodec.<String>builder().field(NAME, s -> s).field(JsonField.bool("name"), s -> true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> JsonField.string("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anyValuesRoundTrip() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("s", "x\"y");
    map.put("l", 1L);
    map.put("i", 2);
    map.put("d", 0.5);
    map.put("b", false);
    map.put("n", null);
    List<Object> list = new ArrayList<>();
    list.add(null);
    list.add(Map.of("k", List.of()));
    map.put("a", list);

    byte[] json = JsonObjectCodec.anyObject().encode(map);

    assertThat(text(json)).isEqualTo("{\"s\":\"x\\\"y\",\"l\":1,\"i\":2,\"d\":0.5,\"b\":false,\"n\":null,"
        + "\"a\":[null,{\"k\":[]}]}");
    Map<String, Object> back = JsonObjectCodec.anyObject().decode(json);
    assertThat(back.get("i")).isEqualTo(2L);
    assertThat(back.get("a")).isEqualTo(list);
    assertThatThrownBy(() -> JsonObjectCodec.anyObject().encode(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonObjectCodec.anyObject().encode(Map.of("x", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describesItsFields() {
    assertThat(CLAIMS.fields()).extracting(JsonField::name).containsExactly("ID", "login", "SessionGen", "exp",
        "expiresIn", "Policies", "providers", "Permissions", "Region", "note");
    assertThat(PROVIDERS.nestedCodec()).contains(PROVIDER);
    assertThat(POLICIES_FIELD.nestedCodec()).contains(POLICIES);
    assertThat(ID.nestedCodec()).isEmpty();
    assertThat(REGION.presence()).isEqualTo(JsonField.Presence.NULLABLE);
    assertThat(ID.expectedType()).isEqualTo("a string");
  }
}
