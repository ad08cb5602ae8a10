package dev.tradekit.benchmarks;

/**
 * The SMA(fast)/SMA(slow) crossover as one allocation-free loop over primitive arrays, with the
 * semantics of ta4j 0.17's {@code SMAIndicator}, {@code CrossedUp/DownIndicatorRule} and {@code
 * BarSeriesManager}: averages over the bars so far while fewer than the period exist; a cross is a
 * sign change of fast − slow against the last bar where they differed; a signal on bar {@code i}
 * trades at the open of bar {@code i + 1} (none after the last bar); long on a golden cross when
 * flat, flat on a death cross when long. Net return compounds each round trip's {@code exit·(1 −
 * fee) / (entry·(1 + fee))}.
 */
final class PrimitiveSmaCross {
  private final int fast;
  private final int slow;
  private final double fee;

  /** Completed round trips of the last run. */
  long trades;

  /** Net compounded return of the completed round trips of the last run. */
  double netReturn;

  PrimitiveSmaCross(int fast, int slow, double fee) {
    this.fast = fast;
    this.slow = slow;
    this.fee = fee;
  }

  /** Runs over the bars and returns the number of completed round trips. */
  long run(double[] open, double[] close) {
    int n = close.length;
    double sumFast = 0;
    double sumSlow = 0;
    int lastSign = 0;
    boolean inPosition = false;
    double entry = 0;
    double growth = 1;
    long count = 0;
    for (int i = 0; i < n; i++) {
      double c = close[i];
      sumFast += c;
      if (i >= fast) {
        sumFast -= close[i - fast];
      }
      sumSlow += c;
      if (i >= slow) {
        sumSlow -= close[i - slow];
      }
      double maFast = sumFast / Math.min(fast, i + 1);
      double maSlow = sumSlow / Math.min(slow, i + 1);
      int sign = maFast > maSlow ? 1 : maFast < maSlow ? -1 : 0;
      if (i + 1 < n) {
        if (!inPosition && sign > 0 && lastSign < 0) {
          inPosition = true;
          entry = open[i + 1];
        } else if (inPosition && sign < 0 && lastSign > 0) {
          inPosition = false;
          growth *= open[i + 1] * (1 - fee) / (entry * (1 + fee));
          count++;
        }
      }
      if (sign != 0) {
        lastSign = sign;
      }
    }
    trades = count;
    netReturn = growth - 1;
    return count;
  }
}
