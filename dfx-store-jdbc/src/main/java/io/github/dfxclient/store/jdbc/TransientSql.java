package io.github.dfxclient.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which database failures are worth trying again, and the loop that does: a lost or refused
 * connection (SQLState class 08, JDBC 4.3 {@link SQLTransientException} and {@link
 * SQLRecoverableException}), serialization failures and deadlocks (40001, PostgreSQL 40P01), a lock
 * not available (PostgreSQL 55P03, H2 lock timeout HYT00/50200), a server shutting down or starting
 * (PostgreSQL 57P01..57P03), too many connections (53300), and H2's "database in use" while another
 * process opens an {@code AUTO_SERVER} file (90020) with its other connection failures (90028,
 * 90067, 90098, 90121, 90131, 90135). Anything else (a syntax error, a constraint) fails at once.
 */
final class TransientSql {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.store.jdbc");
  private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300",
      "HYT00", "90020", "90028", "90067", "90098", "90121", "90131", "90135", "50200");
  private static final Set<Integer> H2_CODES = Set.of(90020, 90028, 90067, 90098, 90121, 90131, 90135, 50200, 40001);
  private static final long FIRST_WAIT_MILLIS = 20;
  private static final long MAX_WAIT_MILLIS = 1_000;

  private TransientSql() {}

  /** One database round trip. */
  @FunctionalInterface
  interface SqlCall<T> {
    T run() throws SQLException;
  }

  /** @return whether {@code e}, or an exception it chains, is worth trying again */
  static boolean isTransient(SQLException e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 16; t = next(t), depth++) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if (state != null && (state.startsWith("08") || STATES.contains(state))) {
          return true;
        }
        if (s.getClass().getName().startsWith("org.h2.") && H2_CODES.contains(s.getErrorCode())) {
          return true;
        }
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t) {
      return s.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /**
   * Runs {@code call}, trying again after a transient failure with a backoff (20 ms doubling to
   * 1 s) until {@code budget} is spent.
   *
   * @param what the operation, for the log
   * @param budget how long transient failures are tried again
   * @param between run before each new try (e.g. keep a lease alive); its failures are ignored
   * @param call the round trip
   * @return its result
   * @throws SQLException the last failure: not transient, or the budget spent
   */
  static <T> T retrying(String what, Duration budget, Runnable between, SqlCall<T> call) throws SQLException {
    long deadline = System.nanoTime() + budget.toNanos();
    long wait = FIRST_WAIT_MILLIS;
    int failures = 0;
    while (true) {
      try {
        T result = call.run();
        if (failures > 0) {
          LOG.info("dfx token store: {} succeeded after {} transient failure(s)", what, failures);
        }
        return result;
      } catch (SQLException e) {
        failures++;
        if (!isTransient(e) || System.nanoTime() + wait * 1_000_000 - deadline > 0) {
          throw e;
        }
        LOG.debug("dfx token store: {} failed transiently (SQL state {}); trying again in {} ms", what,
            e.getSQLState(), wait);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        wait = Math.min(wait * 2, MAX_WAIT_MILLIS);
        if (between != null) {
          try {
            between.run();
          } catch (RuntimeException ignored) {
            // best effort
          }
        }
      }
    }
  }
}
