package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxRetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The settings every adapter builder shares, with their defaults and checks, so that both
 * transports have the same vocabulary and the same rules. Each setter throws an {@link
 * IllegalArgumentException} naming the setting.
 */
public final class AdapterConfig {
  private URI baseUri = BaseUri.DEFAULT;
  private Supplier<String> bearerToken;
  private Duration requestTimeout = Duration.ofSeconds(15);
  private Duration connectTimeout = Duration.ofSeconds(5);
  private boolean connectTimeoutSet;
  private DfxRetryPolicy retryPolicy = DfxRetryPolicy.defaults();
  private boolean allowPlainHttp;
  private int maxAnswerBytes = AuthsWire.DEFAULT_MAX_ANSWER_BYTES;

  /** @param uri the API's base URI */
  public void baseUri(URI uri) {
    this.baseUri = required("baseUri", uri);
  }

  /** @param supplier the bearer token supplier, or {@code null} for none */
  public void bearerToken(Supplier<String> supplier) {
    this.bearerToken = supplier;
  }

  /** @param timeout bound on one attempt, to the last byte of the answer */
  public void requestTimeout(Duration timeout) {
    this.requestTimeout = positive("requestTimeout", timeout);
  }

  /** @param timeout bound on opening a connection */
  public void connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
    this.connectTimeoutSet = true;
  }

  /** @param policy the retry policy */
  public void retryPolicy(DfxRetryPolicy policy) {
    this.retryPolicy = required("retryPolicy", policy);
  }

  /** @param allow whether plain {@code http://} to a non-loopback host is accepted */
  public void allowPlainHttp(boolean allow) {
    this.allowPlainHttp = allow;
  }

  /** @param max bound on an answer body, 1 KiB to 16 MiB */
  public void maxAnswerBytes(int max) {
    if (max < 1024 || max > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("maxAnswerBytes must be 1024..16777216, got " + max);
    }
    this.maxAnswerBytes = max;
  }

  /** @return the checked base URI (plain http only to loopback unless allowed) */
  public BaseUri checkedBaseUri() {
    return BaseUri.of(baseUri, allowPlainHttp);
  }

  /** @return the bearer token supplier, may be {@code null} */
  public Supplier<String> bearerToken() {
    return bearerToken;
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

  /** @return the bound on an answer body */
  public int maxAnswerBytes() {
    return maxAnswerBytes;
  }

  /**
   * @param name the setting, for the message
   * @param value the value
   * @param <T> its type
   * @return the value, when not null
   */
  public static <T> T required(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  private static Duration positive(String name, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }
}
