package io.github.dfxclient.store.jdbc;

import io.github.dfxclient.auths.TokenPair;
import io.github.dfxclient.session.LeasingTokenStore;
import io.github.dfxclient.session.TokenKey;
import io.github.dfxclient.session.TokenKind;
import io.github.dfxclient.session.TokenStoreUnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.sql.DataSource;

/**
 * A {@link LeasingTokenStore} over JDBC: one row per (principal, kind) holding the pair, a version
 * and a renew lease (owner, expiry). Give it to {@code TokenSession.builder().store(...)}: that is
 * all the wiring a fleet needs; the session takes the lease by itself, so one process renews a
 * shared pair and the others adopt the pair it saved.
 *
 * <pre>{@code
 * JdbcTokenStore store = JdbcTokenStore.builder()
 *     .dataSource(dataSource)                 // H2 (AUTO_SERVER=TRUE for several local processes), PostgreSQL
 *     .encryptionKey(aesKey)                  // optional: tokens encrypted at rest (AES-GCM)
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>The lease is taken by one atomic {@code UPDATE} that succeeds only when no other process
 *       holds an unexpired lease and the stored pair is still the one this process would renew;
 *       otherwise the store answers with the newer pair (adopt it, renew nothing) or "busy" (wait).
 *   <li>A holder that dies loses the lease at expiry ({@link Builder#leaseDuration}, default 60 s:
 *       longer than a renew with its retries) and the next process renews.
 *   <li>A save under the lease is a compare-and-set on the lease owner and ends the lease; if the
 *       lease was lost meanwhile the save fails (the session keeps the pair and says so).
 *   <li>Any {@link SQLException} becomes a {@link TokenStoreUnavailableException}: the session sends
 *       no renew it could not persist.
 *   <li>Lease expiry is compared on the processes' own clocks: keep them in step (NTP) to well
 *       within the lease duration.
 * </ul>
 *
 * The table ({@link Builder#table}, default {@code dfx_token_pairs}) is created when missing; the
 * DDL, for H2 and PostgreSQL alike, is {@link #DDL} with the table name. Thread-safe; no lock is
 * held around I/O; the session's valid-token hot path never reaches this store.
 */
public final class JdbcTokenStore implements LeasingTokenStore {
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

  private static final String ENCRYPTED = "enc1:";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;
  private final String table;
  private final SecretKey key;
  private final Duration leaseDuration;
  private final String principal;
  private final String owner;
  private final Clock clock;
  private final Map<TokenKey, Boolean> leased = new ConcurrentHashMap<>();
  private volatile boolean schemaReady;
  private final boolean createSchema;

