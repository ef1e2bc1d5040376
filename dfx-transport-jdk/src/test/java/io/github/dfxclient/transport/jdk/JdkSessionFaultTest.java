package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.core.DfxRetryPolicy;
import io.github.dfxclient.testkit.SessionFaultContract;
import java.net.URI;

/** The session over real HTTP faults through {@link JdkAuthsAdapter}. */
class JdkSessionFaultTest extends SessionFaultContract {

  @Override
  protected AuthsPort port(URI baseUri, DfxRetryPolicy retryPolicy) {
    return JdkAuthsAdapter.builder().baseUri(baseUri).retryPolicy(retryPolicy).build();
  }
}
