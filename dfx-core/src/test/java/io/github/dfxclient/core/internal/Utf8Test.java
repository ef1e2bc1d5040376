package io.github.dfxclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  private static boolean valid(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return Utf8.isValid(b);
  }

  @Test
  void acceptsWellFormedText() {
    assertThat(Utf8.isValid("plain ascii".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Utf8.isValid("Grüße, 日本, 😀".getBytes(StandardCharsets.UTF_8))).isTrue();
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
  }
}
