package io.github.dfxclient.transport.jdk;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Collects a body into a byte array, cancelling the exchange once it passes the bound. */
final class BoundedSubscriber implements HttpResponse.BodySubscriber<byte[]> {

  /** The body passed the bound; the exchange was cancelled. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("answer body over the bound", null);
    }
  }

  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final int max;
  private byte[] bytes;
  private int size;
  private Flow.Subscription subscription;

  private BoundedSubscriber(int max, long declaredLength) {
    this.max = max;
    this.bytes = new byte[(int) Math.min(Math.max(declaredLength, 256), max)];
  }

  /** @return a handler whose bodies are at most {@code max} bytes */
  static HttpResponse.BodyHandler<byte[]> handler(int max) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      BoundedSubscriber s = new BoundedSubscriber(max, declared);
      if (declared > max) {
        s.result.completeExceptionally(new TooLarge());
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
        result.completeExceptionally(new TooLarge());
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
