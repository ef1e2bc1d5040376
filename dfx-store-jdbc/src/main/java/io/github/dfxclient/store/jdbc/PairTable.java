package io.github.dfxclient.store.jdbc;

import io.github.dfxclient.session.TokenKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The SQL of {@link JdbcTokenStore}: one round trip per method, on a connection taken from the data
 * source and closed after it (autocommit). Values arrive sealed (encrypted or not) and leave as
 * stored; retries, encryption and hashing are the store's. Lease times are epoch milliseconds on the
 * database's clock ({@link #DB_NOW_MILLIS}), never a process clock.
 */
final class PairTable {
  /** The database's clock in epoch milliseconds (H2 and PostgreSQL alike). */
  static final String DB_NOW_MILLIS = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";

  private final DataSource dataSource;
  private final String table;
  private final boolean createSchema;
  private volatile boolean schemaReady;
  private volatile boolean urlChecked;

  /** A row as stored. */
  record Row(String token, String refreshToken, String refreshHash, long version) {}

  /** What {@link #takeLease} found. */
  enum LeaseOutcome {
    /** There is no row: nothing to coordinate on (the save inserts it). */
    NO_ROW,
    /** The row holds another pair than the one to renew: {@link #takeLease} returns it. */
    NEWER,
    /** This owner holds the lease now. */
    TAKEN,
    /** Another owner holds an unexpired lease. */
    BUSY
  }

  PairTable(DataSource dataSource, String table, boolean createSchema) {
    this.dataSource = dataSource;
    this.table = table;
    this.createSchema = createSchema;
  }

  /** @return the row of {@code k}, or {@code null} */
  Row select(TokenKey k) throws SQLException {
    try (Connection c = connection()) {
      return select(c, k);
    }
  }

  private Row select(Connection c, TokenKey k) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT token, refresh_token, refresh_hash, version FROM " + table
        + " WHERE principal = ? AND kind = ?")) {
      s.setString(1, k.principal());
      s.setString(2, k.kind().name());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? new Row(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)) : null;
      }
    }
  }

  /**
   * The compare-and-set of a renewed pair: replaces the row only while it still holds the renewed
   * one, and ends the lease.
   *
   * @return whether the row was replaced
   */
  boolean replace(TokenKey k, String renewedHash, String token, String refresh, String hash) throws SQLException {
    try (Connection c = connection();
         PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET token = ?, refresh_token = ?,"
             + " refresh_hash = ?, version = version + 1, lease_owner = NULL, lease_until = 0"
             + " WHERE principal = ? AND kind = ? AND refresh_hash = ?")) {
      s.setString(1, token);
      s.setString(2, refresh);
      s.setString(3, hash);
      s.setString(4, k.principal());
      s.setString(5, k.kind().name());
      s.setString(6, renewedHash);
      return s.executeUpdate() == 1;
    }
  }

  /** Inserts or updates the row, whatever it held, and ends any lease. */
  Void upsert(TokenKey k, String token, String refresh, String hash) throws SQLException {
    try (Connection c = connection()) {
      for (int attempt = 0; attempt < 3; attempt++) {
        try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET token = ?, refresh_token = ?,"
            + " refresh_hash = ?, version = version + 1, lease_owner = NULL, lease_until = 0"
            + " WHERE principal = ? AND kind = ?")) {
          u.setString(1, token);
          u.setString(2, refresh);
          u.setString(3, hash);
          u.setString(4, k.principal());
          u.setString(5, k.kind().name());
          if (u.executeUpdate() == 1) {
            return null;
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
          return null;
        } catch (SQLException duplicate) {
          // another process inserted the row meanwhile: update it (a lost connection is retried by the caller)
          if (attempt == 2 || TransientSql.isTransient(duplicate)) {
            throw duplicate;
          }
        }
      }
    }
    return null;
  }

  /** A lease attempt's outcome, and the row when it is {@link LeaseOutcome#NEWER}. */
  record Lease(LeaseOutcome outcome, Row newer) {}

  /**
   * Takes the renew lease of {@code k} for {@code owner} in one atomic {@code UPDATE}, only while the
   * row still holds the pair whose refresh token hashes to {@code heldHash} and no other owner holds
   * an unexpired lease.
   */
  Lease takeLease(TokenKey k, String heldHash, String owner, Duration lease) throws SQLException {
    try (Connection c = connection()) {
      Row row = select(c, k);
      if (row == null) {
        return new Lease(LeaseOutcome.NO_ROW, null);
      }
      if (!row.refreshHash().equals(heldHash)) {
        return new Lease(LeaseOutcome.NEWER, row);
      }
      try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET lease_owner = ?, lease_until = "
          + DB_NOW_MILLIS + " + ? WHERE principal = ? AND kind = ? AND version = ?"
          + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < " + DB_NOW_MILLIS + ")")) {
        u.setString(1, owner);
        u.setLong(2, lease.toMillis());
        u.setString(3, k.principal());
        u.setString(4, k.kind().name());
        u.setLong(5, row.version());
        u.setString(6, owner);
        return new Lease(u.executeUpdate() == 1 ? LeaseOutcome.TAKEN : LeaseOutcome.BUSY, null);
      }
    }
  }

  /** Moves the lease of {@code owner} to {@code lease} from the database's now. */
  void extendLease(TokenKey k, String owner, Duration lease) throws SQLException {
    try (Connection c = connection();
         PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET lease_until = " + DB_NOW_MILLIS
             + " + ? WHERE principal = ? AND kind = ? AND lease_owner = ?")) {
      s.setLong(1, lease.toMillis());
      s.setString(2, k.principal());
      s.setString(3, k.kind().name());
      s.setString(4, owner);
      s.executeUpdate();
    }
  }

  /** Ends the lease of {@code owner}, if it still holds it. */
  Integer releaseLease(TokenKey k, String owner) throws SQLException {
    try (Connection c = connection();
         PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET lease_owner = NULL, lease_until = 0"
             + " WHERE principal = ? AND kind = ? AND lease_owner = ?")) {
      s.setString(1, k.principal());
      s.setString(2, k.kind().name());
      s.setString(3, owner);
      return s.executeUpdate();
    }
  }

  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      if (!urlChecked) {
        urlChecked = true;
        H2Exposure.warnIfListeningBeyondLoopback(c);
      }
      if (!schemaReady && createSchema) {
        try (Statement s = c.createStatement()) {
          s.execute(String.format(JdbcTokenStore.DDL, table));
        }
        schemaReady = true;
      }
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  String table() {
    return table;
  }
}
