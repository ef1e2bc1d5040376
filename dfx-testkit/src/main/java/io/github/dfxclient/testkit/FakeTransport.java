package io.github.dfxclient.testkit;

import io.github.dfxclient.core.spi.DfxHttpRequest;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.core.spi.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The transport SPI in memory: each request goes, as bytes, to a {@link FakeAuthsBackend}, with the
 * operation it carries (no reverse routing by method and path: the way a transport that is not HTTP
 * reads a request); its reply comes back as bytes with the server's headers, delays and faults. So the in-memory fake runs the real engine: encoding, headers,
 * credentials, decoding, retries and classification.
 */
final class FakeTransport implements DfxTransport {
  private final FakeAuthsBackend backend;

  FakeTransport(FakeAuthsBackend backend) {
    this.backend = backend;
  }

  @Override
  public DfxHttpResponse send(DfxHttpRequest request) throws IOException, InterruptedException {
    Reply reply = serve(request);
    Duration remaining = request.remaining();
    if (reply.delay().compareTo(remaining) > 0) {
      Thread.sleep(remaining.toMillis());
      throw TransportException.deadlineExceeded();
    }
    if (!reply.delay().isZero()) {
      Thread.sleep(reply.delay().toMillis());
    }
    return answer(request, reply);
  }

  @Override
  public CompletableFuture<DfxHttpResponse> sendAsync(DfxHttpRequest request) {
    Reply reply = serve(request);
    Duration remaining = request.remaining();
    boolean late = reply.delay().compareTo(remaining) > 0;
    long wait = (late ? remaining : reply.delay()).toMillis();
    CompletableFuture<DfxHttpResponse> result = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(() -> {
      try {
        if (late) {
          throw TransportException.deadlineExceeded();
        }
        result.complete(answer(request, reply));
      } catch (IOException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /**
   * Hands the request to the backend by the operation it carries (the engine's requests always do):
   * no routing by method and path. A request formed without an operation is routed as the HTTP
   * server routes it.
   */
  private Reply serve(DfxHttpRequest request) {
    byte[] body = request.body() == null ? EMPTY : request.body();
    String contentType = request.headers().get("Content-Type");
    String authorization = request.headers().get("Authorization");
    if (request.operation() != null) {
      return backend.serve(request.operation(), request.pathParameters(), contentType, authorization, body);
    }
    return backend.serve(request.method(), request.uri().getRawPath(), contentType, authorization, body);
  }

  private static final byte[] EMPTY = new byte[0];

  private static DfxHttpResponse answer(DfxHttpRequest request, Reply reply) throws IOException {
    if (reply.reset()) {
      throw TransportException.maybeSent("connection reset after the request was sent", null);
    }
    if (reply.body().length > request.maxAnswerBytes()) {
      throw TransportException.answerTooLarge(reply.status(), request.maxAnswerBytes());
    }
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Content-Type", List.of(FakeDfxServer.CONTENT_TYPE));
    if (reply.retryAfter() != null) {
      headers.put("Retry-After", List.of(Long.toString(reply.retryAfter().toSeconds())));
    }
    return new DfxHttpResponse(reply.status(), headers, reply.body());
  }

  @Override
  public String name() {
    return "in-memory";
  }
}
