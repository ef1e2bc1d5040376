package io.github.dfxclient.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code dfx.*} properties of the starter. No secret has a default: the encryption key of the
 * JDBC token store comes only from {@code dfx.store.encryption-key} when the application sets it.
 * The values are checked when the context starts; a bad one fails startup with a message naming
 * the property (never quoting a secret).
 */
@ConfigurationProperties(prefix = "dfx")
public class DfxProperties {
  /** The DFX API's base URI: https, or http to a loopback host. A path is a kept prefix. */
  private String baseUri = "https://api.deepaffex.ai";
  /**
   * Whether a plain {@code http://} base URI to a host other than loopback is accepted (tokens and
   * personal data would travel unencrypted); default false.
   */
  private boolean allowPlainHttp;
  /** The transport that carries the calls; its module must be on the class path. */
  private Transport transport = Transport.JDK;
  /** Bound on one attempt, from sending to the last byte of the answer (1 ms to 1 h). */
  private Duration requestTimeout = Duration.ofSeconds(15);
  /** Bound on opening a connection (1 ms to 1 h). */
  private Duration connectTimeout = Duration.ofSeconds(5);
  private final Retry retry = new Retry();
  private final Session session = new Session();
  private final Store store = new Store();

  /** The transports the starter can build. */
  public enum Transport {
    /** {@code java.net.http.HttpClient}: io.github.dfxclient:dfx-transport-jdk. */
    JDK,
    /** Feign over the JDK HttpClient: io.github.dfxclient:dfx-transport-feign. */
    FEIGN
  }

  /** @return the base URI text */
  public String getBaseUri() {
    return baseUri;
  }

  /** @param baseUri the base URI text */
  public void setBaseUri(String baseUri) {
    this.baseUri = baseUri;
  }

  /** @return whether plain {@code http://} to a non-loopback host is accepted */
  public boolean isAllowPlainHttp() {
    return allowPlainHttp;
  }

  /** @param allowPlainHttp whether plain {@code http://} to a non-loopback host is accepted */
  public void setAllowPlainHttp(boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
  }

  /** @return the transport */
  public Transport getTransport() {
    return transport;
  }

  /** @param transport the transport */
  public void setTransport(Transport transport) {
    this.transport = transport;
  }

  /** @return the request timeout */
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  /** @param requestTimeout the request timeout */
  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  /** @return the connect timeout */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** @param connectTimeout the connect timeout */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** @return the retry settings */
  public Retry getRetry() {
    return retry;
  }

  /** @return the token session's settings */
  public Session getSession() {
    return session;
  }

  /** @return the token store's settings */
  public Store getStore() {
    return store;
  }

  /** {@code dfx.retry.*}: the engine's retry policy. */
  public static class Retry {
    /** Attempts in all, the first included (1 to 10). */
    private int maxAttempts = 3;
    /** Wait before the first retry; grows by the multiplier, with jitter. */
    private Duration initialBackoff = Duration.ofMillis(100);
    /** Factor by which the backoff grows (at least 1). */
    private double multiplier = 2.0;
    /** The longest Retry-After (429, 503) waited for; a longer one fails at once. */
    private Duration maxRetryAfter = Duration.ofSeconds(10);

    /** @return the attempts in all */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /** @param maxAttempts the attempts in all */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** @return the first backoff */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /** @param initialBackoff the first backoff */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /** @return the backoff multiplier */
    public double getMultiplier() {
      return multiplier;
    }

    /** @param multiplier the backoff multiplier */
    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    /** @return the longest Retry-After waited for */
    public Duration getMaxRetryAfter() {
      return maxRetryAfter;
    }

    /** @param maxRetryAfter the longest Retry-After waited for */
    public void setMaxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
    }
  }

  /** {@code dfx.session.*}: the token session. */
  public static class Session {
    /** Renew this long before a token expires (capped at a third of its lifetime; 0 to 1 day). */
    private Duration renewSkew = Duration.ofSeconds(60);

    /** @return the renew skew */
    public Duration getRenewSkew() {
      return renewSkew;
    }

    /** @param renewSkew the renew skew */
    public void setRenewSkew(Duration renewSkew) {
      this.renewSkew = renewSkew;
    }
  }

  /** {@code dfx.store.*}: the JDBC token store, used when the application has a DataSource. */
  public static class Store {
    /** The table of token pairs in the application's DataSource (created when missing). */
    private String table = "dfx_token_pairs";
    /** How long a process's renew lease lasts (1 s to 10 min): a fleet renews once. */
    private Duration leaseDuration = Duration.ofSeconds(60);
    /**
     * A Base64 AES key (16, 24 or 32 bytes) that encrypts the stored tokens (AES-GCM). No default:
     * without it tokens are stored in clear, and startup logs a warning.
     */
    private String encryptionKey;

    /** @return the table name */
    public String getTable() {
      return table;
    }

    /** @param table the table name */
    public void setTable(String table) {
      this.table = table;
    }

    /** @return the lease duration */
    public Duration getLeaseDuration() {
      return leaseDuration;
    }

    /** @param leaseDuration the lease duration */
    public void setLeaseDuration(Duration leaseDuration) {
      this.leaseDuration = leaseDuration;
    }

    /** @return the Base64 encryption key, or {@code null} */
    public String getEncryptionKey() {
      return encryptionKey;
    }

    /** @param encryptionKey the Base64 encryption key */
    public void setEncryptionKey(String encryptionKey) {
      this.encryptionKey = encryptionKey;
    }

    /** @return whether an encryption key is set (the key itself is never shown) */
    @Override
    public String toString() {
      return "Store[table=" + table + ", leaseDuration=" + leaseDuration + ", encrypted=" + (encryptionKey != null)
          + "]";
    }
  }
}
