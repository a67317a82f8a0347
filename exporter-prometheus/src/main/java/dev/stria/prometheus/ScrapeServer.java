package dev.stria.prometheus;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.exporter.httpserver.DefaultHandler;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server of a {@link PrometheusExporter}: the JDK's {@code com.sun.net.httpserver}, as
 * client_java's {@code HTTPServer} runs it, serving the same paths: {@code /metrics} ({@link
 * MetricsEndpoint}), {@code /-/healthy} and {@code /} (client_java's page naming the metrics path),
 * each behind the authenticator when there is one, over HTTPS when configured. Stria runs its own
 * server because client_java 1.8.0's fixes the handler of the metrics path, and a protobuf scrape
 * is written by Stria's writer.
 *
 * <p>Its threads are daemons, so a server left open never keeps the JVM alive: up to four
 * scrapes at once, each pool thread ending after a minute idle. The server's own dispatcher thread
 * is started from a pool thread, so it is a daemon too (a thread inherits its starter's daemon
 * flag). As client_java's server does, it limits a request to 60 s and a response to 600 s, unless
 * the {@code sun.net.httpserver.maxReqTime}/{@code maxRspTime} properties say otherwise.
 */
final class ScrapeServer implements AutoCloseable {
  private static final int THREADS = 4;
  private static final AtomicInteger SERVERS = new AtomicInteger();

  static {
    // read by the JDK's server when its first instance starts; a user's setting wins
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "60");
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", "600");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private ScrapeServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code host:port} and starts serving {@code metrics} at {@code /metrics}; {@code
   * authenticator} and {@code https} may be null.
   *
   * @throws IOException if the address cannot be bound
   */
  static ScrapeServer start(String host, int port, HttpHandler metrics,
      Authenticator authenticator, HttpsConfigurator https) throws IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    HttpServer server;
    if (https != null) {
      HttpsServer secure = HttpsServer.create(address, 3);
      secure.setHttpsConfigurator(https);
      server = secure;
    } else {
      server = HttpServer.create(address, 3);
    }
    serve(server, "/", new DefaultHandler("/metrics"), authenticator);
    serve(server, "/metrics", metrics, authenticator);
    serve(server, "/-/healthy", new HealthyHandler(), authenticator);
    ExecutorService executor = daemonPool();
    server.setExecutor(executor);
    try {
      executor.submit(server::start).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(server, executor);
      throw new InterruptedIOException("interrupted while starting the server on " + address);
    } catch (ExecutionException e) {
      close(server, executor);
      throw new IOException("cannot start the server on " + address + ": " + e.getCause(),
          e.getCause());
    }
    return new ScrapeServer(server, executor);
  }

  private static void serve(HttpServer server, String path, HttpHandler handler,
      Authenticator authenticator) {
    HttpContext context = server.createContext(path, handler);
    if (authenticator != null) {
      context.setAuthenticator(authenticator);
    }
  }

  private static ExecutorService daemonPool() {
    int server = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task,
              "stria-prometheus-http-" + server + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The port the server is bound to. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving at once and ends the pool's threads. */
  @Override
  public void close() {
    close(server, executor);
  }

  private static void close(HttpServer server, ExecutorService executor) {
    server.stop(0);
    executor.shutdownNow();
  }
}
