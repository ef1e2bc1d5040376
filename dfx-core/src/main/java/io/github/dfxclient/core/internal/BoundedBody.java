package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads an answer body, refusing one larger than the bound. */
public final class BoundedBody {
  private BoundedBody() {}

  /**
   * @param in the body stream, or {@code null} for no body
   * @param max the most bytes accepted
   * @param endpoint for the error
   * @param status for the error
   * @return the body
   * @throws DfxProtocolException when the body has more than {@code max} bytes
   * @throws IOException when reading fails
   */
  public static byte[] read(InputStream in, int max, DfxEndpoint endpoint, int status) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 2048));
    byte[] buf = new byte[Math.min(max + 1, 8192)];
    int total = 0;
    int n;
    while ((n = in.read(buf, 0, Math.min(buf.length, max + 1 - total))) > 0) {
      total += n;
      if (total > max) {
        throw tooLarge(endpoint, status, max);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** @return the exception for an answer over {@code max} bytes */
  public static DfxProtocolException tooLarge(DfxEndpoint endpoint, int status, int max) {
    return new DfxProtocolException(endpoint, status, "answer body is larger than " + max + " bytes");
  }
}
