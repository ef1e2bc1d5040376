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
 * H2's {@code AUTO_SERVER=TRUE} mode opens a TCP server for the other processes of the file, on
 * every network interface unless the JVM's {@code h2.bindAddress} system property names a loopback
 * address, and it tells the other processes to connect to the host's external address. Anyone who
 * reaches that port with the database's user and password (H2's usual {@code sa} with an empty one)
 * can read the token table and run SQL. Warned once per JVM.
 */
final class H2Exposure {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.store.jdbc");
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private H2Exposure() {}

  static void warnIfListeningBeyondLoopback(Connection c) throws SQLException {
    String url = c.getMetaData().getURL();
    if (exposes(url, System.getProperty("h2.bindAddress")) && WARNED.compareAndSet(false, true)) {
      LOG.warn("dfx token store: the H2 URL uses AUTO_SERVER=TRUE, which listens on every network interface;"
          + " start the JVM with -Dh2.bindAddress=127.0.0.1 and give the database a password (the table holds"
          + " credentials)");
    }
  }

  /** @return whether {@code url} is an H2 AUTO_SERVER URL while H2 binds beyond loopback */
  static boolean exposes(String url, String bindAddress) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)
        || !url.toUpperCase(Locale.ROOT).replace(" ", "").contains("AUTO_SERVER=TRUE")) {
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
