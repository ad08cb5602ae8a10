package dev.tradekit.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The control plane's meters: JVM (memory, GC, threads, class loader, processor, uptime), the
 * request thread pool, backtest jobs, and per bot ({@link BotMeters}); HTTP requests are timed by
 * {@link HttpMeters}. {@link #scrape()} writes the Prometheus text format when the registry is (or
 * holds) a {@link PrometheusMeterRegistry}.
 */
final class Metrics implements AutoCloseable {
  /** The tag that names a bot on its meters; {@link #removeBot} removes every meter with it. */
  static final String BOT_TAG = "bot";

  private final MeterRegistry registry;
  private final boolean owned;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * @param owned whether the control plane made the registry (closed with it) or a host passed it
   */
  Metrics(MeterRegistry registry, boolean owned) {
    this.registry = registry;
    this.owned = owned;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  MeterRegistry registry() {
    return registry;
  }

  /** Binds the request thread pool's size, busy and queued threads. */
  void bindThreadPool(ThreadPool threads) {
    new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(registry);
  }

  /** Binds the backtest pool: jobs queued and running now, and jobs finished by end state. */
  void bindBacktests(BacktestJobs jobs) {
    for (String state : List.of("queued", "running")) {
      Gauge.builder("tradekit.backtest.jobs", jobs, j -> j.live(state))
          .description("Backtest jobs queued or running now")
          .tag("state", state)
          .register(registry);
    }
    for (String state : BacktestJobs.ENDS) {
      FunctionCounter.builder("tradekit.backtest.jobs.finished", jobs, j -> j.finished(state))
          .description("Backtest jobs that ended, by how they ended")
          .tag("state", state)
          .register(registry);
    }
  }

  /** The meters of one bot, tagged with its id, kind and venue (never its owner or keys). */
  BotMeters bot(String botId, String kind, String venue) {
    return new BotMeters(
        registry, Tags.of(BOT_TAG, botId, "kind", kind, "venue", venue), kind.equals("copier"));
  }

  /** Removes every meter of a bot (it was deleted). */
  void removeBot(String botId) {
    for (Meter m : List.copyOf(registry.getMeters())) {
      if (botId.equals(m.getId().getTag(BOT_TAG))) {
        registry.remove(m);
      }
    }
  }

  /** The registry's meters in the Prometheus text format, or null when it has no such registry. */
  @Nullable String scrape() {
    PrometheusMeterRegistry p = prometheus(registry);
    return p == null ? null : p.scrape();
  }

  private static @Nullable PrometheusMeterRegistry prometheus(MeterRegistry r) {
    if (r instanceof PrometheusMeterRegistry p) {
      return p;
    }
    if (r instanceof CompositeMeterRegistry c) {
      for (MeterRegistry child : c.getRegistries()) {
        PrometheusMeterRegistry p = prometheus(child);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  /**
   * Stops the GC listener; closes the registry when the control plane made it, else removes the
   * meters bound to this start's thread pool and backtest pool (a next start binds its own).
   */
  @Override
  public void close() {
    gc.close();
    if (owned) {
      registry.close();
      return;
    }
    for (Meter m : List.copyOf(registry.getMeters())) {
      String name = m.getId().getName();
      if (name.startsWith("tradekit.backtest.") || name.startsWith("jetty.threads.")) {
        registry.remove(m);
      }
    }
  }
}
