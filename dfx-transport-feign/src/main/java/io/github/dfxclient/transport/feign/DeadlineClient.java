package io.github.dfxclient.transport.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import io.github.dfxclient.core.internal.BoundedBody;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wraps the application's (or the default) {@link Client}: reads the whole answer into memory
 * before Feign decodes it, bounded in size, and bounded in time by the request timeout (the body
 * stream is closed when the deadline passes, which ends a read that trickles).
 */
final class DeadlineClient implements Client {

  /** The answer did not arrive whole before the request timeout. */
  static final class DeadlineExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    DeadlineExceeded(Duration timeout) {
      super("no complete answer within " + timeout);
    }
  }

  private static final ScheduledThreadPoolExecutor CLOSER = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "dfx-feign-deadline");
    t.setDaemon(true);
    return t;
  });

  static {
    CLOSER.setRemoveOnCancelPolicy(true);
  }

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
    long remaining = deadline - System.nanoTime();
    boolean[] expired = {false};
    ScheduledFuture<?> closer = CLOSER.schedule(() -> {
      expired[0] = true;
      closeQuietly(in);
    }, Math.max(remaining, 0), TimeUnit.NANOSECONDS);
    byte[] body;
    try {
      body = BoundedBody.read(in, maxAnswerBytes, response.status());
    } catch (BoundedBody.TooLarge e) {
      closeQuietly(in);
      throw e;
    } catch (IOException e) {
      if (expired[0]) {
        throw new DeadlineExceeded(timeout);
      }
      throw e;
    } finally {
      closer.cancel(false);
    }
    if (expired[0]) {
      throw new DeadlineExceeded(timeout);
    }
    closeQuietly(in);
    return response.toBuilder().body(body).build();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing is best effort
    }
  }
}
