package io.github.dfxclient.core.spi;

import io.github.dfxclient.core.internal.BaseUri;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a base URI written as text, with messages that say how to fix it. */
final class BaseUriText {
  /**
   * {@code host:port} or {@code host:port/path} without a scheme, with DNS-shaped labels (at most 63
   * characters each) or an IP literal: clearly an address, safe to quote back with the fix. Any other
   * text without a scheme is never quoted (it might be a token pasted into the wrong setting).
   */
  private static final Pattern HOST_PORT = Pattern.compile(
      "(\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)(:[0-9]{1,5})(/[A-Za-z0-9._~%/-]*)?");

  private BaseUriText() {}

  /**
   * @param text the base URI as configured
   * @return the URI, checked for shape (scheme, host, no user info, query or fragment); plain
   *     {@code http://} to a non-loopback host is checked when the client is made
   * @throws IllegalArgumentException naming {@code baseUri}
   */
  static URI parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("baseUri must not be null");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("baseUri must not be blank");
    }
    if (!text.equals(text.strip())) {
      throw new IllegalArgumentException("baseUri must not have surrounding whitespace");
    }
    if (!text.contains("://")) {
      Matcher m = HOST_PORT.matcher(text);
      if (m.matches()) {
        String scheme = isLoopback(m.group(1)) ? "http" : "https";
        throw new IllegalArgumentException("baseUri has no scheme: add a scheme: " + scheme + "://" + text);
      }
      throw new IllegalArgumentException("baseUri has no scheme: add one, e.g. https://<host> or"
          + " http://127.0.0.1:<port> (the default is https://api.deepaffex.ai)");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      // the exception's own message quotes the text: only its reason and index are used
      throw new IllegalArgumentException("baseUri is not a valid URI: " + e.getReason()
          + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
    }
    BaseUri.of(uri, true);
    return uri;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]");
  }
}