  private JdbcTokenStore(Builder b) {
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.key = b.key;
    this.leaseDuration = b.leaseDuration;
    this.principal = b.principal;
    this.owner = b.owner;
    this.clock = b.clock;
    this.createSchema = b.createSchema;
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
    try (Connection c = connection();
         PreparedStatement s = c.prepareStatement("SELECT token, refresh_token FROM " + table
             + " WHERE principal = ? AND kind = ?")) {
      s.setString(1, k.principal());
      s.setString(2, k.kind().name());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(pair(k, r.getString(1), r.getString(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable("read the " + k + " pair", e);
    }
  }

  /**
   * Saves {@code pair}: under this process's lease, a compare-and-set on the lease that ends it;
   * otherwise (a pair set by the application) an insert or update.
   */
  @Override
  public void save(TokenKey k, TokenPair pair) {
    if (pair == null) {
      throw new IllegalArgumentException("pair must not be null");
    }
    String token = seal(k, pair.token());
    String refresh = seal(k, pair.refreshToken());
    String hash = hash(pair.refreshToken());
    try (Connection c = connection()) {
      if (leased.remove(k) != null) {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET token = ?, refresh_token = ?,"
            + " refresh_hash = ?, version = version + 1, lease_owner = NULL, lease_until = 0"
            + " WHERE principal = ? AND kind = ? AND lease_owner = ?")) {
          s.setString(1, token);
          s.setString(2, refresh);
          s.setString(3, hash);
          s.setString(4, k.principal());
          s.setString(5, k.kind().name());
          s.setString(6, owner);
          if (s.executeUpdate() != 1) {
            throw new IllegalStateException("the renew lease of the " + k + " pair expired before the new pair"
                + " was saved (another process may renew it); lengthen leaseDuration");
          }
        }
        return;
      }
      upsert(c, k, token, refresh, hash);
    } catch (SQLException e) {
      throw unavailable("save the " + k + " pair", e);
    }
  }

  private void upsert(Connection c, TokenKey k, String token, String refresh, String hash) throws SQLException {
    for (int attempt = 0; attempt < 3; attempt++) {
      try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET token = ?, refresh_token = ?,"
          + " refresh_hash = ?, version = version + 1 WHERE principal = ? AND kind = ?")) {
        u.setString(1, token);
        u.setString(2, refresh);
        u.setString(3, hash);
        u.setString(4, k.principal());
        u.setString(5, k.kind().name());
        if (u.executeUpdate() == 1) {
          return;
        }
      }
      try (PreparedStatement i = c.prepareStatement("INSERT INTO " + table + " (principal, kind, token,"
          + " refresh_token, refresh_hash, version, lease_owner, lease_until) VALUES (?, ?, ?, ?, ?, 1, NULL, 0)")) {
        i.setString(1, k.principal());
        i.setString(2, k.kind().name());
        i.setString(3, token);
        i.setString(4, refresh);
        i.setString(5, hash);
        i.executeUpdate();
        return;
      } catch (SQLException duplicate) {
        // another process inserted the row meanwhile: update it
        if (attempt == 2) {
          throw duplicate;
        }
      }
    }
  }

  // ---------------------------------------------------------------- lease

  @Override
  public Lease tryLease(TokenKey k, TokenPair held) {
    long now = clock.millis();
    try (Connection c = connection()) {
      String storedToken;
      String storedRefresh;
      String storedHash;
      long version;
      try (PreparedStatement s = c.prepareStatement("SELECT token, refresh_token, refresh_hash, version FROM "
          + table + " WHERE principal = ? AND kind = ?")) {
        s.setString(1, k.principal());
        s.setString(2, k.kind().name());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            // nothing stored yet: nothing to coordinate on; the save inserts the row
            return new Acquired();
          }
          storedToken = r.getString(1);
          storedRefresh = r.getString(2);
          storedHash = r.getString(3);
          version = r.getLong(4);
        }
      }
      if (!storedHash.equals(hash(held.refreshToken()))) {
        return new Newer(pair(k, storedToken, storedRefresh));
      }
      try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET lease_owner = ?, lease_until = ?"
          + " WHERE principal = ? AND kind = ? AND version = ?"
          + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")) {
        u.setString(1, owner);
        u.setLong(2, now + leaseDuration.toMillis());
        u.setString(3, k.principal());
        u.setString(4, k.kind().name());
        u.setLong(5, version);
        u.setString(6, owner);
        u.setLong(7, now);
        if (u.executeUpdate() == 1) {
          leased.put(k, Boolean.TRUE);
          return new Acquired();
        }
      }
      return new Busy();
    } catch (SQLException e) {
      throw unavailable("take the renew lease of the " + k + " pair", e);
    }
  }

  @Override
  public void releaseLease(TokenKey k) {
    if (leased.remove(k) == null) {
      return;
    }
    try (Connection c = connection();
         PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET lease_owner = NULL, lease_until = 0"
             + " WHERE principal = ? AND kind = ? AND lease_owner = ?")) {
      s.setString(1, k.principal());
      s.setString(2, k.kind().name());
      s.setString(3, owner);
      s.executeUpdate();
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

  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    if (!schemaReady && createSchema) {
      try (Statement s = c.createStatement()) {
        s.execute(String.format(DDL, table));
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      schemaReady = true;
    }
    return c;
  }

  private TokenPair pair(TokenKey k, String token, String refresh) {
    return new TokenPair(open(k, token), open(k, refresh));
  }

  private String seal(TokenKey k, String value) {
    if (key == null) {
      return value;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(aad(k));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return ENCRYPTED + Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("token store: could not encrypt (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private String open(TokenKey k, String stored) {
    boolean encrypted = stored.startsWith(ENCRYPTED);
    if (key == null && !encrypted) {
      return stored;
    }
    if (key == null) {
      throw new IllegalStateException("token store: the " + k + " pair is encrypted at rest; configure the"
          + " store with its encryptionKey");
    }
    if (!encrypted) {
      throw new IllegalStateException("token store: the " + k + " pair is stored unencrypted although an"
          + " encryptionKey is configured; set the pair again to encrypt it");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
      cipher.updateAAD(aad(k));
      return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("token store: the encryption key does not decrypt the " + k
          + " pair (a wrong key, or the row was altered)", e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("token store: the " + k + " pair cannot be decrypted ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static byte[] aad(TokenKey k) {
    return (k.principal() + "|" + k.kind().name()).getBytes(StandardCharsets.UTF_8);
  }

  private static String hash(String refreshToken) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TokenStoreUnavailableException unavailable(String what, SQLException e) {
    return new TokenStoreUnavailableException("token store: could not " + what + " (" + e.getClass().getSimpleName()
        + ", SQL state " + e.getSQLState() + ")", e);
  }

  @Override
  public String toString() {
    return "JdbcTokenStore[table=" + table + ", encrypted=" + (key != null) + ", leaseDuration=" + leaseDuration + "]";
  }

  /** Builds a {@link JdbcTokenStore}; each setting checks its value at once. */
  public static final class Builder {
    private DataSource dataSource;
    private String table = "dfx_token_pairs";
    private SecretKey key;
    private Duration leaseDuration = Duration.ofSeconds(60);
    private String principal = TokenKey.DEFAULT_PRINCIPAL;
    private String owner = UUID.randomUUID() + "@" + ProcessHandle.current().pid();
    private Clock clock = Clock.systemUTC();
    private boolean createSchema = true;

    private Builder() {}

    /**
     * @param dataSource where the table lives (a pool such as HikariCP is advised)
     * @return this
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
     */
    public Builder table(String table) {
      if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("table must be an SQL identifier of up to 63 letters, digits or _");
      }
      this.table = table;
      return this;
    }

    /**
     * @param key an AES key (128 or 256 bits): tokens are stored encrypted with AES-GCM, bound to
     *     their row; never logged
     * @return this
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
     * @param principal the user principal the kind-only methods address (a store serving one
     *     user); default {@link TokenKey#DEFAULT_PRINCIPAL}
     * @return this
     */
    public Builder principal(String principal) {
      this.principal = TokenKey.user(principal).principal();
      return this;
    }

    /**
     * @param owner this process's name in the lease column (default: a random ID and the PID)
     * @return this
     */
    public Builder owner(String owner) {
      if (owner == null || owner.isBlank() || owner.length() > 128) {
        throw new IllegalArgumentException("owner must be 1..128 characters");
      }
      this.owner = owner;
      return this;
    }

    /**
     * @param clock the clock lease expiry is measured with; default UTC system clock
     * @return this
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
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

    /** @return the store */
    public JdbcTokenStore build() {
      if (dataSource == null) {
        throw new IllegalArgumentException("dataSource must be set");
      }
      return new JdbcTokenStore(this);
    }
  }
}
