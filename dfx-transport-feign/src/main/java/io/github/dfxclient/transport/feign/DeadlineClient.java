package io.github.dfxclient.transport.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import io.github.dfxclient.core.internal.BoundedBody;
import io.github.dfxclient.core.internal.Deadlines;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Wraps the application's (or the default) {@link Client}: reads the whole answer into memory
 * before Feign decodes it, bounded in size, and bounded in time by the request timeout (the body
 * stream is closed when the deadline passes, which ends a read that trickles).
 */
final class DeadlineClient implements Client {
  private final Client delegate;
  private final Duration timeout;
  private final int maxAnswerBytes;

  DeadlineClient(Client delegate, Duration timeout, int maxAnswerBytes) {
    this.delegate = delegate;
    this.timeout = timeout;
    this.maxAnswerBytes = maxAnswerBytes;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Response response = delegate.execute(request, options);
    if (response.body() == null) {
      return response;
    }
    InputStream in = response.body().asInputStream();
    Deadlines.Registration watch = Deadlines.register(deadline, () -> closeQuietly(in));
    byte[] body;
    try {
      body = BoundedBody.read(in, maxAnswerBytes, response.status(), declaredLength(response));
    } catch (IOException e) {
      if (watch.expired()) {
        throw new Deadlines.Exceeded();
      }
      throw e;
    } finally {
      watch.cancel();
      closeQuietly(in);
    }
    if (watch.expired()) {
      throw new Deadlines.Exceeded();
    }
    return response.toBuilder().body(body).build();
  }

  static long declaredLength(Response response) {
    Integer length = response.body().length();
    return length == null ? -1 : length;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing is best effort
    }
  }
}
