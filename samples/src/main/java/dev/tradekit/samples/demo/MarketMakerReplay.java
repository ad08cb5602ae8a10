package dev.tradekit.samples.demo;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.MarketMakerStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Backtests the demo's market maker over the demo's data on a virtual clock. */
final class MarketMakerReplay {
  private MarketMakerReplay() {}

  static ReplayResult run(@Nullable Path data, long liveStart, Duration length, long seed) {
    long start = data == null ? liveStart : firstEventTime(data, liveStart, length, seed);
    VirtualScheduler clock = new VirtualScheduler(start);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(DemoMarket.instrument())
            .fees(new BigDecimal("0.0002"), new BigDecimal("0.0005"))
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .marketDataLatency(LatencyModel.zero())
            .seed(seed)
            .build();
    Exchange account = venue.openAccount("mm", AccountSetup.usdt(new BigDecimal("10000")));
    try (MarketDataSource source = DemoMarket.source(data, start, length, seed)) {
      MarketReplay replay = new MarketReplay(source, venue);
      MarketMaker mm = DemoMarket.marketMaker(account, clock);
      replay.runUntil(clock.currentTimeMillis() + 1000);
      var started = mm.start();
      while (!started.isDone() && !replay.isFinished()) {
        replay.runUntil(clock.currentTimeMillis() + 100);
      }
      started.join();
      replay.runToEnd();
      var stopped = mm.stop();
      for (int i = 0; i < 1000 && !stopped.isDone(); i++) {
        clock.advanceBy(Duration.ofMillis(10));
      }
      MarketMakerStatus s = mm.status();
      return new ReplayResult(
          replay.eventsProcessed(),
          s.ordersPlaced(),
          s.fills(),
          s.totalPnl().setScale(2, RoundingMode.HALF_EVEN),
          s.position().stripTrailingZeros());
    }
  }

  private static long firstEventTime(Path data, long liveStart, Duration length, long seed) {
    try (MarketDataSource source = DemoMarket.source(data, liveStart, length, seed)) {
      MarketEvent first = new MarketEvent();
      return source.next(first) ? first.eventTime() : liveStart;
    }
  }
}
