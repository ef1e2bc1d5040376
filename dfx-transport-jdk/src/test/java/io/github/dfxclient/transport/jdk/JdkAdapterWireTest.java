package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.testkit.AdapterSettings;
import io.github.dfxclient.testkit.HttpAdapterContract;

/** The shared wire and failure suite, run against {@link JdkAuthsAdapter}. */
class JdkAdapterWireTest extends HttpAdapterContract {

  @Override
  protected AuthsPort newAdapter(AdapterSettings s) {
    return JdkAuthsAdapter.builder()
        .baseUri(s.baseUri())
        .bearerToken(s.bearerToken())
        .requestTimeout(s.requestTimeout())
        .retryPolicy(s.retryPolicy())
        .build();
  }
}
