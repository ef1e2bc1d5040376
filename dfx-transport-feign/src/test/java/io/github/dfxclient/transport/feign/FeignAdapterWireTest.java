package io.github.dfxclient.transport.feign;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.testkit.AdapterSettings;
import io.github.dfxclient.testkit.HttpAdapterContract;

/** The shared wire and failure suite, run against {@link FeignAuthsAdapter}. */
class FeignAdapterWireTest extends HttpAdapterContract {

  @Override
  protected AuthsPort newAdapter(AdapterSettings s) {
    return FeignAuthsAdapter.builder()
        .baseUri(s.baseUri())
        .bearerToken(s.bearerToken())
        .requestTimeout(s.requestTimeout())
        .retryPolicy(s.retryPolicy())
        .build();
  }
}
