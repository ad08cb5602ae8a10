package dev.tradekit.strategy;

import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/** The test strategies written in ta4j, and ta4j's own backtest of them. */
final class Ta4jRules {
  private Ta4jRules() {}

  static Strategy smaCross(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator f = new SMAIndicator(close, fast);
    SMAIndicator s = new SMAIndicator(close, slow);
    return new BaseStrategy(new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s));
  }

  static Strategy rsi(BarSeries series, int period, int lower, int upper) {
    RSIIndicator rsi = new RSIIndicator(new ClosePriceIndicator(series), period);
    return new BaseStrategy(
        new CrossedDownIndicatorRule(rsi, lower), new CrossedUpIndicatorRule(rsi, upper));
  }

  /** Entry and exit bar indices of ta4j's BarSeriesManager run: {@code [entry, exit]} pairs. */
  static List<List<Integer>> managerTrades(BarSeries series, Strategy strategy) {
    TradingRecord record = new BarSeriesManager(series).run(strategy);
    List<List<Integer>> out = new ArrayList<>();
    for (Position p : record.getPositions()) {
      out.add(List.of(p.getEntry().getIndex(), p.getExit().getIndex()));
    }
    return out;
  }
}
