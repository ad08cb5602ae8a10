package dev.tradekit.marketmaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.backtest.sim.QueueModel;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.execution.RiskLimits;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Backtests of the fixed-spread and Avellaneda–Stoikov strategies on the recorded BTCUSDT
 * 2024-08-08 stream (345 s) through the simulated venue with queue-position fills, 20 ms order
 * latency and 5 ms market-data latency. Prints fills, PnL, the inventory path and orders per
 * minute; asserts that the bot trades, stays within its inventory cap and its order rate.
 */
class MarketMakerBacktestTest {
  private static final BigDecimal CAP = new BigDecimal("0.010");
  private static final long START = 1_723_161_000_000L; // 2024-08-08 23:50 UTC, before the data

  /** What one run produced. */
  record Result(
      long fills,
      BigDecimal pnl,
      BigDecimal finalPosition,
      double maxAbsPosition,
      List<String> inventoryPath,
      double ordersPerMinute,
      long maxOrdersInAMinute,
      int openAfterStop) {}

  private static Path recording() {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(root != null, "tradekit.refdata is not set: no reference data");
    Path file = Path.of(root, "binance-usdm", "btcusdt_20240808.gz");
    Assumptions.assumeTrue(Files.exists(file), "reference data missing: " + file);
    return file;
  }

  static Result run(Strategy strategy, QuoteParameters params, long toleranceTicks, String label)
      throws Exception {
    Path file = recording();
    VirtualScheduler clock = new VirtualScheduler(START);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(SimMarket.instrument())
            .fees(new BigDecimal("0.0002"), new BigDecimal("0.0005"))
            .queueModel(QueueModel.CONSERVATIVE)
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(20)))
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .build();
    Exchange ex = venue.openAccount("mm", AccountSetup.usdt(new BigDecimal("10000")));
    double[] position = {0, 0};
    long[] fills = {0};
    long[] firstOrder = {0};
    MarketMaker mm =
        MarketMaker.builder()
            .name("bt")
            .exchange(ex)
            .symbol("BTCUSDT")
            .strategy(strategy)
            .parameters(params)
            .scheduler(clock)
            .riskLimits(
                RiskLimits.builder()
                    .maxPosition(CAP)
                    .maxLoss(new BigDecimal("200"))
                    .maxBookAge(Duration.ofSeconds(5))
                    .build())
            .sync(
                SyncSettings.builder()
                    .priceToleranceTicks(toleranceTicks)
                    .minRequoteInterval(Duration.ofMillis(250))
                    .refreshInterval(Duration.ofSeconds(10))
                    .build())
            .listener(
                e -> {
                  if (e instanceof TradingEvent.OrderPlaced && firstOrder[0] == 0) {
                    firstOrder[0] = e.time();
                  }
                  if (e instanceof TradingEvent.OrderFilled f) {
                    fills[0]++;
                    position[0] += f.fill().signedQuantity().doubleValue();
                    position[1] = Math.max(position[1], Math.abs(position[0]));
                  }
                })
            .build();
    List<String> path = new ArrayList<>();
    List<Long> actionsPerMinute = new ArrayList<>();
    long[] lastActions = {0};
    try (MarketDataSource data =
        MarketDataSources.binanceRecording(
            file, Map.of("BTCUSDT", TickScale.of(new BigDecimal("0.1"))))) {
      MarketReplay replay = new MarketReplay(data, venue);
      mm.start(); // before the first event: the bot waits for a book
      clock.scheduleAtFixedRate(
          () -> {
            MarketMakerStatus s = mm.status();
            if (s.mid() != null) {
              path.add(s.position().toPlainString() + "@" + s.mid());
            }
          },
          30,
          30,
          TimeUnit.SECONDS);
      clock.scheduleAtFixedRate(
          () -> {
            MarketMakerStatus s = mm.status();
            long actions = s.ordersPlaced() + s.ordersCancelled() + s.ordersAmended();
            actionsPerMinute.add(actions - lastActions[0]);
            lastActions[0] = actions;
          },
          60,
          60,
          TimeUnit.SECONDS);
      replay.runToEnd();
    }
    long end = clock.currentTimeMillis();
    MarketMakerStatus last = mm.status();
    var stop = mm.stop();
    clock.advanceBy(Duration.ofSeconds(5));
    assertThat(stop).isCompletedWithValue(null);
    var openAfter = ex.trading().openOrders("BTCUSDT");
    clock.advanceBy(Duration.ofSeconds(1));
    int open = openAfter.getNow(List.of()).size();
    assertThat(openAfter).isDone();
    double minutes = (end - firstOrder[0]) / 60_000.0;
    long actions = last.ordersPlaced() + last.ordersCancelled() + last.ordersAmended();
    Result r =
        new Result(
            fills[0],
            last.totalPnl(),
            last.position(),
            position[1],
            path,
            actions / minutes,
            actionsPerMinute.stream().mapToLong(Long::longValue).max().orElse(actions),
            open);
    System.out.printf(
        "%s: %.1f min, fills=%d, PnL=%s USDT (realised %s, fees %s, unrealised %s),"
            + " final position=%s, max |position|=%.3f, orders sent=%d (placed %d, cancelled %d,"
            + " amended %d), orders/min=%.1f, max in a minute=%d, inventory path (pos@mid every"
            + " 30 s)=%s, last error=%s%n",
        label,
        minutes,
        r.fills(),
        r.pnl().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString(),
        last.realisedPnl().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString(),
        last.fees().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString(),
        last.unrealisedPnl().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString(),
        r.finalPosition().toPlainString(),
        r.maxAbsPosition(),
        actions,
        last.ordersPlaced(),
        last.ordersCancelled(),
        last.ordersAmended(),
        r.ordersPerMinute(),
        r.maxOrdersInAMinute(),
        r.inventoryPath(),
        last.lastError());
    return r;
  }

  private static void assertSane(Result r) {
    assertThat(r.fills()).as("fills").isPositive();
    assertThat(r.maxAbsPosition())
        .as("max |position|")
        .isLessThanOrEqualTo(CAP.doubleValue() + 1e-9);
    assertThat(r.ordersPerMinute()).as("orders per minute").isLessThan(600);
    assertThat(r.maxOrdersInAMinute()).as("orders in the busiest minute").isLessThan(1_200);
    assertThat(r.openAfterStop()).as("open orders after stop").isZero();
  }

  @Test
  void fixedSpreadOnRecordedBtcusdt() throws Exception {
    Result r =
        run(
            Strategies.fixedSpread(),
            QuoteParameters.of(new BigDecimal("0.00005"), new BigDecimal("0.002")),
            5,
            "fixed spread 0.5 bp");
    assertSane(r);
  }

  @Test
  void avellanedaOnRecordedBtcusdt() throws Exception {
    Strategy as =
        Strategies.avellaneda()
            .gamma(0.01)
            .estimateVolatility(3.0, 0.01, 50)
            .estimateKappa(5.0, 0.01, 100)
            .infiniteHorizon(Duration.ofSeconds(60))
            .build();
    Result r =
        run(as, QuoteParameters.of(BigDecimal.ZERO, new BigDecimal("0.002")), 20, "Avellaneda");
    AvellanedaStrategy a = (AvellanedaStrategy) as;
    System.out.printf(
        "Avellaneda at the end: sigma=%.4f $/sqrt(s), kappa=%.3f /$, spread=%.3f $%n",
        a.sigma(61660), a.kappa(), a.lastSpread());
    assertSane(r);
  }
}
