package io.github.dfxclient.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw TCP proxy on loopback for connection-level faults that an HTTP server cannot script: it
 * relays bytes between a client and an upstream server and, in {@link #killReusedConnections}
 * mode, closes a kept-alive connection exactly when the client writes its next request on it,
 * without forwarding a byte of that request. The client sees what a pooled connection the server
 * had already closed looks like (EOF, "connection closed", a reset), and the server never sees the
 * request. Threads are daemons; {@link #close()} stops everything.
 */
public final class FaultProxy implements AutoCloseable {
  private final int upstreamPort;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean killReused = new AtomicBoolean();
  private final AtomicInteger killed = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();

  /**
   * @param upstreamPort the loopback port to relay to
   * @throws IOException when no port can be bound
   */
  public FaultProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** @return the proxy's base URI, {@code http://127.0.0.1:<port>} */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * @param kill whether a connection that already carried one answer is closed when the client
   *     writes on it again (the request is dropped)
   */
  public void killReusedConnections(boolean kill) {
    killReused.set(kill);
  }

  /** @return how many connections were closed under a request the client was writing */
  public int connectionsKilled() {
    return killed.get();
  }

  /** @return how many client connections were accepted */
  public int connectionsAccepted() {
    return accepted.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        accepted.incrementAndGet();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        open.add(client);
        open.add(upstream);
        AtomicBoolean answered = new AtomicBoolean();
        start(() -> relayRequests(client, upstream, answered));
        start(() -> relayAnswers(upstream, client, answered));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void relayRequests(Socket client, Socket upstream, AtomicBoolean answered) {
    byte[] buf = new byte[8192];
    try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (answered.get() && killReused.get()) {
          killed.incrementAndGet();
          closeBoth(client, upstream);
          return;
        }
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException ignored) {
      // either side closed
    } finally {
      closeBoth(client, upstream);
    }
  }

  private void relayAnswers(Socket upstream, Socket client, AtomicBoolean answered) {
    byte[] buf = new byte[8192];
    try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
        answered.set(true);
      }
    } catch (IOException ignored) {
      // either side closed
    } finally {
      closeBoth(client, upstream);
    }
  }

  private void closeBoth(Socket a, Socket b) {
    for (Socket s : new Socket[] {a, b}) {
      open.remove(s);
      try {
        s.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  private static void start(Runnable r) {
    Thread t = new Thread(r, "fault-proxy-relay");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
  }
}
