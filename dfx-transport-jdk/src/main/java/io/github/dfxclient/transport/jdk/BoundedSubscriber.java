package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.core.internal.BoundedBody;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a body into a byte array, cancelling the exchange once it passes the bound. */
final class BoundedSubscriber implements HttpResponse.BodySubscriber<byte[]> {

  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final int max;
  private final int status;
  private byte[] bytes;
  private int size;
  private Flow.Subscription subscription;

  private BoundedSubscriber(int max, int status, long declaredLength) {
    this.max = max;
    this.status = status;
    this.bytes = new byte[(int) Math.min(Math.max(declaredLength, 256), max)];
  }

  /** @return a handler whose bodies are at most {@code max} bytes */
  static HttpResponse.BodyHandler<byte[]> handler(int max) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      BoundedSubscriber s = new BoundedSubscriber(max, info.statusCode(), declared);
      if (declared > max) {
        s.result.completeExceptionally(new BoundedBody.TooLarge(info.statusCode(), max));
      }
      return s;
    };
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
        subscription.cancel();
        result.completeExceptionally(new BoundedBody.TooLarge(status, max));
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
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
