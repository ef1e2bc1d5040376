package io.github.dfxclient.transport.feign;

import feign.Client;
import feign.Request;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import feign.Response;
import io.github.dfxclient.core.spi.Bodies;
import io.github.dfxclient.core.spi.DfxHttpRequest;
import io.github.dfxclient.core.spi.DfxHttpResponse;
import io.github.dfxclient.core.spi.DfxTransport;
import io.github.dfxclient.core.spi.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport SPI over any {@link feign.Client}: each request becomes a {@link Request} (through
 * the application's {@link RequestInterceptor}s, when it set any), the client executes it, and the
 * body is read bounded in size and time. Feign's method and template machinery is not involved: the
 * engine already formed the request. A {@code feign.Client} blocks, so {@link #sendAsync} runs it
 * on a small elastic pool of daemon threads that exist only while calls are in flight.
 */
final class FeignTransport implements DfxTransport {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService BLOCKING = blockingPool();

  private final Client client;
  private final List<RequestInterceptor> interceptors;
  private final long connectTimeoutMillis;
  private final AutoCloseable owned;
  /** The options of the last request, reused while the read timeout they carry is the same. */
  private volatile Request.Options lastOptions;

  /**
   * @param client the Feign client
   * @param interceptors applied to every request
   * @param connectTimeout the connect timeout the options carry (for feign-java11's client, the
   *     same as its {@code HttpClient}'s, or it makes another client)
   * @param owned closed by {@link #close()}, or {@code null}
   */
  FeignTransport(Client client, List<RequestInterceptor> interceptors, Duration connectTimeout, AutoCloseable owned) {
    this.client = client;
    this.interceptors = List.copyOf(interceptors);
    this.connectTimeoutMillis = connectTimeout.toMillis();
    this.owned = owned;
  }

  /**
   * The options of one request: the connect timeout, and as read timeout the time left until the
   * request's deadline (whole milliseconds, at least 1), redirects off. Consecutive requests with
   * the same read timeout share one instance.
   */
  private Request.Options options(DfxHttpRequest request) {
    long left = request.deadlineNanos() - System.nanoTime();
    long readMillis = Math.max(1, (left + 999_999) / 1_000_000);
    Request.Options o = lastOptions;
    if (o == null || o.readTimeoutMillis() != readMillis) {
      o = new Request.Options(connectTimeoutMillis, TimeUnit.MILLISECONDS, readMillis, TimeUnit.MILLISECONDS, false);
      lastOptions = o;
    }
    return o;
  }

  @Override
  public DfxHttpResponse send(DfxHttpRequest request) throws IOException {
    Response response;
    try {
      response = client.execute(toFeign(request), options(request));
    } catch (HttpConnectTimeoutException e) {
      throw TransportException.notSent("connect timed out", e);
    }
    try {
      byte[] body = response.body() == null ? new byte[0]
          : read(response.body().asInputStream(), request, response);
      return new DfxHttpResponse(response.status(), headers(response.headers()), body);
    } finally {
      response.close();
    }
  }

  private static byte[] read(InputStream in, DfxHttpRequest request, Response response) throws IOException {
    Integer length = response.body().length();
    return Bodies.read(in, request, response.status(), length == null ? -1 : length);
  }

  @Override
  public CompletableFuture<DfxHttpResponse> sendAsync(DfxHttpRequest request) {
    CompletableFuture<DfxHttpResponse> result = new CompletableFuture<>();
    BLOCKING.execute(() -> {
      if (result.isDone()) {
        return;
      }
      try {
        result.complete(send(request));
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private Request toFeign(DfxHttpRequest request) {
    Request.HttpMethod method = Request.HttpMethod.valueOf(request.method());
    Map<String, Collection<String>> headers = new HashMap<>(8);
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      headers.put(h.getKey(), List.of(h.getValue()));
    }
    if (interceptors.isEmpty()) {
      return Request.create(method, request.uri().toString(), headers, request.body(), StandardCharsets.UTF_8, null);
    }
    URI uri = request.uri();
    RequestTemplate template = new RequestTemplate()
        .method(method)
        .target(uri.getScheme() + "://" + uri.getRawAuthority())
        .uri(uri.getRawPath());
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      template.headerLiteral(h.getKey(), h.getValue());
    }
    if (request.body() != null) {
      template.body(request.body(), StandardCharsets.UTF_8);
    }
    for (RequestInterceptor interceptor : interceptors) {
      interceptor.apply(template);
    }
    return template.resolve(Map.of()).request();
  }

  /** The answer's headers, names matched without regard to case (so the engine's lookups are direct). */
  private static Map<String, List<String>> headers(Map<String, Collection<String>> feign) {
    Map<String, List<String>> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, Collection<String>> e : feign.entrySet()) {
      if (e.getKey() != null) {
        out.put(e.getKey(), new ArrayList<>(e.getValue()));
      }
    }
    return out;
  }

  @Override
  public String name() {
    return "feign";
  }

  /** @return the (enriched) Feign client the requests go through, for tests */
  Client client() {
    return client;
  }

  /** @return whether {@link #close()} closes something the transport created */
  boolean ownsItsClient() {
    return owned != null;
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception ignored) {
        // closing is best effort
      }
    }
  }

  private static ExecutorService blockingPool() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "dfx-feign-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    // past 256 calls in flight, the caller runs the call itself rather than fail it
    pool.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
    return pool;
  }
}
