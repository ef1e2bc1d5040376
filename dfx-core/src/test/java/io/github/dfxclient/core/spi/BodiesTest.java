package io.github.dfxclient.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodiesTest {

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  /** Hands out at most 7 bytes per read, as a network stream would. */
  private static InputStream trickle(byte[] b) {
    return new ByteArrayInputStream(b) {
      @Override
      public synchronized int read(byte[] buf, int off, int len) {
        return super.read(buf, off, Math.min(len, 7));
      }
    };
  }

  @Test
  void readsWholeBodiesWithAndWithoutDeclaredLength() throws IOException {
    for (int n : new int[] {0, 1, 63, 64, 65, 511, 512, 513, 1000, 1024}) {
      byte[] body = bytes(n);
      assertThat(Bodies.read(trickle(body), 1024, 200, n)).isEqualTo(body);
      assertThat(Bodies.read(trickle(body), 1024, 200, -1)).isEqualTo(body);
    }
    DfxHttpRequest request = new DfxHttpRequest("GET", java.net.URI.create("http://127.0.0.1/"), java.util.Map.of(),
        null, System.nanoTime() + 1_000_000_000L, 1024);
    assertThat(Bodies.read(null, request, 200, -1)).isEmpty();
    assertThat(Bodies.read(trickle(bytes(100)), request, 200, -1)).isEqualTo(bytes(100));
  }

  @Test
  void toleratesALengthThatDoesNotMatchTheBody() throws IOException {
    assertThat(Bodies.read(trickle(bytes(100)), 1024, 200, 40)).isEqualTo(bytes(100));
    assertThat(Bodies.read(trickle(bytes(30)), 1024, 200, 40)).isEqualTo(bytes(30));
  }

  @Test
  void refusesBodiesOverTheBound() {
    assertThatThrownBy(() -> Bodies.read(trickle(bytes(1025)), 1024, 200, -1))
        .isInstanceOf(TransportException.class);
    assertThatThrownBy(() -> Bodies.read(trickle(bytes(1025)), 1024, 200, 1000))
        .isInstanceOf(TransportException.class);
    assertThatThrownBy(() -> Bodies.read(trickle(bytes(10)), 1024, 502, 2048))
        .isInstanceOf(TransportException.class)
        .satisfies(e -> assertThat(((TransportException) e).status()).isEqualTo(502))
        .satisfies(e -> assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.ANSWER_TOO_LARGE));
  }
}
