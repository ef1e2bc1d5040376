package io.github.dfxclient.spring;

import io.github.dfxclient.core.DfxCallListener;
import io.github.dfxclient.core.DfxRetryPolicy;
import java.util.List;

/**
 * Builds the {@link DfxTransportClients} of the transport {@code dfx.transport} names. Each transport
 * is built by its own class, loaded only when that transport's module is present (the modules are
 * optional dependencies of the starter).
 */
final class TransportBuilders {
  static final String JDK_ADAPTER = "io.github.dfxclient.transport.jdk.JdkAuthsAdapter";
  static final String FEIGN_ADAPTER = "io.github.dfxclient.transport.feign.FeignAuthsAdapter";

  private TransportBuilders() {}

  /** What every transport is built from, checked. */
  record Settings(String baseUri, boolean allowPlainHttp, java.time.Duration requestTimeout,
      java.time.Duration connectTimeout,
      DfxRetryPolicy retryPolicy, List<DfxCallListener> listeners) {}

  static DfxTransportClients build(DfxProperties.Transport transport, Settings settings, ClassLoader loader) {
    String adapter = transport == DfxProperties.Transport.FEIGN ? FEIGN_ADAPTER : JDK_ADAPTER;
    String artifact = transport == DfxProperties.Transport.FEIGN ? "dfx-transport-feign" : "dfx-transport-jdk";
    if (!org.springframework.util.ClassUtils.isPresent(adapter, loader)) {
      throw new IllegalStateException("dfx.transport=" + transport.name().toLowerCase(java.util.Locale.ROOT)
          + " needs the module io.github.dfxclient:" + artifact + " on the class path: add that dependency, or set"
          + " dfx.transport to a transport whose module is present");
    }
    return transport == DfxProperties.Transport.FEIGN ? FeignClients.build(settings) : JdkClients.build(settings);
  }

  /** The JDK transport: its classes are loaded only from here. */
  static final class JdkClients {
    private JdkClients() {}

    static DfxTransportClients build(Settings s) {
      LazyHttpClient http = new LazyHttpClient(s.connectTimeout());
      io.github.dfxclient.transport.jdk.JdkAuthsAdapter.Builder b = io.github.dfxclient.transport.jdk.JdkAuthsAdapter
          .builder().baseUri(s.baseUri()).allowPlainHttp(s.allowPlainHttp()).requestTimeout(s.requestTimeout())
          .retryPolicy(s.retryPolicy()).httpClient(http);
      s.listeners().forEach(b::listener);
      return new DfxTransportClients(b.build(), b.buildAsync(), http::close);
    }
  }

  /** The Feign transport (its default client, Feign's {@code Http2Client} over the JDK HttpClient). */
  static final class FeignClients {
    private FeignClients() {}

    static DfxTransportClients build(Settings s) {
      LazyHttpClient http = new LazyHttpClient(s.connectTimeout());
      io.github.dfxclient.transport.feign.FeignAuthsAdapter.Builder b = io.github.dfxclient.transport.feign
          .FeignAuthsAdapter.builder().baseUri(s.baseUri()).allowPlainHttp(s.allowPlainHttp())
          .requestTimeout(s.requestTimeout())
          .connectTimeout(s.connectTimeout()).retryPolicy(s.retryPolicy())
          .client(new feign.http2client.Http2Client(http));
      s.listeners().forEach(b::listener);
      return new DfxTransportClients(b.build(), b.buildAsync(), http::close);
    }
  }
}
