package io.github.dfxclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

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
      assertThat(BoundedBody.read(trickle(body), 1024, 200, n)).isEqualTo(body);
      assertThat(BoundedBody.read(trickle(body), 1024, 200, -1)).isEqualTo(body);
    }
    assertThat(BoundedBody.read(null, 1024, 200, -1)).isEmpty();
  }

  @Test
  void toleratesALengthThatDoesNotMatchTheBody() throws IOException {
    assertThat(BoundedBody.read(trickle(bytes(100)), 1024, 200, 40)).isEqualTo(bytes(100));
    assertThat(BoundedBody.read(trickle(bytes(30)), 1024, 200, 40)).isEqualTo(bytes(30));
  }

  @Test
  void refusesBodiesOverTheBound() {
    assertThatThrownBy(() -> BoundedBody.read(trickle(bytes(1025)), 1024, 200, -1))
        .isInstanceOf(BoundedBody.TooLarge.class);
    assertThatThrownBy(() -> BoundedBody.read(trickle(bytes(1025)), 1024, 200, 1000))
        .isInstanceOf(BoundedBody.TooLarge.class);
    assertThatThrownBy(() -> BoundedBody.read(trickle(bytes(10)), 1024, 502, 2048))
        .isInstanceOf(BoundedBody.TooLarge.class)
        .satisfies(e -> assertThat(((BoundedBody.TooLarge) e).toProtocolException(
            io.github.dfxclient.core.DfxEndpoint.RENEW).status()).isEqualTo(502));
  }
}
