package dev.tradekit.strategy.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The window indicators (SMA, Bollinger) give, bit for bit, what the straightforward definition
 * gives on long random series: the slot that wraps at the period is the value's index modulo the
 * period, and the sum and divisions are the same operations in the same order.
 */
class WindowIndicatorsTest {
  private static final int[] PERIODS = {1, 2, 3, 7, 50, 200};

  /** A random walk with jumps, zeros and repeated values, long enough to wrap many times. */
  private static double[] series(long seed, int n) {
    Random random = new Random(seed);
    double[] x = new double[n];
    double last = 30_000;
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(20);
      if (kind == 0) {
        last = 0;
      } else if (kind == 1) {
        last = random.nextDouble() * 1e9;
      } else if (kind > 3) {
        last = last * (1 + 0.001 * random.nextGaussian()) + 1e-3;
      }
      x[i] = last;
    }
    return x;
  }

  @Test
  void smaEqualsTheRunningSumOverTheLastPeriodValuesBitForBit() {
    for (int period : PERIODS) {
      double[] x = series(period, 5_000);
      Sma sma = new Sma(period);
      double[] window = new double[period];
      double sum = 0;
      for (int i = 0; i < x.length; i++) {
        int slot = i % period;
        if (i >= period) {
          sum -= window[slot];
        }
        window[slot] = x[i];
        sum += x[i];
        double expected = sum / Math.min(i + 1, period);

        double actual = sma.update(x[i]);

        assertThat(Double.doubleToRawLongBits(actual))
            .as("SMA(%d) at %d", period, i)
            .isEqualTo(Double.doubleToRawLongBits(expected));
        assertThat(sma.value()).isEqualTo(actual);
        assertThat(sma.isReady()).isEqualTo(i + 1 >= period);
      }
    }
  }

  @Test
  void bollingerEqualsMeanAndPopulationDeviationOfTheWindowBitForBit() {
    for (int period : PERIODS) {
      double[] x = series(100 + period, 3_000);
      Bollinger bands = new Bollinger(period, 2.0);
      double[] window = new double[period];
      for (int i = 0; i < x.length; i++) {
        window[i % period] = x[i];
        int n = Math.min(i + 1, period);
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += window[k];
        }
        double mean = sum / n;
        double squares = 0;
        for (int k = 0; k < n; k++) {
          double d = window[k] - mean;
          squares += d * d;
        }
        double deviation = Math.sqrt(squares / n);

        bands.update(x[i]);

        assertThat(Double.doubleToRawLongBits(bands.middle()))
            .as("Bollinger(%d) middle at %d", period, i)
            .isEqualTo(Double.doubleToRawLongBits(mean));
        assertThat(Double.doubleToRawLongBits(bands.deviation()))
            .as("Bollinger(%d) deviation at %d", period, i)
            .isEqualTo(Double.doubleToRawLongBits(deviation));
        assertThat(bands.isReady()).isEqualTo(i + 1 >= period);
      }
    }
  }
}
