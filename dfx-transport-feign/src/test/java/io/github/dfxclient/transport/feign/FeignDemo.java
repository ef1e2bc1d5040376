package io.github.dfxclient.transport.feign;

import io.github.dfxclient.testkit.FakeDfxTour;

/** The demo: the quick-start flow through {@link FeignAuthsAdapter} against the embedded fake server. */
public final class FeignDemo {
  private FeignDemo() {}

  /** @param args none */
  public static void main(String[] args) {
    boolean ok = FakeDfxTour.run("FeignAuthsAdapter (OpenFeign on feign-java11)",
        (uri, bearer) -> FeignAuthsAdapter.builder().baseUri(uri).bearerToken(bearer).build(), System.out);
    System.exit(ok ? 0 : 1);
  }
}
