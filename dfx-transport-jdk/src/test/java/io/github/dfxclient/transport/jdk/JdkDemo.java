package io.github.dfxclient.transport.jdk;

import io.github.dfxclient.testkit.FakeDfxTour;

/** The demo: the quick-start flow through {@link JdkAuthsAdapter} against the embedded fake server. */
public final class JdkDemo {
  private JdkDemo() {}

  /** @param args none */
  public static void main(String[] args) {
    boolean ok = FakeDfxTour.run("JdkAuthsAdapter (java.net.http)",
        (uri, bearer) -> JdkAuthsAdapter.builder().baseUri(uri).bearerToken(bearer).build(), System.out);
    System.exit(ok ? 0 : 1);
  }
}
