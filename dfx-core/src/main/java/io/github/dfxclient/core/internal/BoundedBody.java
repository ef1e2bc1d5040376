package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads an answer body, refusing one larger than the bound. */
public final class BoundedBody {
  private BoundedBody() {}

  /** An answer body passed the bound; the transport stopped reading it. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int max;

    /**
     * @param status the answer's status
     * @param max the bound, in bytes
     */
    public TooLarge(int status, int max) {
      super("answer body is larger than " + max + " bytes");
      this.status = status;
      this.max = max;
    }

    /** @return the protocol error to throw for {@code endpoint} */
    public DfxProtocolException toProtocolException(DfxEndpoint endpoint) {
      return new DfxProtocolException(endpoint, status, "answer body is larger than " + max + " bytes");
    }
  }

  /**
   * @param in the body stream, or {@code null} for no body
   * @param max the most bytes accepted
   * @param status the answer's status, for the error
   * @param declaredLength the length the answer declared, or a negative number when unknown
   * @return the body
   * @throws TooLarge when the body has (or declares) more than {@code max} bytes
   * @throws IOException when reading fails
   */
  public static byte[] read(InputStream in, int max, int status, long declaredLength) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    if (declaredLength > max) {
      throw new TooLarge(status, max);
    }
    // sized from Content-Length when known, so a well-behaved answer is read with one allocation
    byte[] buf = new byte[declaredLength >= 0 ? (int) declaredLength : Math.min(max, 512)];
    int size = 0;
    while (true) {
      if (size == buf.length) {
        int next = in.read();
        if (next < 0) {
          return buf;
        }
        if (size == max) {
          throw new TooLarge(status, max);
        }
        buf = Arrays.copyOf(buf, Math.min(max, Math.max(size * 2, 64)));
        buf[size++] = (byte) next;
        continue;
      }
      int n = in.read(buf, size, buf.length - size);
      if (n < 0) {
        break;
      }
      size += n;
    }
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }
}
