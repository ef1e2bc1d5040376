package io.github.dfxclient.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.dfxclient.auths.TokenPair;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake DFX HTTP server on WireMock, serving the Auths endpoints from a {@link FakeAuthsBackend}
 * (the same state model as {@link FakeAuths}): request bodies are read as the server would (400
 * {@code INVALID_REQUEST} for a bad one, 415 for a body that is not JSON, 404 for an unknown route),
 * scripted failures and latency become HTTP errors, WireMock faults and delays. Listens on loopback
 * only.
 *
 * <p>In a JUnit 5 test, use {@link FakeDfxServerExtension}. As a process, for curl or a non-JVM
 * client: {@code FakeDfxServer.main("8080")} prints the base URL and a device pair.
 */
public final class FakeDfxServer implements AutoCloseable {
  /** The content type of every answer, exactly as the real API sends it. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private final AtomicReference<FakeAuthsBackend> backend;
  private final WireMockServer wireMock;

  /** A server on a free loopback port with a new backend. Call {@link #start()}. */
  public FakeDfxServer() {
    this(new FakeAuthsBackend(), 0);
  }

  /**
   * @param backend the state to serve
   * @param port the port, or 0 for a free one
   */
  public FakeDfxServer(FakeAuthsBackend backend, int port) {
    if (backend == null || port < 0 || port > 65535) {
      throw new IllegalArgumentException("backend and a port 0..65535 are required");
    }
    this.backend = new AtomicReference<>(backend);
    this.wireMock = new WireMockServer(wireMockConfig()
        .bindAddress("127.0.0.1")
        .port(port)
        .jettyAcceptors(1)
        .extensions(new Transformer(this.backend)));
  }

  /** @return this server, started */
  public FakeDfxServer start() {
    wireMock.start();
    wireMock.stubFor(any(anyUrl()).willReturn(ok()));
    return this;
  }

  /** @return the base URI to hand to an adapter, e.g. {@code http://127.0.0.1:41234} */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + wireMock.port());
  }

  /** @return the state behind this server: issue pairs, script failures, read the outbox */
  public FakeAuthsBackend backend() {
    return backend.get();
  }

  /**
   * Serves another backend from now on, e.g. one on a test's {@link MutableClock}.
   *
   * @param newBackend the state to serve
   */
  public void serve(FakeAuthsBackend newBackend) {
    if (newBackend == null) {
      throw new IllegalArgumentException("backend must not be null");
    }
    backend.set(newBackend);
  }

  /** @return WireMock's request journal: every request that reached the server, in order */
  public List<ServeEvent> journal() {
    return wireMock.getAllServeEvents();
  }

  /** @return how many requests reached the server since the last {@link #reset()} */
  public int requestsReceived() {
    return journal().size();
  }

  /** @return the underlying WireMock server, for anything this class does not offer */
  public WireMockServer wireMock() {
    return wireMock;
  }

  /** Forgets the backend's state and the request journal. */
  public void reset() {
    backend.get().reset();
    wireMock.resetRequests();
  }

  @Override
  public void close() {
    wireMock.stop();
  }

  /**
   * Runs the server until the process is stopped.
   *
   * @param args the port (default 8080)
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    FakeDfxServer server = new FakeDfxServer(new FakeAuthsBackend(), port).start();
    TokenPair device = server.backend().issuePair(FakeAuths.DEVICE);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("Fake DFX server listening on " + server.baseUri());
    System.out.println("Device pair (fake):");
    System.out.println("  Token:        " + device.token());
    System.out.println("  RefreshToken: " + device.refreshToken());
    System.out.println("Try: curl -s -X POST " + server.baseUri() + "/auths/renew -H 'Content-Type: application/json'"
        + " -d '{\"Token\":\"" + device.token() + "\",\"RefreshToken\":\"" + device.refreshToken() + "\"}'");
    System.out.println("Press Ctrl+C to stop.");
    Thread.currentThread().join();
  }

  /** Routes each request to the backend and renders its reply. */
  private static final class Transformer implements ResponseDefinitionTransformerV2 {
    private final AtomicReference<FakeAuthsBackend> backend;

    Transformer(AtomicReference<FakeAuthsBackend> backend) {
      this.backend = backend;
    }

    @Override
    public String getName() {
      return "dfx-fake-auths";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      return render(reply(event.getRequest()));
    }

    private Reply reply(Request request) {
      String path = URI.create(request.getUrl()).getRawPath();
      return backend.get().serve(request.getMethod().getName(), path,
          request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : null,
          request.containsHeader("Authorization") ? request.getHeader("Authorization") : null,
          request.getBody());
    }

    private static ResponseDefinition render(Reply reply) {
      ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition();
      if (!reply.delay().isZero()) {
        b.withFixedDelay((int) reply.delay().toMillis());
      }
      if (reply.reset()) {
        return b.withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      }
      b.withStatus(reply.status())
          .withHeader("Content-Type", CONTENT_TYPE)
          .withBody(reply.body());
      if (reply.retryAfter() != null) {
        b.withHeader("Retry-After", Long.toString(reply.retryAfter().toSeconds()));
      }
      return b.build();
    }
  }
}
