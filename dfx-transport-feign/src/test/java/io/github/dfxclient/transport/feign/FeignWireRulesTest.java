package io.github.dfxclient.transport.feign;

import io.github.dfxclient.auths.AsyncAuthsPort;
import io.github.dfxclient.auths.AuthsPort;
import io.github.dfxclient.testkit.AdapterSettings;
import io.github.dfxclient.testkit.WireRulesContract;

/** The RFC wire rules (path parameters, strict answers, Retry-After, base URIs, messages) on {@link FeignAuthsAdapter}. */
class FeignWireRulesTest extends WireRulesContract {

  private static FeignAuthsAdapter.Builder builder(AdapterSettings s) {
    return FeignAuthsAdapter.builder().baseUri(s.baseUri()).bearerToken(s.bearerToken())
        .requestTimeout(s.requestTimeout()).retryPolicy(s.retryPolicy());
  }

  @Override
  protected AuthsPort newAdapter(AdapterSettings s) {
    return builder(s).build();
  }

  @Override
  protected AsyncAuthsPort newAsyncAdapter(AdapterSettings s) {
    return builder(s).buildAsync();
  }
}
