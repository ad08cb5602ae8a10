package dev.tradekit.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The equity history of the market-maker, grid and DCA bots: on the control plane's own timer (one
 * daemon thread, never an engine's), every {@code every} it stores each started bot's realised and
 * unrealised PnL, fees and position ({@link Store#appendEquity}), keeping the newest {@code
 * keepPerBot} samples of each bot. A failed sample is logged and the next one is taken on time.
 */
final class EquitySampler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EquitySampler.class);

  private final Store store;
  private final Bots bots;
  private final Clock clock;
  private final int keepPerBot;
  private final ScheduledExecutorService timer;

  EquitySampler(Store store, Bots bots, Clock clock, Duration every, int keepPerBot) {
    this.store = store;
    this.bots = bots;
    this.clock = clock;
    this.keepPerBot = keepPerBot;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tradekit-equity");
              t.setDaemon(true);
              return t;
            });
    long ms = every.toMillis();
    timer.scheduleWithFixedDelay(this::sampleAll, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Stores one sample of every started market-maker, grid or DCA bot; returns how many. */
  int sampleAll() {
    int n = 0;
    for (Map.Entry<String, BotRun> e : bots.started().entrySet()) {
      if (!(e.getValue() instanceof MarketMakerRun mm)) {
        continue;
      }
      try {
        store.appendEquity(mm.equitySample(e.getKey(), clock.millis()), keepPerBot);
        n++;
      } catch (RuntimeException x) {
        LOG.warn("control plane: no equity sample of bot {}: {}", e.getKey(), x.toString());
      }
    }
    return n;
  }

  /** Stops the timer and waits for a sample being taken (at most 10 s). */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("control plane: the equity sampler did not stop within 10 s");
      }
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
    }
  }
}
