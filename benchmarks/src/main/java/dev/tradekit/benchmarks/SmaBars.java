package dev.tradekit.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * One-minute bars of a random walk of closes from {@code new Random(42)}: each close is the
 * previous one times {@code 1 + 0.0005·N(0, 1)}, each open the previous close, high and low the
 * larger and smaller of the two.
 */
final class SmaBars {
  static final long SEED = 42;
  static final double START = 30_000;
  static final long T0 = 1_704_067_200_000L;

  final double[] open;
  final double[] close;

  private SmaBars(double[] open, double[] close) {
    this.open = open;
    this.close = close;
  }

  static SmaBars generate(int n) {
    Random random = new Random(SEED);
    double[] open = new double[n];
    double[] close = new double[n];
    double last = START;
    for (int i = 0; i < n; i++) {
      open[i] = last;
      last = last * (1 + 0.0005 * random.nextGaussian());
      close[i] = last;
    }
    return new SmaBars(open, close);
  }

  int size() {
    return close.length;
  }

  /** The same bars as a ta4j series of {@link DoubleNum} (its fastest number type). */
  BarSeries toSeries() {
    BarSeries series =
        new BaseBarSeriesBuilder()
            .withName("random-walk")
            .withNumTypeOf(DoubleNum::valueOf)
            .build();
    Duration minute = Duration.ofMinutes(1);
    for (int i = 0; i < close.length; i++) {
      ZonedDateTime end = Instant.ofEpochMilli(T0 + (i + 1) * 60_000L).atZone(ZoneOffset.UTC);
      Num o = series.numOf(open[i]);
      Num c = series.numOf(close[i]);
      series.addBar(
          minute,
          end,
          o,
          series.numOf(Math.max(open[i], close[i])),
          series.numOf(Math.min(open[i], close[i])),
          c,
          series.numOf(1));
    }
    return series;
  }
}
