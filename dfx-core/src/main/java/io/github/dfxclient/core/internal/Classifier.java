package io.github.dfxclient.core.internal;

import io.github.dfxclient.core.DfxException;
import io.github.dfxclient.core.DfxOperation;
import io.github.dfxclient.core.DfxProtocolException;
import io.github.dfxclient.core.DfxTransportException;
import io.github.dfxclient.core.spi.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Decides, once for every transport, what a transport's failure means: the request surely was not
 * sent (connect refused, unknown host, no route, TLS handshake, connect timeout, or the transport
 * said so), the answer was unusable (too large), or the request may have reached the server
 * (everything else).
 */
final class Classifier {
  private Classifier() {}

  static DfxException classify(DfxOperation<?, ?> op, URI target, IOException failure, Duration requestTimeout) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransportException te) {
        switch (te.kind()) {
          case NOT_SENT:
            return new DfxTransportException(op, target, false, te.getMessage(), failure);
          case ANSWER_TOO_LARGE:
            return new DfxProtocolException(op, target, te.status(), te.getMessage());
          case DEADLINE_EXCEEDED:
            return new DfxTransportException(op, target, true, "no complete answer within " + requestTimeout, null);
          default:
            return new DfxTransportException(op, target, true, te.getMessage(), failure);
        }
      }
    }
    String notSent = notSentReason(failure);
    if (notSent != null) {
      return new DfxTransportException(op, target, false, notSent, failure);
    }
    return new DfxTransportException(op, target, true, describeUnknown(failure), failure);
  }

  /** The most specific "not sent" cause in the chain: an unknown host wraps a ConnectException, etc. */
  private static String notSentReason(Throwable failure) {
    String reason = null;
    int rank = 0;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if ((t instanceof UnknownHostException || t instanceof UnresolvedAddressException) && rank < 4) {
        reason = "unknown host";
        rank = 4;
      } else if ((t instanceof NoRouteToHostException || t instanceof PortUnreachableException) && rank < 3) {
        reason = "no route to host";
        rank = 3;
      } else if (isHandshakeFailure(t) && rank < 2) {
        reason = "TLS handshake failed";
        rank = 2;
      } else if (t instanceof ConnectException && rank < 1) {
        reason = isTimeout(t) ? "connect timed out" : "connection refused";
        rank = 1;
      }
    }
    return reason;
  }

  /**
   * A TLS failure before the handshake completed: no request byte was sent. {@code https://} to a
   * plain-HTTP port fails with a bare {@code SSLException} ("Unsupported or unrecognized SSL
   * message"), not an {@code SSLHandshakeException}.
   */
  private static boolean isHandshakeFailure(Throwable t) {
    if (t instanceof SSLHandshakeException) {
      return true;
    }
    if (!(t instanceof SSLException)) {
      return false;
    }
    String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
    return m.contains("handshake") || m.contains("unrecognized ssl message") || m.contains("plaintext");
  }

  private static boolean isTimeout(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName().contains("Timeout") || (m != null && m.contains("timed out"));
  }

  private static String describeUnknown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
        return "timed out waiting for the answer";
      }
      if (t instanceof InterruptedIOException) {
        return "interrupted while waiting for the answer";
      }
    }
    return "connection failed after the request was sent (" + failure.getClass().getSimpleName() + ")";
  }
}
