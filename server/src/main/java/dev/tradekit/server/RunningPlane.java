package dev.tradekit.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started {@link ControlPlane}: {@link #start} opens the store and the vault, wires the
 * notifications, event hub, meters, bots, API routes and backtest jobs together and starts the HTTP
 * listener; {@link #close} takes them down again in the order that lets each part finish with the
 * ones it uses.
 *
 * <pre>{@code
 * RunningPlane running = RunningPlane.start(options);
 * running.close();
 * }</pre>
 */
final class RunningPlane {
  private static final Logger LOG = LoggerFactory.getLogger(RunningPlane.class);

  private final Store store;
  private final Vault vault;
  private final Notifications notifications;
  private final Metrics metrics;
  private final BacktestJobs backtests;
  private final Bots bots;
  private final Api api;
  private final Server server;
  private final EquitySampler equity;
  private final int port;
  private final int metricsPort;

  private RunningPlane(Parts p, HttpListener.Started listening, EquitySampler equity) {
    this.store = p.store;
    this.vault = Objects.requireNonNull(p.vault);
    this.notifications = Objects.requireNonNull(p.notifications);
    this.metrics = Objects.requireNonNull(p.metrics);
    this.backtests = Objects.requireNonNull(p.backtests);
    this.bots = Objects.requireNonNull(p.bots);
    this.api = Objects.requireNonNull(p.api);
    this.server = listening.server();
    this.port = listening.port();
    this.metricsPort = listening.metricsPort();
    this.equity = equity;
  }

  /** What {@link #start} has made so far, so that a failure closes exactly that. */
  private static final class Parts {
    final Store store;
    @Nullable Vault vault;
    @Nullable Notifications notifications;
    @Nullable Metrics metrics;
    @Nullable BacktestJobs backtests;
    @Nullable Bots bots;
    @Nullable Api api;

    Parts(Store store) {
      this.store = store;
    }

    void closeOnFailure() {
      if (notifications != null) {
        notifications.close();
      }
      if (backtests != null) {
        backtests.close();
      }
      if (metrics != null) {
        metrics.close();
      }
      store.close();
    }
  }

  /**
   * Opens the store (running migrations) and the vault, and starts listening; on failure closes
   * what it had opened.
   *
   * @throws IllegalStateException if the master key is not the vault's, or the store or the port
   *     cannot be opened
   */
  static RunningPlane start(PlaneOptions o) {
    Parts p = new Parts(o.store().open());
    try {
      RunningPlane running = assemble(o, p);
      LOG.info("control plane listening on {}", o.url(running.port));
      if (o.resumeBots()) {
        running.bots.resume();
      }
      if (running.api.setupToken() != null) {
        LOG.info("control plane: no user yet; create the admin with the one-time setup link");
      }
      return running;
    } catch (RuntimeException e) {
      p.closeOnFailure();
      throw e;
    } catch (Exception e) {
      p.closeOnFailure();
      throw new IllegalStateException("cannot start the control plane: " + e.getMessage(), e);
    }
  }

  private static RunningPlane assemble(PlaneOptions o, Parts p) throws Exception {
    Store s = p.store;
    SecureRandom random = new SecureRandom();
    Vault v = Vault.open(s, o.masterKey(), random);
    p.vault = v;
    byte[] tokenKey = o.tokenKey();
    if (tokenKey == null) {
      tokenKey = new byte[32];
      random.nextBytes(tokenKey);
    }
    String setup = s.countUsers() == 0 ? Ids.token(24) : null;
    Path journals = o.journals();
    if (journals == null) {
      journals = o.store().folder();
    }
    Notifications n =
        new Notifications(s, v, o.store().dataSource(), o.telegramApi(), o.notifyRetryDelay());
    p.notifications = n;
    writeNotifySettings(o, n.settings());
    EventHub hub = new EventHub(s, o.eventRetention(), o.subscriberQueue(), n::enqueue);
    MeterRegistry registry = o.meterRegistry();
    Metrics m =
        new Metrics(
            registry != null ? registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            registry == null);
    p.metrics = m;
    Bots b = new Bots(s, v, hub, o.clock(), o.exchanges(), journals, m);
    p.bots = b;
    Api a =
        new Api(
            s,
            v,
            new Tokens(tokenKey, o.clock(), o.accessTokenLife()),
            new Throttle(
                o.loginFailuresPerUser(), o.loginFailuresPerAddress(), o.loginWindow().toMillis()),
            hub,
            o.clock(),
            o.refreshTokenLife(),
            o.keyStore() != null,
            setup,
            b);
    p.api = a;
    a.addRoutes(new NotifyRoutes(a, s, v, n).routes());
    a.addRoutes(new NotifyAdminRoutes(a, n.settings()).routes());
    a.addRoutes(new ChartRoutes(a, b, s).routes());
    BacktestJobs jobs =
        new BacktestJobs(
            s,
            hub,
            o.clock(),
            o.backtestThreads(),
            o.backtestQueue(),
            o.backtestProgressEvery().toMillis(),
            o.backtestRetention());
    p.backtests = jobs;
    a.addRoutes(new JobRoutes(a, s, jobs, o.backtestData()).routes());
    m.bindBacktests(jobs);
    MetricsRoutes metricsRoutes = new MetricsRoutes(m);
    a.addRoutes(metricsRoutes.routes());
    HttpListener.Started listening =
        HttpListener.start(
            o,
            // the dashboard is served at / and hands every /api request on to the API handler
            new DashboardHandler(new ApiHandler(a, o.maxRequestBytes(), o.corsOrigins())),
            m,
            metricsRoutes);
    EquitySampler equity = new EquitySampler(s, b, o.clock(), o.equityEvery(), o.equityRetention());
    return new RunningPlane(p, listening, equity);
  }

  private static void writeNotifySettings(PlaneOptions o, NotifySettings settings) {
    String telegramToken = o.telegramToken();
    if (telegramToken != null) {
      settings.put(NotifySettings.TELEGRAM, Map.of("token", telegramToken));
    }
    Map<String, String> smtp = o.smtp();
    if (smtp != null) {
      settings.put(NotifySettings.SMTP, smtp);
    }
  }

  Store store() {
    return store;
  }

  Vault vault() {
    return vault;
  }

  Api api() {
    return api;
  }

  int port() {
    return port;
  }

  int metricsPort() {
    return metricsPort;
  }

  /**
   * Stops the equity sampler, every running bot (with its engine's own stop), the backtest jobs and
   * the notifications, ends the event streams, then stops the HTTP server and closes the meters and
   * the store.
   */
  void close() {
    equity.close();
    bots.close();
    backtests.close();
    notifications.close();
    api.hub().close();
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("control plane: the HTTP server did not stop cleanly: {}", e.toString());
    }
    metrics.close();
    store.close();
  }
}
