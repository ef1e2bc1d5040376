package io.github.dfxclient.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import io.github.dfxclient.auths.TokenPair;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake DFX HTTP server, serving every operation of a {@link FakeAuthsBackend} (the same state model
 * as {@link FakeAuths}) on 127.0.0.1, with answers shaped like the real API's ({@code Content-Type:
 * application/json; charset=utf-8}, a {@code Content-Length}, no header of the server it runs on).
 * Request bodies are read as the server would (400 {@code INVALID_REQUEST} for a bad one, 415 for a
 * body that is not JSON, 404 for an unknown route); scripted failures and latency become HTTP
 * errors, resets and delays.
 *
 * <p>The same port also speaks DFX's WebSocket API ({@link #webSocketUri()}, any path, subprotocol
 * {@code json}) over the same backend: request frames routed by action ID (400 {@code
 * INCORRECT_REQUEST} "Invalid Route Number" for an unknown one), answered in binary frames; the
 * socket is authenticated by its upgrade request's {@code Authorization: Bearer} or by an in-band
 * {@code 0718 {"Token"}} frame; scripted resets drop the socket, latency holds answers back.
 *
 * <p>An admin API under {@link #ADMIN_PREFIX} serves teams that drive the server from another
 * language (see {@link FakeDfxAdmin}). In a JUnit 5 test, use {@link FakeDfxServerExtension}. As a
 * process: {@code FakeDfxServer.main("8080")}.
 */
public final class FakeDfxServer implements AutoCloseable {
  /** The content type of every answer, exactly as the real API sends it. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";
  /** The prefix of the admin API (WireMock itself owns {@code /__admin}). */
  public static final String ADMIN_PREFIX = "/__dfx";

  private final AtomicReference<FakeAuthsBackend> backend;
  private final WireMockServer wireMock;
  private final FakeWebSocketFace webSockets;

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
    this.webSockets = new FakeWebSocketFace(this.backend);
    this.wireMock = new WireMockServer(wireMockConfig()
        .bindAddress("127.0.0.1")
        .port(port)
        .jettyAcceptors(1)
        .httpServerFactory((options, admin, stubs) -> new Jetty11HttpServer(options, admin, stubs) {
          @Override
          protected void decorateMockServiceContextBeforeConfig(org.eclipse.jetty.servlet.ServletContextHandler context) {
            webSockets.configure(context);
          }
        })
        .extensions(new Router(this.backend), new LikeTheRealApi()));
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

  /**
   * @return the URI of the WebSocket face on the same port, e.g. {@code ws://127.0.0.1:41234} (any
   *     path is served): what a WebSocket transport derives from {@link #baseUri()}
   */
  public URI webSocketUri() {
    return URI.create("ws://127.0.0.1:" + wireMock.port());
  }

  /** @return how many WebSocket connections were opened since the last {@link #reset()} */
  public int webSocketsOpened() {
    return webSockets.opened();
  }

  /** @return how many WebSocket connections are open now */
  public int webSocketsOpen() {
    return webSockets.openNow();
  }

  /**
   * @return the {@code Authorization} header of every WebSocket upgrade request since the last
   *     {@link #reset()}, oldest first ({@code null} for an upgrade without one); a test fake's
   *     journal, which holds tokens
   */
  public List<String> webSocketUpgradeAuthorizations() {
    return webSockets.upgradeAuthorizations();
  }

  /** @return every WebSocket request frame received since the last {@link #reset()}, as received, oldest first */
  public List<byte[]> webSocketFrames() {
    return webSockets.frames();
  }

  /** Drops every open WebSocket connection without a close handshake, as a crashed server would. */
  public void dropWebSockets() {
    webSockets.dropAll();
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

  /** @return every request that reached the server since the last {@link #reset()}, oldest first */
  public List<RecordedRequest> journal() {
    List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
    java.util.Collections.reverse(events);
    List<RecordedRequest> out = new ArrayList<>(events.size());
    for (ServeEvent e : events) {
      Request r = e.getRequest();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpHeader h : r.getHeaders().all()) {
        headers.put(h.key(), List.copyOf(h.values()));
      }
      out.add(new RecordedRequest(r.getMethod().getName(), URI.create(r.getUrl()).getRawPath(), headers, r.getBody()));
    }
    return out;
  }

  /** @return how many requests reached the server since the last {@link #reset()} */
  public int requestsReceived() {
    return wireMock.getAllServeEvents().size();
  }

  /** Forgets the backend's state, the request journal and the WebSocket counts and journals. */
  public void reset() {
    backend.get().reset();
    wireMock.resetRequests();
    webSockets.reset();
  }

  @Override
  public void close() {
    wireMock.stop();
    webSockets.close();
  }

  /**
   * Runs the server until the process is stopped.
   *
   * @param args the port (default 8080)
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    int port;
    try {
      port = args.length == 0 ? 8080 : Integer.parseInt(args[0]);
      if (args.length > 1 || port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      System.err.println("usage: FakeDfxServer [port]   (port 1..65535, default 8080)");
      System.exit(2);
      return;
    }
    FakeDfxServer server = new FakeDfxServer(new FakeAuthsBackend(), port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    printWelcome(server, System.out);
    Thread.currentThread().join();
  }

  private static void printWelcome(FakeDfxServer server, PrintStream out) {
    TokenPair device = server.backend().issuePair(FakeAuths.DEVICE);
    URI base = server.baseUri();
    out.println("Fake DFX server listening on " + base + " (admin API under " + base + ADMIN_PREFIX + ")");
    out.println("WebSocket API on " + server.webSocketUri() + " (subprotocol json; Authorization: Bearer on the"
        + " upgrade, or a first 0718 {\"Token\"} frame)");
    out.println("Device pair (fake; renew spends it, POST " + ADMIN_PREFIX + "/pairs mints another):");
    out.println("  Token:        " + device.token());
    out.println("  RefreshToken: " + device.refreshToken());
    out.println("Try (sends nothing real; the code lands in the outbox):");
    out.println("  curl -s -X PATCH " + base + "/auths/users/code -H 'Content-Type: application/json'"
        + " -H 'Authorization: Bearer " + device.token() + "'"
        + " -d '{\"PhoneNumber\":\"+15555550123\",\"Identifier\":\"acme-health\"}'");
    out.println("  curl -s " + base + ADMIN_PREFIX + "/outbox");
    out.println("  curl -s " + base + "/auth/v1/authenticate -H 'Authorization: Bearer " + device.token() + "'");
    out.println("  curl -s -X POST " + base + ADMIN_PREFIX + "/sso/codes -d '{\"orgIdentifier\":\"acme-health\","
        + "\"redirectURL\":\"https://app.example/cb\"}'   (then POST /auth/v1/sso/token with the code)");
    out.println("Press Ctrl+C to stop.");
  }

  /** Routes each request: the admin API, or the backend; renders the reply. */
  private static final class Router implements ResponseDefinitionTransformerV2 {
    private final AtomicReference<FakeAuthsBackend> backend;

    Router(AtomicReference<FakeAuthsBackend> backend) {
      this.backend = backend;
    }

    @Override
    public String getName() {
      return "dfx-fake-router";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String path = URI.create(request.getUrl()).getRawPath();
      String contentType = request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : null;
      Reply reply = path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/")
          ? FakeDfxAdmin.serve(backend.get(), request.getMethod().getName(), path.substring(ADMIN_PREFIX.length()),
              request.getBody())
          : backend.get().serve(request.getMethod().getName(), path, contentType,
              request.containsHeader("Authorization") ? request.getHeader("Authorization") : null,
              request.getBody());
      return render(reply);
    }

    private static ResponseDefinition render(Reply reply) {
      ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition();
      if (!reply.delay().isZero()) {
        b.withFixedDelay((int) reply.delay().toMillis());
      }
      if (reply.reset()) {
        return b.withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      }
      b.withStatus(reply.status());
      if (reply.body().length > 0) {
        b.withHeader("Content-Type", CONTENT_TYPE).withBody(reply.body());
      }
      b.withHeader("Content-Length", Integer.toString(reply.body().length));
      if (reply.retryAfter() != null) {
        b.withHeader("Retry-After", Long.toString(reply.retryAfter().toSeconds()));
      }
      return b.build();
    }
  }

  /** Drops what WireMock adds to every answer and the real API does not send. */
  private static final class LikeTheRealApi implements ResponseTransformerV2 {
    @Override
    public String getName() {
      return "dfx-fake-like-the-real-api";
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
      List<HttpHeader> kept = new ArrayList<>();
      for (HttpHeader h : response.getHeaders().all()) {
        if (!h.key().toLowerCase(java.util.Locale.ROOT).startsWith("matched-stub")) {
          kept.add(h);
        }
      }
      return Response.Builder.like(response).but().headers(new HttpHeaders(kept)).build();
    }
  }
}
