package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The engine in a Backtest on the real BTCUSDT recording (Binance USD-M, 2024-08-08, trades and
 * depth): the strategy sees the closed one-minute bars of the recorded trades, in order, and each
 * change of its wish becomes one market order filled against the recorded book.
 */
class RecordedDataBacktestTest {
  static final TickScale SCALE = TickScale.of(new BigDecimal("0.1"));

  static Path recording() {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(root != null, "tradekit.refdata is not set: no reference data");
    Path file = Path.of(root, "binance-usdm", "btcusdt_20240808.gz");
    Assumptions.assumeTrue(Files.exists(file), "reference data missing: " + file);
    return file;
  }

  static MarketDataSource source() {
    return MarketDataSources.binanceRecording(recording(), Map.of("BTCUSDT", SCALE));
  }

  /** The last trade price of each minute of the recording. */
  static TreeMap<Long, Double> minuteCloses() {
    TreeMap<Long, Double> closes = new TreeMap<>();
    try (MarketDataSource s = source()) {
      MarketEvent e = new MarketEvent();
      while (s.next(e)) {
        if (e.type() == MarketEvent.Type.TRADE) {
          closes.put(e.eventTime() / 60_000 * 60_000, SCALE.toDouble(e.tradePriceTicks()));
        }
      }
    }
    return closes;
  }

  @Test
  void closedBarsOfTheRecordingReachTheStrategyAndEachChangeOfMindIsOneOrder() {
    Instrument btc =
        Instrument.builder()
            .symbol("BTCUSDT")
            .baseAsset("BTC")
            .quoteAsset("USDT")
            .tickSize(new BigDecimal("0.1"))
            .stepSize(new BigDecimal("0.001"))
            .build();
    Recording r = new Recording(Strategies.smaCross(1, 2));
    List<Fill> fills =
        Backtest.builder()
            .data(RecordedDataBacktestTest::source)
            .instrument(btc)
            .bot(
                "a",
                AccountSetup.usdt(new BigDecimal("100000")),
                (ex, s) ->
                    BacktestParityTest.bot(
                        StrategyEngine.builder()
                            .name("rec")
                            .exchange(ex)
                            .scheduler(s)
                            .symbol("BTCUSDT")
                            .strategy(r)
                            .sizing(Sizing.quantity(new BigDecimal("0.002")))
                            .build(),
                        () -> {}))
            .build()
            .run()
            .account("a")
            .fills();

    TreeMap<Long, Double> closes = minuteCloses();
    // every minute with trades closes and reaches the strategy, in order (the data's last events,
    // depth updates at 00:00:01, close the 23:59 bar)
    assertThat(r.decisions.stream().map(Recording.Decision::openTime).toList())
        .hasSizeGreaterThanOrEqualTo(5)
        .containsExactlyElementsOf(closes.keySet());
    for (Recording.Decision d : r.decisions) {
      assertThat(d.close()).as("close of %d", d.openTime()).isEqualTo(closes.get(d.openTime()));
    }
    long changes = 0;
    int last = 0;
    for (Recording.Decision d : r.decisions) {
      if (d.target() != last) {
        changes++;
        last = d.target();
      }
    }
    assertThat(changes).as("the strategy changes its mind on this data").isPositive();
    assertThat((long) fills.stream().map(Fill::orderId).distinct().count()).isEqualTo(changes);
  }
}
