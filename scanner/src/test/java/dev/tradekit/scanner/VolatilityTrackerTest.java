package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolatilityTrackerTest {
  private static final long T0 = 1_700_000_040_000L - (1_700_000_040_000L % 60_000);

  @Test
  void sumsSquaredMinuteReturnsScaledToAnHour() {
    VolatilityTracker v = new VolatilityTracker();
    double[] mids = {100, 101, 100, 101};
    for (int i = 0; i < mids.length; i++) {
      v.onMid("X", T0 + i * 60_000L + 5_000, mids[i]);
    }
    double r1 = Math.log(101.0 / 100.0);
    double r2 = Math.log(100.0 / 101.0);
    double expected = 100 * Math.sqrt((2 * r1 * r1 + r2 * r2) * 60 / 3);
    assertThat(v.symbolVolatility("X", T0 + 3 * 60_000L)).isCloseTo(expected, within(1e-12));
    assertThat(v.marketVolatility(T0 + 3 * 60_000L)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void theLastMidOfAMinuteCountsAndOldMinutesFallOut() {
    VolatilityTracker v = new VolatilityTracker();
    v.onMid("X", T0, 100);
    v.onMid("X", T0 + 59_000, 200); // replaces 100 as the close of the first minute
    v.onMid("X", T0 + 60_000, 200);
    assertThat(v.symbolVolatility("X", T0 + 60_000)).isZero();
    v.onMid("X", T0 + 120_000, 220);
    assertThat(v.symbolVolatility("X", T0 + 120_000)).isPositive();
    assertThat(v.symbolVolatility("X", T0 + 120_000 + 3 * 3_600_000L)).isZero();
  }

  @Test
  void marketVolatilityIsTheMeanOverSymbolsWithReturns() {
    VolatilityTracker v = new VolatilityTracker();
    v.onMid("A", T0, 100);
    v.onMid("A", T0 + 60_000, 101);
    v.onMid("B", T0, 100);
    v.onMid("B", T0 + 60_000, 103);
    v.onMid("C", T0, 100); // one minute only: no volatility, not counted
    long now = T0 + 60_000;
    double a = v.symbolVolatility("A", now);
    double b = v.symbolVolatility("B", now);
    assertThat(v.marketVolatility(now)).isCloseTo((a + b) / 2, within(1e-12));
    assertThat(v.symbolVolatility("unknown", now)).isZero();
  }
}
