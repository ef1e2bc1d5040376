package io.github.dfxclient.transport.feign;

import feign.Logger;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.testkit.AdapterSettings;
import io.github.dfxclient.testkit.HttpAdapterContract;

/** The shared wire and failure suite, run against {@link FeignAuthsAdapter} with Feign logging at FULL. */
class FeignAdapterWireTest extends HttpAdapterContract {

  @Override
  protected AuthsPort newAdapter(AdapterSettings s) {
    return FeignAuthsAdapter.builder()
        .baseUri(s.baseUri())
        .bearerToken(s.bearerToken())
        .requestTimeout(s.requestTimeout())
        .retryPolicy(s.retryPolicy())
        .customize(feign -> feign.logLevel(Logger.Level.FULL))
        .build();
  }
}
