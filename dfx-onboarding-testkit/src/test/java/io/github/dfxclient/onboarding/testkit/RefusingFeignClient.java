package io.github.dfxclient.onboarding.testkit;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;

/** A Feign {@link Client} whose first {@code n} exchanges fail as a refused connection, then a real one. */
final class RefusingFeignClient implements Client {
  private final Client delegate = new Http2Client(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build());
  private final AtomicInteger refusalsLeft;

  RefusingFeignClient(int refusals) {
    this.refusalsLeft = new AtomicInteger(refusals);
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    if (refusalsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ConnectException("Connection refused (scripted)");
    }
    return delegate.execute(request, options);
  }
}
