package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.Returns;
import org.ta4j.core.criteria.MaximumDrawdownCriterion;

/**
 * Sharpe and max drawdown of one daily equity series, ours against ta4j 0.17 (which has no Sharpe
 * criterion: its {@link Returns} of a position held over the series give the daily returns, the
 * Sharpe formula is then applied with sample σ).
 */
class Ta4jCrossCheckTest {

  @Test
  void maxDrawdownAndSharpeAgreeWithTa4j() {
    int n = 400;
    long[] times = new long[n];
    double[] equity = new double[n];
    Random r = new Random(11);
    double e = 10_000;
    BarSeries series = new BaseBarSeries("equity");
    for (int i = 0; i < n; i++) {
      e *= 1 + 0.0005 + 0.02 * r.nextGaussian();
      times[i] = i * Metrics.DAY_MILLIS;
      equity[i] = e;
      ZonedDateTime end =
          Instant.ofEpochMilli(times[i] + Metrics.DAY_MILLIS).atZone(ZoneOffset.UTC);
      series.addBar(end, e, e, e, e, 0);
    }
    TradingRecord held = new BaseTradingRecord();
    held.enter(0, series.numOf(equity[0]), series.numOf(1));
    held.exit(n - 1, series.numOf(equity[n - 1]), series.numOf(1));

    double ta4jMdd = new MaximumDrawdownCriterion().calculate(series, held).doubleValue();
    assertThat(Metrics.maxDrawdown(equity, n)).isCloseTo(ta4jMdd, within(1e-9));

    Returns returns = new Returns(series, held, Returns.ReturnType.ARITHMETIC);
    double[] ta4jDaily = new double[n - 1];
    for (int i = 1; i < n; i++) {
      ta4jDaily[i - 1] = returns.getValue(i).doubleValue();
    }
    double ours = Metrics.compute(times, equity, n, new double[0], 0, 0, 0).sharpe();
    assertThat(ours).isCloseTo(Metrics.sharpe(ta4jDaily), within(1e-9));
    assertThat(Metrics.dailyReturns(times, equity, n)).hasSize(n - 1);
    assertThat(ours).isCloseTo(sampleSharpe(ta4jDaily), within(1e-9));
  }

  /** The textbook formula, written out independently of {@link Metrics}. */
  private static double sampleSharpe(double[] r) {
    double mean = java.util.Arrays.stream(r).average().orElseThrow();
    double var =
        java.util.Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / (r.length - 1);
    return mean / Math.sqrt(var) * Math.sqrt(365);
  }
}
