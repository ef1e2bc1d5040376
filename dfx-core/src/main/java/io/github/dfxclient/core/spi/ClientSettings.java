package io.github.dfxclient.core.spi;

import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxCredentials;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.core.internal.BaseUri;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The settings every client shares, whatever its transport, with their defaults and checks: what an
 * adapter builder collects and hands to {@link io.github.dfxclient.core.DfxClient#create}. Each
 * setter throws an {@link IllegalArgumentException} naming the setting. Not thread-safe (a builder's
 * state); the client copies what it needs.
 */
public final class ClientSettings {
  /** The production API. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.deepaffex.ai");
  /** Default bound on an answer's body: an Auths answer is a few KiB at the most. */
  public static final int DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;
  /** The longest request or connect timeout accepted. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  private URI baseUri = DEFAULT_BASE_URI;
  private DfxCredentials credentials;
  private Duration requestTimeout = Duration.ofSeconds(15);
  private Duration connectTimeout = Duration.ofSeconds(5);
  private boolean connectTimeoutSet;
  private DfxRetryPolicy retryPolicy = DfxRetryPolicy.defaults();
  private boolean allowPlainHttp;
  private int maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
  private final List<DfxCallListener> listeners = new ArrayList<>(2);

  /**
   * @param uri the API's base URI; default {@link #DEFAULT_BASE_URI}
   * @return this
   */
  public ClientSettings baseUri(URI uri) {
    this.baseUri = required("baseUri", uri);
    return this;
  }

  /**
   * The base URI as text, as it comes from configuration: parsed here so that a mistake gets a
   * message that says how to fix it. A path is a prefix that is kept ({@code
   * "https://gateway.example/dfx/v2"} sends renew to {@code .../dfx/v2/auths/renew}).
   *
   * @param uri an absolute {@code https://} (or, to a loopback host or with {@link #allowPlainHttp},
   *     {@code http://}) URI, e.g. {@code "https://api.deepaffex.ai"} or {@code
   *     "http://127.0.0.1:8080"}
   * @return this
   * @throws IllegalArgumentException naming {@code baseUri} (never quoting the text, except to show
   *     the fix for a plain {@code host:port}) when the text is null, blank, has surrounding space, has
   *     no scheme ({@code "127.0.0.1:8080"}: "add a scheme: http://127.0.0.1:8080"), is not a valid
   *     URI, or is not an absolute http(s) URI with a host and without user info, query or fragment
   */
  public ClientSettings baseUri(String uri) {
    this.baseUri = BaseUriText.parse(uri);
    return this;
  }

  /**
   * @param supplier asked once per attempt for the bearer token of every operation that needs one;
   *     {@code null} for none. An operation that needs a token fails with an {@link
   *     IllegalStateException} before any I/O when there is no supplier or it answers {@code null} or
   *     a blank token (a renew, which carries its own pair, is then sent without the header)
   * @return this
   */
  public ClientSettings bearerToken(Supplier<String> supplier) {
    this.credentials = supplier == null ? null : DfxCredentials.of(supplier);
    return this;
  }

  /**
   * @param credentials the source of device and user tokens (e.g. a {@code TokenSession}); {@code
   *     null} for none (then only operations that need no token, and renew, can be sent)
   * @return this
   */
  public ClientSettings credentials(DfxCredentials credentials) {
    this.credentials = credentials;
    return this;
  }

  /**
   * @param timeout bound on one attempt, to the last byte of the answer; 1 ms to 1 h, default 15 s
   * @return this
   */
  public ClientSettings requestTimeout(Duration timeout) {
    this.requestTimeout = bounded("requestTimeout", timeout);
    return this;
  }

  /**
   * @param timeout bound on opening a connection; 1 ms to 1 h, default 5 s
   * @return this
   */
  public ClientSettings connectTimeout(Duration timeout) {
    this.connectTimeout = bounded("connectTimeout", timeout);
    this.connectTimeoutSet = true;
    return this;
  }

  /**
   * @param policy the retry policy; default {@link DfxRetryPolicy#defaults()}
   * @return this
   */
  public ClientSettings retryPolicy(DfxRetryPolicy policy) {
    this.retryPolicy = required("retryPolicy", policy);
    return this;
  }

  /**
   * @param allow whether plain {@code http://} to a non-loopback host is accepted; default false
   * @return this
   */
  public ClientSettings allowPlainHttp(boolean allow) {
    this.allowPlainHttp = allow;
    return this;
  }

  /**
   * @param max bound on an answer body, 1 KiB to 16 MiB; default 64 KiB
   * @return this
   */
  public ClientSettings maxAnswerBytes(int max) {
    if (max < 1024 || max > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("maxAnswerBytes must be 1024..16777216, got " + max);
    }
    this.maxAnswerBytes = max;
    return this;
  }

  /**
   * Adds a listener called around every call and attempt of the client (and of its {@code
   * withCredentials} views); several may be added, and are called in the order they were added.
   *
   * @param listener the listener, not {@code null}
   * @return this
   * @throws IllegalArgumentException when {@code listener} is {@code null}
   */
  public ClientSettings listener(DfxCallListener listener) {
    listeners.add(required("listener", listener));
    return this;
  }

  /** @return the listeners added, in order (a copy; empty when none) */
  public List<DfxCallListener> listeners() {
    return List.copyOf(listeners);
  }

  /** @return the base URI, as set (checked when the client is made) */
  public URI baseUri() {
    return baseUri;
  }

  /** @return the credentials source, or {@code null} */
  public DfxCredentials credentials() {
    return credentials;
  }

  /** @return the request timeout */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** @return the connect timeout */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return whether the connect timeout was set explicitly */
  public boolean connectTimeoutSet() {
    return connectTimeoutSet;
  }

  /** @return the retry policy */
  public DfxRetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** @return whether plain {@code http://} to a non-loopback host is accepted */
  public boolean allowPlainHttp() {
    return allowPlainHttp;
  }

  /** @return the bound on an answer body */
  public int maxAnswerBytes() {
    return maxAnswerBytes;
  }

  /**
   * Checks the settings together (the base URI's scheme and host against {@link #allowPlainHttp});
   * {@link io.github.dfxclient.core.DfxClient#create} does the same.
   *
   * @throws IllegalArgumentException naming the setting that cannot work
   */
  public void check() {
    BaseUri.of(baseUri, allowPlainHttp);
  }

  /**
   * @param name the setting, for the message
   * @param value the value
   * @param <T> its type
   * @return the value, when not null
   * @throws IllegalArgumentException naming the setting when the value is null
   */
  public static <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  private static Duration bounded(String name, Duration d) {
    if (d == null || d.isZero() || d.isNegative() || d.compareTo(MAX_TIMEOUT) > 0 || d.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be 1 ms to 1 h");
    }
    return d;
  }
}
