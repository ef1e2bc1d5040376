package io.github.dfxclient.store.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two hazards of H2's {@code AUTO_SERVER=TRUE} mode, each warned once per JVM:
 *
 * <ul>
 *   <li>It opens a TCP server for the other processes of the file, on every network interface
 *       unless the JVM's {@code h2.bindAddress} system property names a loopback address, and it
 *       tells the other processes to connect to the host's external address. Anyone who reaches
 *       that port with the database's user and password (H2's usual {@code sa} with an empty one)
 *       can read the token table and run SQL.
 *   <li>H2's default file lock ({@code FILE_LOCK=FILE}) decides that a lock is stale by timing (a
 *       watchdog thread keeps touching the lock file); on a machine whose CPUs are saturated two
 *       processes were seen to open the file on their own at once, each taking the renew lease in
 *       its own copy, and both renewed. {@code FILE_LOCK=SOCKET} (the holder keeps a socket open)
 *       does not depend on timing.
 * </ul>
 */
final class H2Exposure {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.store.jdbc");
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static final AtomicBoolean TIMED_LOCK_WARNED = new AtomicBoolean();

  private H2Exposure() {}

  static void warnIfListeningBeyondLoopback(Connection c) throws SQLException {
    String url = c.getMetaData().getURL();
    if (exposes(url, System.getProperty("h2.bindAddress")) && WARNED.compareAndSet(false, true)) {
      LOG.warn("dfx token store: the H2 URL uses AUTO_SERVER=TRUE, which listens on every network interface;"
          + " start the JVM with -Dh2.bindAddress=127.0.0.1 and give the database a password (the table holds"
          + " credentials)");
    }
    if (timedLock(url) && TIMED_LOCK_WARNED.compareAndSet(false, true)) {
      LOG.warn("dfx token store: the H2 URL uses AUTO_SERVER=TRUE with H2's timing-based file lock; add"
          + " ;FILE_LOCK=SOCKET so that two processes can never open the file on their own at once");
    }
  }

  /** @return whether {@code url} is an H2 AUTO_SERVER URL without {@code FILE_LOCK=SOCKET} */
  static boolean timedLock(String url) {
    if (!isAutoServer(url)) {
      return false;
    }
    return !url.toUpperCase(Locale.ROOT).replace(" ", "").contains("FILE_LOCK=SOCKET");
  }

  private static boolean isAutoServer(String url) {
    return url != null && url.regionMatches(true, 0, "jdbc:h2:", 0, 8)
        && url.toUpperCase(Locale.ROOT).replace(" ", "").contains("AUTO_SERVER=TRUE");
  }

  /** @return whether {@code url} is an H2 AUTO_SERVER URL while H2 binds beyond loopback */
  static boolean exposes(String url, String bindAddress) {
    if (!isAutoServer(url)) {
      return false;
    }
    if (bindAddress == null || bindAddress.isBlank()) {
      return true;
    }
    String h = bindAddress.trim();
    if (!h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == '.' || ch == ':')) {
      return !h.equalsIgnoreCase("localhost");
    }
    try {
      return !InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return true;
    }
  }
}
