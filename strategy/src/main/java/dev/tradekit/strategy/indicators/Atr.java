package dev.tradekit.strategy.indicators;

/**
 * Average true range: Wilder's average of {@code max(high − low, |high − previous close|, |previous
 * close − low|)}.
 *
 * <pre>{@code
 * Atr atr = new Atr(14);
 * double stop = close - 2 * atr.update(high, low, close);
 * }</pre>
 *
 * <p>As ta4j's {@code ATRIndicator}: the first bar's true range is {@code high − low}.
 */
public final class Atr implements BarIndicator {
  private final int period;
  private final Ema average;
  private double previousClose = Double.NaN;
  private long count;

  /**
   * An ATR over {@code period} bars.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Atr(int period) {
    this.period = Periods.check(period, "period");
    this.average = Ema.wilder(period);
  }

  /** Adds the next bar and returns the ATR. */
  public double update(double high, double low, double close) {
    double range = high - low;
    if (count > 0) {
      range =
          Math.max(range, Math.max(Math.abs(high - previousClose), Math.abs(previousClose - low)));
    }
    previousClose = close;
    count++;
    return average.update(range);
  }

  @Override
  public void onBar(double open, double high, double low, double close, double volume) {
    update(high, low, close);
  }

  @Override
  public double value() {
    return average.value();
  }

  @Override
  public boolean isReady() {
    return count >= period;
  }

  @Override
  public String toString() {
    return "Atr(" + period + ")=" + value();
  }
}
