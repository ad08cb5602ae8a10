package dev.tradekit.server;

import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The control plane's Jetty server: its thread pool, the API connector (TLS when a key store is
 * given), the optional loopback-only metrics connector, and the handler chain timed by the HTTP
 * meters.
 *
 * <pre>{@code
 * HttpListener.Started s = HttpListener.start(config, dashboard, metrics, metricsRoutes);
 * int port = s.port();
 * }</pre>
 */
final class HttpListener {
  private HttpListener() {}

  /** A started server, with the ports it listens on ({@code metricsPort} -1 when off). */
  record Started(Server server, int port, int metricsPort) {}

  /** Builds and starts the server for the {@code api} handler; the caller stops it. */
  static Started start(PlaneOptions config, Handler api, Metrics m, MetricsRoutes metricsRoutes)
      throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), 4);
    threads.setName("tradekit-server");
    m.bindThreadPool(threads);
    Server srv = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector;
    java.nio.file.Path keyStore = config.keyStore();
    if (keyStore != null) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(keyStore.toString());
      ssl.setKeyStorePassword(String.valueOf(Objects.requireNonNull(config.keyStorePassword())));
      http.addCustomizer(new SecureRequestCustomizer());
      connector =
          new ServerConnector(
              srv, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(srv, new HttpConnectionFactory(http));
    }
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    srv.addConnector(connector);
    Handler handler = api;
    ServerConnector metricsConnector = null;
    if (config.metricsPort() >= 0) {
      // the scrape without authentication: loopback only, and nothing else is served there
      metricsConnector = new ServerConnector(srv, new HttpConnectionFactory(http));
      metricsConnector.setHost("127.0.0.1");
      metricsConnector.setPort(config.metricsPort());
      srv.addConnector(metricsConnector);
      handler = new MetricsRoutes.PortHandler(metricsConnector, metricsRoutes, handler);
    }
    srv.setHandler(new HttpMeters(m.registry(), handler));
    srv.setStopTimeout(5_000);
    srv.start();
    return new Started(
        srv,
        connector.getLocalPort(),
        metricsConnector == null ? -1 : metricsConnector.getLocalPort());
  }
}
