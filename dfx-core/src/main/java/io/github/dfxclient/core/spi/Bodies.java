package io.github.dfxclient.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads an answer body the way {@link DfxTransport} requires: bounded in size and in time. */
public final class Bodies {
  private Bodies() {}

  /**
   * Reads {@code in} whole, closing it. The stream is closed when {@link
   * DfxHttpRequest#deadlineNanos()} passes, which ends a read that trickles.
   *
   * @param in the body stream, or {@code null} for no body
   * @param request the request the answer belongs to (its bound and deadline)
   * @param status the answer's status, for the error
   * @param declaredLength the length the answer declared ({@code Content-Length}), or negative
   * @return the body
   * @throws TransportException {@link TransportException#answerTooLarge} or {@link
   *     TransportException#deadlineExceeded}
   * @throws IOException when reading fails
   */
  public static byte[] read(InputStream in, DfxHttpRequest request, int status, long declaredLength)
      throws IOException {
    if (in == null) {
      return new byte[0];
    }
    Deadlines.Registration watch = Deadlines.register(request.deadlineNanos(), () -> closeQuietly(in));
    try {
      byte[] body = read(in, request.maxAnswerBytes(), status, declaredLength);
      if (watch.expired()) {
        throw TransportException.deadlineExceeded();
      }
      return body;
    } catch (IOException e) {
      if (watch.expired()) {
        throw TransportException.deadlineExceeded();
      }
      throw e;
    } finally {
      watch.cancel();
      closeQuietly(in);
    }
  }

  /**
   * @param in the body stream
   * @param max the most bytes accepted
   * @param status the answer's status, for the error
   * @param declaredLength the length the answer declared, or a negative number when unknown
   * @return the body
   * @throws TransportException when the body has (or declares) more than {@code max} bytes
   * @throws IOException when reading fails
   */
  public static byte[] read(InputStream in, int max, int status, long declaredLength) throws IOException {
    if (declaredLength > max) {
      throw TransportException.answerTooLarge(status, max);
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
          throw TransportException.answerTooLarge(status, max);
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

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing is best effort
    }
  }
}
