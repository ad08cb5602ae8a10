package dev.tradekit.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The meters of one bot, tagged {@code bot}, {@code kind} and {@code venue}: counters fed by the
 * engine's events as they reach the control plane ({@link #onEvent}), and gauges that read the
 * running engine's own statistics at scrape time ({@link #bindGauges}). Counters live as long as
 * the bot (a stop and start keeps counting); gauges live while its engine runs; {@link
 * Metrics#removeBot} removes both when the bot is deleted.
 */
final class BotMeters {
  /** A gauge a running engine offers: its meter name, description, base unit and value. */
  record GaugeSpec(String name, String description, @Nullable String unit, DoubleSupplier value) {}

  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter ordersPlaced;
  private final Counter fills;
  private final Counter rejects;
  private final Counter exchangeErrors;
  private final Counter engineErrors;
  private final @Nullable Counter copied;
  private final @Nullable Counter skipped;
  private final @Nullable Counter failed;
  private final @Nullable Timer copyLatency;
  private final List<Gauge> gauges = new ArrayList<>();

  BotMeters(MeterRegistry registry, Tags tags, boolean copier) {
    this.registry = registry;
    this.tags = tags;
    this.ordersPlaced = counter("tradekit.bot.orders.placed", "Orders the bot's engine placed");
    this.fills = counter("tradekit.bot.fills", "Fills of the bot's orders");
    this.rejects =
        counter("tradekit.bot.rejects", "Orders the venue rejected (a copier: copies that failed)");
    this.exchangeErrors =
        Counter.builder("tradekit.bot.errors")
            .description("Errors of the bot's engine, by where they came from")
            .tags(tags)
            .tag("source", "exchange")
            .register(registry);
    this.engineErrors =
        Counter.builder("tradekit.bot.errors")
            .description("Errors of the bot's engine, by where they came from")
            .tags(tags)
            .tag("source", "engine")
            .register(registry);
    if (copier) {
      this.copied = copies("copied");
      this.skipped = copies("skipped");
      this.failed = copies("failed");
      this.copyLatency =
          Timer.builder("tradekit.bot.copy.latency")
              .description("Leader fill to the follower's acknowledgement of its copy")
              .tags(tags)
              .publishPercentiles(0.5, 0.9, 0.99)
              .distributionStatisticExpiry(Duration.ofMinutes(5))
              .register(registry);
    } else {
      this.copied = null;
      this.skipped = null;
      this.failed = null;
      this.copyLatency = null;
    }
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  private Counter copies(String outcome) {
    return Counter.builder("tradekit.bot.copies")
        .description("Leader fills the copier handled, by outcome")
        .tags(tags)
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Counts one engine event (its type and data as published on the event stream). */
  void onEvent(String type, Map<String, Object> data) {
    switch (type) {
      case "bot.order.placed" -> ordersPlaced.increment();
      case "bot.order.filled" -> fills.increment();
      case "bot.order.updated" -> {
        if (data.get("order") instanceof Map<?, ?> o && "REJECTED".equals(o.get("status"))) {
          rejects.increment();
        }
      }
      case "bot.exchange-error" -> exchangeErrors.increment();
      case "bot.engine.error" -> engineErrors.increment();
      case "bot.copy.copied" -> {
        increment(copied);
        Timer t = copyLatency;
        if (t != null && data.get("latencyMillis") instanceof Number n && n.longValue() >= 0) {
          t.record(n.longValue(), TimeUnit.MILLISECONDS);
        }
      }
      case "bot.copy.skipped" -> increment(skipped);
      case "bot.copy.failed" -> {
        increment(failed);
        rejects.increment();
      }
      default -> {
        // status changes, cancels, scanner updates: not counted
      }
    }
  }

  private static void increment(@Nullable Counter c) {
    if (c != null) {
      c.increment();
    }
  }

  /** Registers the running engine's gauges (replacing those of an earlier run). */
  synchronized void bindGauges(List<GaugeSpec> specs) {
    unbindGauges();
    for (GaugeSpec s : specs) {
      DoubleSupplier v = s.value();
      Gauge.Builder<DoubleSupplier> b =
          Gauge.builder(s.name(), v, DoubleSupplier::getAsDouble)
              .description(s.description())
              .tags(tags)
              .strongReference(true);
      if (s.unit() != null) {
        b.baseUnit(s.unit());
      }
      gauges.add(b.register(registry));
    }
  }

  /** Removes the engine's gauges (it stopped; they would read a closed engine). */
  synchronized void unbindGauges() {
    for (Gauge g : gauges) {
      registry.remove(g);
    }
    gauges.clear();
  }
}
