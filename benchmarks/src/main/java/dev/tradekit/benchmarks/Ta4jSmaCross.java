package dev.tradekit.benchmarks;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The SMA(fast)/SMA(slow) crossover in ta4j 0.17: {@link SMAIndicator}s on the close, {@link
 * CrossedUpIndicatorRule} to enter and {@link CrossedDownIndicatorRule} to exit, run by {@link
 * BarSeriesManager} with a linear transaction cost (its default execution trades at the next bar's
 * open). Indicators are built per run, since ta4j caches their values.
 */
final class Ta4jSmaCross {
  private Ta4jSmaCross() {}

  static TradingRecord run(BarSeries series, int fast, int slow, double fee) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator smaFast = new SMAIndicator(close, fast);
    SMAIndicator smaSlow = new SMAIndicator(close, slow);
    Strategy strategy =
        new BaseStrategy(
            new CrossedUpIndicatorRule(smaFast, smaSlow),
            new CrossedDownIndicatorRule(smaFast, smaSlow));
    BarSeriesManager manager =
        new BarSeriesManager(series, new LinearTransactionCostModel(fee), new ZeroCostModel());
    return manager.run(strategy);
  }

  /** Net compounded return of the closed positions: Π exit net price / entry net price − 1. */
  static double netReturn(TradingRecord record) {
    double growth = 1;
    for (Position p : record.getPositions()) {
      if (p.isClosed()) {
        growth *=
            p.getExit().getNetPrice().doubleValue() / p.getEntry().getNetPrice().doubleValue();
      }
    }
    return growth - 1;
  }
}
