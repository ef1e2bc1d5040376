package io.github.dfxclient.core.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The checked base URI of a DFX API. Plain {@code http://} is accepted only for a loopback host
 * (tests, a local fake server) unless the application explicitly allows it: every Auths request
 * carries a credential, a phone number or an e-mail address. A path prefix ({@code
 * https://gateway.example/dfx/v2}, with or without a trailing slash) is kept: operation paths are
 * appended to it. User info, a query or a fragment is refused.
 *
 * @param uri the base URI, without a trailing slash
 */
public record BaseUri(URI uri) {
  /**
   * @param uri the base URI the application configured
   * @param allowPlainHttp whether {@code http://} to a non-loopback host is accepted
   * @return the checked base URI
   * @throws IllegalArgumentException naming {@code baseUri} when the URI is unusable or insecure
   */
  public static BaseUri of(URI uri, boolean allowPlainHttp) {
    if (uri == null) {
      throw new IllegalArgumentException("baseUri must not be null");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException("baseUri must be an absolute http(s) URI with a host");
    }
    // named, never quoted: user info may be a password, a query an API key
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("baseUri must not carry user info (user@ or user:password@):"
          + " DFX authenticates with bearer tokens, and user info would leak into logs and proxies");
    }
    if (uri.getRawQuery() != null) {
      throw new IllegalArgumentException("baseUri must not carry a query (?...): operation paths are"
          + " appended to the base URI's path, so a query would end up inside the path");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUri must not carry a fragment (#...): operation paths are"
          + " appended to the base URI's path, so a fragment would swallow them");
    }
    if (scheme.equals("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException("baseUri uses plain http:// to a non-loopback host; tokens and"
          + " personal data would travel unencrypted. Use https://, or allowPlainHttp(true) if you must");
    }
    String s = uri.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return new BaseUri(URI.create(s));
  }

  /**
   * @param path an encoded path starting with {@code /}
   * @return the full URI of {@code path} below this base
   */
  public URI resolve(String path) {
    return URI.create(uri + path);
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    boolean literal = h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
