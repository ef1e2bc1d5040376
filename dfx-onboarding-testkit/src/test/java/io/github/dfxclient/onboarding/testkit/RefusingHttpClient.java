package io.github.dfxclient.onboarding.testkit;

import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} whose first {@code n} exchanges fail as a refused connection does ({@link
 * ConnectException}, before a byte leaves), then a real client on loopback: how a test makes "not
 * sent" happen without a timing assumption.
 */
final class RefusingHttpClient extends HttpClient {
  private final HttpClient delegate = HttpClient.newBuilder().version(Version.HTTP_1_1)
      .followRedirects(Redirect.NEVER).build();
  private final AtomicInteger refusalsLeft;

  RefusingHttpClient(int refusals) {
    this.refusalsLeft = new AtomicInteger(refusals);
  }

  private boolean refuse() {
    return refusalsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    if (refuse()) {
      throw new ConnectException("Connection refused (scripted)");
    }
    return delegate.send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    if (refuse()) {
      return CompletableFuture.failedFuture(new ConnectException("Connection refused (scripted)"));
    }
    return delegate.sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    if (refuse()) {
      return CompletableFuture.failedFuture(new ConnectException("Connection refused (scripted)"));
    }
    return delegate.sendAsync(request, handler, push);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /**
   * WebSocket sockets, refused the same way: the first {@code n} opening handshakes (of exchanges and
   * sockets together) fail with a {@link ConnectException} before a byte leaves.
   */
  @Override
  public java.net.http.WebSocket.Builder newWebSocketBuilder() {
    java.net.http.WebSocket.Builder real = delegate.newWebSocketBuilder();
    return new java.net.http.WebSocket.Builder() {
      @Override
      public java.net.http.WebSocket.Builder header(String name, String value) {
        real.header(name, value);
        return this;
      }

      @Override
      public java.net.http.WebSocket.Builder connectTimeout(Duration timeout) {
        real.connectTimeout(timeout);
        return this;
      }

      @Override
      public java.net.http.WebSocket.Builder subprotocols(String most, String... lesser) {
        real.subprotocols(most, lesser);
        return this;
      }

      @Override
      public CompletableFuture<java.net.http.WebSocket> buildAsync(java.net.URI uri,
          java.net.http.WebSocket.Listener listener) {
        if (refuse()) {
          return CompletableFuture.failedFuture(new ConnectException("Connection refused (scripted)"));
        }
        return real.buildAsync(uri, listener);
      }
    };
  }
}
