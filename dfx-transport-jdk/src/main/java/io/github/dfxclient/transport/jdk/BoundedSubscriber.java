package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.core.spi.Deadlines;
import io.github.dfxclient.core.spi.TransportException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body into a byte array, bounded in size (the exchange is cancelled once the body
 * passes {@code max}) and in time (cancelled when the deadline passes: {@code HttpRequest.timeout}
 * only covers the wait for the headers).
 */
final class BoundedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final int max;
  private final int status;
  private final Deadlines.Registration deadline;
  private byte[] bytes;
  private int size;
  private volatile Flow.Subscription subscription;

  private BoundedSubscriber(int max, int status, long declaredLength, long deadlineNanos) {
    this.max = max;
    this.status = status;
    this.bytes = new byte[(int) Math.min(Math.max(declaredLength, 256), max)];
    this.deadline = Deadlines.register(deadlineNanos, () -> fail(TransportException.deadlineExceeded()));
  }

  /** @return a handler whose bodies are at most {@code max} bytes, complete by {@code deadlineNanos} */
  static HttpResponse.BodyHandler<byte[]> handler(int max, long deadlineNanos) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      BoundedSubscriber s = new BoundedSubscriber(max, info.statusCode(), declared, deadlineNanos);
      if (declared > max) {
        s.fail(TransportException.answerTooLarge(info.statusCode(), max));
      }
      return s;
    };
  }

  private void fail(Throwable t) {
    deadline.cancel();
    if (result.completeExceptionally(t)) {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int n = b.remaining();
      if (size + (long) n > max) {
        fail(TransportException.answerTooLarge(status, max));
        return;
      }
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(max, Math.max(size + n, bytes.length * 2)));
      }
      b.get(bytes, size, n);
      size += n;
    }
  }

  @Override
  public void onError(Throwable t) {
    fail(t);
  }

  @Override
  public void onComplete() {
    deadline.cancel();
    result.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
