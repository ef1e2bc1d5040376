package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.core.spi.Deadlines;
import io.github.dfxclient.core.spi.DfxHttpRequest;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.core.spi.TransportException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The transport SPI over {@link HttpClient}: {@code send} for blocking calls, {@code sendAsync} for
 * non-blocking ones; the body is collected bounded in size and time.
 *
 * <p>Blocking calls collect the body with {@link BoundedSubscriber}, which bounds size and time by
 * itself. Non-blocking calls collect an answer that declares a {@code Content-Length} within the
 * bound with the JDK's own byte-array subscriber (the JDK completes its own subscribers where the
 * body ends; a subscriber of ours it hands to its executor first, one more thread hop per answer)
 * and enforce the deadline by cancelling the exchange; an answer without a declared length goes
 * through {@link BoundedSubscriber}.
 */
final class JdkTransport implements DfxTransport {
  private final HttpClient client;
  private final boolean owned;

  JdkTransport(HttpClient client, boolean owned) {
    this.client = client;
    this.owned = owned;
  }

  /**
   * The JDK's own blocking {@code send}, with {@link BoundedSubscriber} bounding size and time.
   * Measured: blocking on {@link #sendAsync} instead costs about twice the CPU per call, and the
   * JDK's own subscriber here (with the deadline enforced by interrupting the blocked call) showed no
   * gain beyond the run-to-run noise, so the simpler path stays.
   */
  @Override
  public DfxHttpResponse send(DfxHttpRequest request) throws IOException, InterruptedException {
    try {
      HttpResponse<byte[]> response = client.send(toJdk(request),
          BoundedSubscriber.handler(request.maxAnswerBytes(), request.deadlineNanos()));
      return new DfxHttpResponse(response.statusCode(), response.headers().map(), response.body());
    } catch (HttpConnectTimeoutException e) {
      throw TransportException.notSent("connect timed out", e);
    }
  }

  /** The JDK's subscriber for an answer of declared length within the bound, else the bounded one (async). */
  private static HttpResponse.BodyHandler<byte[]> handler(DfxHttpRequest request) {
    int max = request.maxAnswerBytes();
    HttpResponse.BodyHandler<byte[]> bounded = BoundedSubscriber.handler(max, request.deadlineNanos());
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      return declared >= 0 && declared <= max ? HttpResponse.BodySubscribers.ofByteArray() : bounded.apply(info);
    };
  }

  @Override
  public CompletableFuture<DfxHttpResponse> sendAsync(DfxHttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(toJdk(request), handler(request));
    CompletableFuture<DfxHttpResponse> result = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        exchange.cancel(true);
        return super.cancel(mayInterruptIfRunning);
      }
    };
    Deadlines.Registration deadline = Deadlines.register(request.deadlineNanos(), () -> {
      if (result.completeExceptionally(TransportException.deadlineExceeded())) {
        exchange.cancel(true);
      }
    });
    exchange.whenComplete((response, failure) -> {
      deadline.cancel();
      if (failure == null) {
        result.complete(new DfxHttpResponse(response.statusCode(), response.headers().map(), response.body()));
        return;
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      result.completeExceptionally(cause instanceof HttpConnectTimeoutException
          ? TransportException.notSent("connect timed out", cause) : cause);
    });
    return result;
  }

  private static HttpRequest toJdk(DfxHttpRequest request) {
    Duration remaining = request.remaining();
    HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
        .timeout(remaining.isZero() ? Duration.ofMillis(1) : remaining)
        .method(request.method(), request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    return b.build();
  }

  @Override
  public String name() {
    return "jdk-httpclient";
  }

  /** @return the client the exchanges go through (for tests of the builder's defaults) */
  HttpClient httpClient() {
    return client;
  }

  /** @return whether {@link #close()} closes the client (the transport created it) */
  boolean ownsHttpClient() {
    return owned;
  }

  /** Closes the HttpClient when this transport created it and the JDK can close one (Java 21+). */
  @Override
  public void close() {
    if (owned && client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // closing is best effort
      }
    }
  }
}
