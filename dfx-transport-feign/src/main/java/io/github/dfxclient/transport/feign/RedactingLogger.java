package io.github.dfxclient.transport.feign;

import feign.Request;
import feign.Response;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's logger for this adapter, whatever log level Feign is given: request line, status and
 * elapsed time only; never a header (the Authorization header carries a token) nor a body (they
 * carry tokens, phone numbers and e-mail addresses).
 */
final class RedactingLogger extends feign.Logger {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.dfxclient.transport.feign");

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(methodTag(configKey) + String.format(format, args));
    }
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("{}---> {} {}", methodTag(configKey), request.httpMethod(), request.url());
    }
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("{}<--- {} ({}ms)", methodTag(configKey), response.status(), elapsedTime);
    }
    return response;
  }

  @Override
  protected IOException logIOException(String configKey, Level logLevel, IOException ioe, long elapsedTime) {
    if (LOG.isTraceEnabled()) {
      LOG.trace("{}<--- ERROR {} ({}ms)", methodTag(configKey), ioe.getClass().getSimpleName(), elapsedTime);
    }
    return ioe;
  }

  @Override
  protected void logRetry(String configKey, Level logLevel) {
    // Feign's own retryer is off; the dfx retry policy logs its attempts.
  }
}
