package io.github.dfxclient.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

  private static boolean valid(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return StrictJson.isUtf8WithoutNul(b, 0);
  }

  @Test
  void acceptsWellFormedText() {
    assertThat(StrictJson.isUtf8WithoutNul("plain ascii".getBytes(StandardCharsets.UTF_8), 0)).isTrue();
    assertThat(StrictJson.isUtf8WithoutNul("Grüße, 日本, 😀".getBytes(StandardCharsets.UTF_8), 0)).isTrue();
  }

  @Test
  void refusesMalformedSequences() {
    assertThat(valid(0xC3, 0x28)).isFalse(); // bad continuation
    assertThat(valid(0xC0, 0xAF)).isFalse(); // overlong
    assertThat(valid(0xE0, 0x80, 0xAF)).isFalse(); // overlong
    assertThat(valid(0xED, 0xA0, 0x80)).isFalse(); // surrogate
    assertThat(valid(0xF4, 0x90, 0x80, 0x80)).isFalse(); // above U+10FFFF
    assertThat(valid(0xE2, 0x82)).isFalse(); // truncated
    assertThat(valid(0xFF)).isFalse();
    assertThat(valid('{', 0x00, '}')).isFalse(); // a raw NUL is never JSON text, and would let UTF-16 pass
  }

  /** The JDK's strict UTF-8 decoder, and no NUL byte: what the check must agree with. */
  private static boolean reference(byte[] b) {
    for (byte x : b) {
      if (x == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Each sequence at every offset of ASCII runs of many lengths: the eight-bytes-at-a-time path included. */
  @Test
  void findsAFaultAtEveryOffsetOfLongAsciiRuns() {
    int[][] inserts = {{0x00}, {0x80}, {0xC3, 0xA9}, {0xF0, 0x9F, 0x98, 0x80}, {0xE2, 0x82}, {0xC0, 0xAF},
        {0xED, 0xA0, 0x80}, {0x7F}, {0x01}, {0xFF}};
    int checked = 0;
    for (int length = 0; length <= 40; length++) {
      for (int at = 0; at <= length; at++) {
        for (int[] insert : inserts) {
          byte[] b = new byte[length + insert.length];
          for (int i = 0, k = 0; i < b.length; i++) {
            b[i] = i >= at && i < at + insert.length ? (byte) insert[i - at] : (byte) ('a' + (k++ % 26));
          }
          assertThat(StrictJson.isUtf8WithoutNul(b, 0)).as("%d bytes, %s at %d", b.length,
              java.util.Arrays.toString(insert), at).isEqualTo(reference(b));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(8000);
  }

  @Test
  void agreesWithTheJdkDecoderOnRandomBytes() {
    Random random = new Random(20261201);
    int valid = 0;
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[random.nextInt(48)];
      for (int i = 0; i < b.length; i++) {
        // mostly ASCII, some high bytes and NULs, so that both answers occur often
        int r = random.nextInt(100);
        b[i] = (byte) (r < 85 ? 0x20 + random.nextInt(0x5f) : r < 88 ? 0 : 0x80 + random.nextInt(0x80));
      }
      boolean expected = reference(b);
      assertThat(StrictJson.isUtf8WithoutNul(b, 0)).as("%s", java.util.Arrays.toString(b)).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    assertThat(valid).isBetween(1_000, 19_000);
  }
}
