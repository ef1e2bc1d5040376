package io.github.dfxclient.spring;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link HttpClient} (HTTP/1.1, redirects never followed) that is built on its first exchange:
 * building one starts its selector thread, and the starter starts no thread before the application
 * makes a call. Its settings are answered without building it.
 */
final class LazyHttpClient extends HttpClient {
  private final Duration connectTimeout;
  private volatile HttpClient delegate;
  private boolean closed;

  LazyHttpClient(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** @return the client, built on first use */
  private HttpClient client() {
    HttpClient c = delegate;
    if (c == null) {
      synchronized (this) {
        c = delegate;
        if (c == null) {
          if (closed) {
            throw new IllegalStateException("the DFX HttpClient is closed (the application context was closed)");
          }
          c = HttpClient.newBuilder().version(Version.HTTP_1_1).followRedirects(Redirect.NEVER)
              .connectTimeout(connectTimeout).build();
          delegate = c;
        }
      }
    }
    return c;
  }

  /** @return whether the client was built (a thread started) */
  boolean started() {
    return delegate != null;
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return Optional.of(connectTimeout);
  }

  @Override
  public Redirect followRedirects() {
    return Redirect.NEVER;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return Optional.empty();
  }

  @Override
  public SSLContext sslContext() {
    return client().sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return client().sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return Optional.empty();
  }

  @Override
  public Version version() {
    return Version.HTTP_1_1;
  }

  @Override
  public Optional<Executor> executor() {
    return Optional.empty();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return client().send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return client().sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return client().sendAsync(request, handler, pushPromiseHandler);
  }

  /**
   * Closes the client when it was built and the JDK can close one (Java 21 on); later exchanges fail.
   * Overrides {@code HttpClient.close()} on Java 21 and later.
   */
  public void close() {
    HttpClient c;
    synchronized (this) {
      closed = true;
      c = delegate;
    }
    if (c instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // best effort, at shutdown
      }
    }
  }

  @Override
  public String toString() {
    return "LazyHttpClient[" + (started() ? "started" : "not started") + "]";
  }
}
