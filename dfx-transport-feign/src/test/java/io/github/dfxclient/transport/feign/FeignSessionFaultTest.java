package io.github.dfxclient.transport.feign;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.testkit.SessionFaultContract;
import java.net.URI;

/** The session over real HTTP faults through {@link FeignAuthsAdapter}. */
class FeignSessionFaultTest extends SessionFaultContract {

  @Override
  protected AuthsPort port(URI baseUri, DfxRetryPolicy retryPolicy) {
    return FeignAuthsAdapter.builder().baseUri(baseUri).retryPolicy(retryPolicy).build();
  }
}
