package io.github.dfxclient.store.jdbc;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.LeasingTokenStore;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenStoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LeasingTokenStore} over JDBC: one row per (principal, kind) holding the pair, a version
 * and a renew lease (owner, expiry). Give it to {@code TokenSession.builder().store(...)}: that is
 * all the wiring a fleet needs; the session takes the lease by itself, so one process renews a
 * shared pair and the others adopt the pair it saved.
 *
 * <pre>{@code
 * JdbcTokenStore store = JdbcTokenStore.builder()
 *     .dataSource(dataSource)                 // PostgreSQL, or H2 (see below for several processes)
 *     .encryptionKey(aesKey)                  // optional: tokens encrypted at rest (AES-GCM)
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>The lease is taken by one atomic {@code UPDATE} that succeeds only when no other process
 *       holds an unexpired lease and the stored pair is still the one this process would renew;
 *       otherwise the store answers with the newer pair (adopt it, renew nothing) or "busy" (wait).
 *   <li>Lease expiry is written and compared on the <em>database's</em> clock ({@code
 *       CURRENT_TIMESTAMP}), never a process clock: processes whose clocks disagree still never
 *       hold the lease together.
 *   <li>A holder that dies loses the lease at expiry ({@link Builder#leaseDuration}, default 60 s:
 *       longer than a renew with its retries) and the next process renews.
 *   <li>The save of a renewed pair is a compare-and-set on the pair it replaced and ends the lease.
 *       Transient database failures (lost connections, H2's "database in use" on an {@code
 *       AUTO_SERVER} file, lock timeouts, serialization failures and deadlocks) are tried again
 *       with backoff: the save of a renewed pair for up to the lease duration, keeping the lease
 *       alive meanwhile so that the others wait for the new pair instead of spending the old
 *       refresh token; taking the lease for as long; every other operation for up to {@link
 *       Builder#retryTransientErrorsFor} (default 30 s).
 *   <li>What still fails becomes a {@link TokenStoreUnavailableException}: the session sends no
 *       renew it could not persist, and keeps a renewed pair it could not save, saving it again on
 *       the next need.
 * </ul>
 *
 * <p>H2 with several processes on one file needs its server mode and a lock that does not depend
 * on timing: {@code jdbc:h2:file:<path>;AUTO_SERVER=TRUE;FILE_LOCK=SOCKET}. The server mode listens
 * on every network interface unless the JVM sets {@code -Dh2.bindAddress=127.0.0.1}; this store logs
 * a warning once when it sees an {@code AUTO_SERVER} URL without a loopback bind address or without
 * {@code FILE_LOCK=SOCKET}. Give the database a password: the table holds credentials.
 *
 * <p>The table ({@link Builder#table}, default {@code dfx_token_pairs}) is created when missing; the
 * DDL, for H2 and PostgreSQL alike, is {@link #DDL} with the table name. Thread-safe; no lock is
 * held around I/O; the session's valid-token hot path never reaches this store. A pooled {@code
 * DataSource} is faster; a plain one works.
 */
public final class JdbcTokenStore implements LeasingTokenStore {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.store.jdbc");

  /** The table's DDL; {@code %s} is the table name. */
  public static final String DDL = "CREATE TABLE IF NOT EXISTS %s ("
      + "principal VARCHAR(128) NOT NULL, "
      + "kind VARCHAR(8) NOT NULL, "
      + "token VARCHAR(16384) NOT NULL, "
      + "refresh_token VARCHAR(16384) NOT NULL, "
      + "refresh_hash CHAR(64) NOT NULL, "
      + "version BIGINT NOT NULL, "
      + "lease_owner VARCHAR(128), "
      + "lease_until BIGINT NOT NULL, "
      + "PRIMARY KEY (principal, kind))";

  private final PairTable rows;
  private final TokenCipher cipher;
  private final Duration leaseDuration;
  private final Duration transientRetry;
  private final String principal;
  private final String owner;
  /** The keys this process holds the lease of, with the hash of the refresh token being renewed. */
  private final Map<TokenKey, Leased> leased = new ConcurrentHashMap<>();

  /** A lease this process holds: the stored pair it renews ({@code null} hash: no row yet). */
  private record Leased(String renewedHash) {}

  private JdbcTokenStore(Builder b) {
    this.rows = new PairTable(b.dataSource, b.table, b.createSchema);
    this.cipher = new TokenCipher(b.key);
    this.leaseDuration = b.leaseDuration;
    this.transientRetry = b.transientRetry;
    this.principal = b.principal;
    this.owner = b.owner;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- TokenStore

  @Override
  public Optional<TokenPair> load(TokenKind kind) {
    return load(defaultKey(kind));
  }

  @Override
  public void save(TokenKind kind, TokenPair pair) {
    save(defaultKey(kind), pair);
  }

  private TokenKey defaultKey(TokenKind kind) {
    return kind == TokenKind.DEVICE || principal.equals(TokenKey.DEFAULT_PRINCIPAL)
        ? TokenKey.of(kind) : TokenKey.user(principal);
  }

  @Override
  public Optional<TokenPair> load(TokenKey k) {
    try {
      PairTable.Row row = TransientSql.retrying("read the " + k + " pair", transientRetry, null, () -> rows.select(k));
      return row == null ? Optional.empty() : Optional.of(pair(k, row.token(), row.refreshToken()));
    } catch (SQLException e) {
      throw unavailable("read the " + k + " pair", e);
    }
  }

  /**
   * Saves {@code pair}. Under this process's lease: a compare-and-set on the pair it replaced that
   * ends the lease, tried again through transient failures for up to the lease duration while the
   * lease is kept alive. Otherwise (a pair the application set): an insert or update.
   *
   * @throws TokenStoreUnavailableException when the database cannot be written (the session keeps
   *     the pair and saves it again later)
   */
  @Override
  public void save(TokenKey k, TokenPair pair) {
    if (pair == null) {
      throw new IllegalArgumentException("pair must not be null");
    }
    String token = cipher.seal(k, pair.token());
    String refresh = cipher.seal(k, pair.refreshToken());
    String hash = hash(pair.refreshToken());
    Leased lease = leased.get(k);
    try {
      if (lease != null && lease.renewedHash() != null) {
        boolean replaced = TransientSql.retrying("save the renewed " + k + " pair", longer(transientRetry, leaseDuration),
            () -> extendLease(k), () -> rows.replace(k, lease.renewedHash(), token, refresh, hash));
        if (!replaced) {
          LOG.warn("dfx token store: the {} pair was changed by another process while this one renewed it;"
              + " saving the renewed pair over it", k);
          TransientSql.retrying("save the " + k + " pair", transientRetry, null,
              () -> rows.upsert(k, token, refresh, hash));
        }
      } else {
        TransientSql.retrying("save the " + k + " pair", transientRetry, null, () -> rows.upsert(k, token, refresh, hash));
      }
      leased.remove(k);
    } catch (SQLException e) {
      throw unavailable("save the " + k + " pair", e);
    }
  }

  // ---------------------------------------------------------------- lease

  /**
   * @throws TokenStoreUnavailableException when the database cannot be read or written after the
   *     transient retries (no renew must be sent then)
   */
  @Override
  public Lease tryLease(TokenKey k, TokenPair held) {
    String heldHash = hash(held.refreshToken());
    try {
      return TransientSql.retrying("take the renew lease of the " + k + " pair", longer(transientRetry, leaseDuration),
          null, () -> takeLease(k, heldHash));
    } catch (SQLException e) {
      throw unavailable("take the renew lease of the " + k + " pair", e);
    }
  }

  private Lease takeLease(TokenKey k, String heldHash) throws SQLException {
    PairTable.Lease lease = rows.takeLease(k, heldHash, owner, leaseDuration);
    switch (lease.outcome()) {
      case NO_ROW:
        leased.put(k, new Leased(null));
        return new Acquired();
      case NEWER:
        return new Newer(pair(k, lease.newer().token(), lease.newer().refreshToken()));
      case TAKEN:
        leased.put(k, new Leased(heldHash));
        return new Acquired();
      default:
        return new Busy();
    }
  }

  /** Keeps this process's lease alive (best effort) while it still tries to save the renewed pair. */
  private void extendLease(TokenKey k) {
    try {
      rows.extendLease(k, owner, leaseDuration);
    } catch (SQLException | RuntimeException e) {
      // the save's next try reports what is wrong
    }
  }

  @Override
  public void releaseLease(TokenKey k) {
    if (leased.remove(k) == null) {
      return;
    }
    try {
      TransientSql.retrying("release the renew lease of the " + k + " pair", transientRetry, null,
          () -> rows.releaseLease(k, owner));
    } catch (SQLException | RuntimeException e) {
      // best effort: the lease expires by itself
    }
  }

  @Override
  public Duration leaseDuration() {
    return leaseDuration;
  }

  /** @return this process's lease owner name (host-independent: a random ID and the process ID) */
  public String owner() {
    return owner;
  }

  // ---------------------------------------------------------------- helpers

  private TokenPair pair(TokenKey k, String token, String refresh) {
    return new TokenPair(cipher.open(k, token), cipher.open(k, refresh));
  }

  private static String hash(String refreshToken) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static TokenStoreUnavailableException unavailable(String what, SQLException e) {
    return new TokenStoreUnavailableException("token store: could not " + what + " (" + e.getClass().getSimpleName()
        + ", SQL state " + e.getSQLState() + (TransientSql.isTransient(e) ? ", transient: tried again until the"
        + " retry budget was spent" : "") + ")", e);
  }

  @Override
  public String toString() {
    return "JdbcTokenStore[table=" + rows.table() + ", encrypted=" + cipher.encrypts() + ", leaseDuration=" + leaseDuration
        + "]";
  }

  /** Builds a {@link JdbcTokenStore}; each setting checks its value at once. */
  public static final class Builder {
    private DataSource dataSource;
    private String table = "dfx_token_pairs";
    private SecretKey key;
    private Duration leaseDuration = Duration.ofSeconds(60);
    private Duration transientRetry = Duration.ofSeconds(30);
    private String principal = TokenKey.DEFAULT_PRINCIPAL;
    private String owner = UUID.randomUUID() + "@" + ProcessHandle.current().pid();
    private boolean createSchema = true;

    private Builder() {}

    /**
     * @param dataSource where the table lives (a pool such as HikariCP is faster; a plain {@code
     *     DataSource} works)
     * @return this
     * @throws IllegalArgumentException when it is {@code null}
     */
    public Builder dataSource(DataSource dataSource) {
      if (dataSource == null) {
        throw new IllegalArgumentException("dataSource must not be null");
      }
      this.dataSource = dataSource;
      return this;
    }

    /**
     * @param table the table name, {@code [A-Za-z_][A-Za-z0-9_]*} up to 63 characters; default
     *     {@code dfx_token_pairs}
     * @return this
     * @throws IllegalArgumentException when it is not such a name
     */
    public Builder table(String table) {
      if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("table must be an SQL identifier of up to 63 letters, digits or _");
      }
      this.table = table;
      return this;
    }

    /**
     * @param key an AES key (128, 192 or 256 bits): tokens are stored encrypted with AES-GCM, bound
     *     to their row; never logged
     * @return this
     * @throws IllegalArgumentException when it is not such a key
     */
    public Builder encryptionKey(SecretKey key) {
      if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm()) || key.getEncoded() == null
          || !(key.getEncoded().length == 16 || key.getEncoded().length == 24 || key.getEncoded().length == 32)) {
        throw new IllegalArgumentException("encryptionKey must be an AES key of 128, 192 or 256 bits");
      }
      this.key = key;
      return this;
    }

    /**
     * @param duration how long a renew lease lasts, 1 s to 10 min; longer than a renew with its
     *     retries (default 60 s)
     * @return this
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder leaseDuration(Duration duration) {
      if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0
          || duration.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("leaseDuration must be 1 s to 10 min");
      }
      this.leaseDuration = duration;
      return this;
    }

    /**
     * @param budget how long a transient database failure (see the class comment) is tried again
     *     before it surfaces, 0 to 10 min (0: never); default 30 s. Taking the renew lease and the
     *     save of a renewed pair are tried again for at least the lease duration.
     * @return this
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder retryTransientErrorsFor(Duration budget) {
      if (budget == null || budget.isNegative() || budget.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("retryTransientErrorsFor must be 0 to 10 min");
      }
      this.transientRetry = budget;
      return this;
    }

    /**
     * @param principal the user principal the kind-only methods address (a store serving one
     *     user); default {@link TokenKey#DEFAULT_PRINCIPAL}
     * @return this
     * @throws IllegalArgumentException when it is not 1..128 visible ASCII characters
     */
    public Builder principal(String principal) {
      this.principal = TokenKey.user(principal).principal();
      return this;
    }

    /**
     * @param owner this process's name in the lease column (default: a random ID and the PID)
     * @return this
     * @throws IllegalArgumentException when it is blank or longer than 128 characters
     */
    public Builder owner(String owner) {
      if (owner == null || owner.isBlank() || owner.length() > 128) {
        throw new IllegalArgumentException("owner must be 1..128 characters");
      }
      this.owner = owner;
      return this;
    }

    /**
     * @param clock ignored
     * @return this
     * @throws IllegalArgumentException when it is {@code null}
     * @deprecated lease expiry is written and compared on the database's clock, never a process
     *     clock; this setting has no effect
     */
    @Deprecated
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      return this;
    }

    /**
     * @param create whether the table is created when missing; default true (false: run {@link
     *     #DDL} yourself)
     * @return this
     */
    public Builder createSchema(boolean create) {
      this.createSchema = create;
      return this;
    }

    /**
     * @return the store
     * @throws IllegalArgumentException when no data source was set
     */
    public JdbcTokenStore build() {
      if (dataSource == null) {
        throw new IllegalArgumentException("dataSource must be set");
      }
      return new JdbcTokenStore(this);
    }
  }
}
