package io.github.dfxclient.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
}
