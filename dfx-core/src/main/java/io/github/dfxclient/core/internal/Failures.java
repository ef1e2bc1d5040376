package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxEndpoint;
import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxTransportException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;

/**
 * Maps what a transport threw to a {@link DfxTransportException}, deciding whether the request may
 * have reached the server. Only failures that happen before a single byte of the request can leave
 * (connect refused, unknown host, no route, TLS handshake, connect timeout) count as "not sent";
 * everything else is "outcome unknown", so the retry policy never sends it again.
 */
public final class Failures {
  private Failures() {}

  /**
   * @param endpoint the endpoint called
   * @param failure what the transport threw
   * @param knownNotSent the transport knows the request was not sent (e.g. its connect timeout)
   * @return the exception to throw
   */
  public static DfxTransportException transport(DfxEndpoint endpoint, Throwable failure, boolean knownNotSent) {
    String reason = null;
    for (Throwable t = failure; t != null && reason == null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException) {
        reason = "connection refused";
      } else if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        reason = "unknown host";
      } else if (t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
        reason = "no route to host";
      } else if (t instanceof SSLHandshakeException) {
        reason = "TLS handshake failed";
      }
    }
    if (knownNotSent || reason != null) {
      return new DfxTransportException(endpoint, false, reason == null ? "connect timed out" : reason, failure);
    }
    return new DfxTransportException(endpoint, true, describeUnknown(failure), failure);
  }

  /**
   * Maps what a transport threw while exchanging: an answer over the bound ({@link
   * BoundedBody.TooLarge}) is a protocol error, a passed deadline ({@link Deadlines.Exceeded}) an
   * "outcome unknown" timeout, anything else goes through {@link #transport}.
   *
   * @param endpoint the endpoint called
   * @param failure what the transport threw
   * @param knownNotSent the transport knows the request was not sent (e.g. its connect timeout)
   * @param requestTimeout the timeout, for the message
   * @return the exception to throw
   */
  public static DfxException ofExchange(DfxEndpoint endpoint, Throwable failure, boolean knownNotSent,
      Duration requestTimeout) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BoundedBody.TooLarge tooLarge) {
        return tooLarge.toProtocolException(endpoint);
      }
      if (t instanceof Deadlines.Exceeded) {
        return outcomeUnknown(endpoint, "no complete answer within " + requestTimeout, null);
      }
    }
    return transport(endpoint, failure, knownNotSent);
  }

  /**
   * @param endpoint the endpoint called
   * @param what what happened, e.g. "request timed out after PT5S"
   * @param cause the cause, or {@code null}
   * @return an "outcome unknown" exception
   */
  public static DfxTransportException outcomeUnknown(DfxEndpoint endpoint, String what, Throwable cause) {
    return new DfxTransportException(endpoint, true, what, cause);
  }

  private static String describeUnknown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
        return "timed out waiting for the answer";
      }
      if (t instanceof InterruptedIOException || t instanceof InterruptedException) {
        return "interrupted while waiting for the answer";
      }
    }
    return "connection failed after the request was sent (" + failure.getClass().getSimpleName() + ")";
  }
}
