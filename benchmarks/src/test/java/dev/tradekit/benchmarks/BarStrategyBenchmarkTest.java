package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.backtest.RoundTrip;
import dev.tradekit.strategy.Strategies;
import dev.tradekit.strategy.ta4j.Ta4jBarStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;

/**
 * The five sides of {@link BarStrategyBenchmark} make the same trades on the same bars: entry and
 * exit on the same bar indices.
 */
class BarStrategyBenchmarkTest {

  static List<List<Integer>> backtestTrades(List<RoundTrip> trips) {
    List<List<Integer>> out = new ArrayList<>();
    for (RoundTrip t : trips) {
      out.add(
          List.of(
              (int) ((t.openTime() - SmaBars.T0) / TickBars.MINUTE),
              (int) ((t.closeTime() - SmaBars.T0) / TickBars.MINUTE)));
    }
    return out;
  }

  static List<List<Integer>> ta4jTrades(TradingRecord record) {
    List<List<Integer>> out = new ArrayList<>();
    for (Position p : record.getPositions()) {
      out.add(List.of(p.getEntry().getIndex(), p.getExit().getIndex()));
    }
    return out;
  }

  @Test
  void backtestBridgeAndBarSeriesManagerMakeTheSameTrades() {
    TickBars bars = new TickBars(SmaBars.generate(100_000));
    BarSeries series = bars.toSeries();
    List<List<Integer>> ta4j =
        ta4jTrades(new BarSeriesManager(series).run(BarStrategyBenchmark.ta4jCross(series)));
    List<List<Integer>> ours =
        backtestTrades(
            BarStrategyBenchmark.backtest(bars, () -> Strategies.smaCross(50, 200))
                .account("bars")
                .roundTrips());
    List<List<Integer>> fourPoint =
        backtestTrades(
            BarStrategyBenchmark.backtest(bars, () -> Strategies.smaCross(50, 200), false)
                .account("bars")
                .roundTrips());
    List<List<Integer>> spi =
        backtestTrades(BarStrategyBenchmark.spiBot(bars).account("bars").roundTrips());
    List<List<Integer>> bridged =
        backtestTrades(
            BarStrategyBenchmark.backtest(
                    bars, () -> Ta4jBarStrategy.longOnly(BarStrategyBenchmark::ta4jCross, 400))
                .account("bars")
                .roundTrips());

    assertThat(ta4j).hasSizeGreaterThan(100);
    assertThat(ours).isEqualTo(ta4j);
    assertThat(bridged).isEqualTo(ta4j);
    assertThat(fourPoint).isEqualTo(ta4j);
    assertThat(spi).isEqualTo(ta4j);
  }
}
