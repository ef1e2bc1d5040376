package io.github.dfxclient.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generator-free writing of plain values ({@link StrictJson#writeString}, {@link
 * PlainObjectWriter}) writes exactly the bytes jackson's generator writes, for every string: plain
 * ones take the short way, any other (escapes, non-ASCII, unpaired surrogates) the generator's.
 */
class PlainWriterTest {
  /** Characters that exercise every branch: plain ASCII, the escaped ones, DEL, '?', non-ASCII, surrogates. */
  private static final char[] ALPHABET = ("abcXYZ019-_.~/+= \"\\?\u007f\u0000\u0001\u001f\t\n\u00e9\u00ff\u0100\u65e5"
      + "\ud83d\ude00\ud800\udc00").toCharArray();

  private static String random(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(40);
    boolean plain = r.nextBoolean();
    for (int i = 0; i < n; i++) {
      b.append(plain ? ALPHABET[r.nextInt(9)] : ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  private static byte[] generator(String value, boolean ours) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = StrictJson.FACTORY.createGenerator(out)) {
      if (ours) {
        StrictJson.writeString(g, value);
      } else {
        g.writeString(value);
      }
    } catch (IOException | RuntimeException e) {
      // the generator refuses some strings (an unpaired surrogate): both ways must then fail alike
      return ("failed: " + e.getClass().getName()).getBytes(StandardCharsets.UTF_8);
    }
    return out.toByteArray();
  }

  @Test
  void aStringIsWrittenAsTheGeneratorWritesIt() throws IOException {
    Random r = new Random(42);
    int plain = 0;
    for (int i = 0; i < 20_000; i++) {
      String s = random(r);
      assertThat(generator(s, true)).as("string #%d", i).isEqualTo(generator(s, false));
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length == s.length() && StrictJson.plainAscii(b)) {
        plain++;
      }
    }
    // both ways were exercised
    assertThat(plain).isBetween(5_000, 15_000);
  }

  @Test
  void plainAsciiFindsEveryByteThatNeedsTheGenerator() {
    for (int c = 0; c < 0x80; c++) {
      for (int at = 0; at < 17; at++) {
        byte[] b = "abcdefghijklmnopq".getBytes(StandardCharsets.US_ASCII);
        b[at] = (byte) c;
        boolean expected = c >= 0x20 && c != '"' && c != '\\' && c != '?';
        assertThat(StrictJson.plainAscii(b)).as("byte 0x%02x at %d", c, at).isEqualTo(expected);
      }
    }
  }

  record Form(String name, String note, Boolean flag, String code) {}

  static final JsonField<String> NAME = JsonField.string("Name");
  static final JsonField<String> NOTE = JsonField.string("Note").optional();
  static final JsonField<Boolean> FLAG = JsonField.bool("Flag").nullable();
  static final JsonField<String> CODE = JsonField.string("Code").optional();
  static final JsonObjectCodec<Form> FORM = JsonObjectCodec.<Form>builder()
      .field(NAME, Form::name)
      .field(NOTE, Form::note)
      .field(FLAG, Form::flag)
      .field(CODE, Form::code)
      .build(in -> new Form(in.get(NAME), in.get(NOTE), in.get(FLAG), in.get(CODE)));

  @Test
  void anObjectIsWrittenAsTheGeneratorWritesIt() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      Form f = new Form(random(r), r.nextInt(3) == 0 ? null : random(r),
          r.nextInt(3) == 0 ? null : r.nextBoolean(), r.nextInt(3) == 0 ? null : random(r));
      byte[] expected;
      try {
        expected = FORM.encodeWithGenerator(f);
      } catch (RuntimeException e) {
        assertThatThrownBy(() -> FORM.encode(f)).isInstanceOf(e.getClass());
        continue;
      }
      assertThat(FORM.encode(f)).as("form #%d", i).isEqualTo(expected);
      assertThat(FORM.decode(FORM.encode(f))).isEqualTo(f);
    }
    assertThat(new String(FORM.encode(new Form("a", null, null, null)), StandardCharsets.UTF_8))
        .isEqualTo("{\"Name\":\"a\",\"Flag\":null}");
    assertThatThrownBy(() -> FORM.encode(new Form(null, "x", true, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Name must not be null");
  }
}
