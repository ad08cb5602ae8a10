package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The round trips' equity lookup walks the curve once and answers as the binary search does. */
class EquityCursorTest {

  /** The search the cursor must agree with: the last sample at or before t, else the first. */
  static double equityAt(EquityCurve curve, long t) {
    int lo = 0;
    int hi = curve.size() - 1;
    if (hi < 0) {
      return 0;
    }
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (curve.time(mid) <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return curve.equity(lo);
  }

  private static EquityCurve curve(SplittableRandom r, int n) {
    EquityCurve c = new EquityCurve(Math.max(1, n));
    long t = 1_000;
    for (int i = 0; i < n; i++) {
      t += r.nextInt(3) * 500L; // equal times too: the last sample at a time wins
      c.add(t, 10_000 + i, 0);
    }
    return c;
  }

  @Test
  void timesAskedInOrderGetTheSampleTheSearchFinds() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 50; round++) {
      EquityCurve c = curve(r, r.nextInt(40));
      BacktestRun.EquityCursor cursor = new BacktestRun.EquityCursor(c);
      long t = 0;
      for (int k = 0; k < 80; k++) {
        t += r.nextInt(700);
        assertThat(cursor.applyAsDouble(t)).isEqualTo(equityAt(c, t));
      }
    }
  }

  @Test
  void aTimeBeforeTheLastOneAskedIsStillAnsweredAsTheSearchDoes() {
    SplittableRandom r = new SplittableRandom(11);
    EquityCurve c = curve(r, 30);
    BacktestRun.EquityCursor cursor = new BacktestRun.EquityCursor(c);
    for (int k = 0; k < 300; k++) {
      long t = r.nextLong(0, 30_000);
      assertThat(cursor.applyAsDouble(t)).isEqualTo(equityAt(c, t));
    }
  }

  @Test
  void anEmptyCurveAnswersZeroAndATimeBeforeTheFirstSampleGetsTheFirst() {
    assertThat(new BacktestRun.EquityCursor(new EquityCurve(1)).applyAsDouble(5)).isZero();
    EquityCurve c = EquityCurve.of(new long[] {100, 200}, new double[] {1, 2}, new double[2]);
    assertThat(new BacktestRun.EquityCursor(c).applyAsDouble(50)).isEqualTo(1);
  }
}
