package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

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
   * @return the body
   * @throws TooLarge when the body has more than {@code max} bytes
   * @throws IOException when reading fails
   */
  public static byte[] read(InputStream in, int max, int status) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 1024));
    byte[] buf = new byte[Math.min(max + 1, 8192)];
    int total = 0;
    int n;
    while ((n = in.read(buf, 0, Math.min(buf.length, max + 1 - total))) > 0) {
      total += n;
      if (total > max) {
        throw new TooLarge(status, max);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
