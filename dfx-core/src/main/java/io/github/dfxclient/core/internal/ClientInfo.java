package io.github.dfxclient.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This library's name and version, for the {@code User-Agent} header. */
public final class ClientInfo {
  /** The library version, from the build. */
  public static final String VERSION = readVersion();

  private ClientInfo() {}

  /**
   * @param transport the transport's short name, e.g. {@code jdk-httpclient}
   * @return e.g. {@code dfx-java/0.1.0 (jdk-httpclient; Java 17.0.15)}
   */
  public static String userAgent(String transport) {
    return "dfx-java/" + VERSION + " (" + transport + "; Java " + Runtime.version().feature() + ")";
  }

  private static String readVersion() {
    try (InputStream in = ClientInfo.class.getResourceAsStream("client.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
