package dev.tradekit.strategy.indicators;

/**
 * Simple moving average of the last {@code period} values, from a ring buffer and a running sum.
 *
 * <pre>{@code
 * Sma sma = new Sma(50);
 * sma.update(close);
 * }</pre>
 *
 * <p>As ta4j's {@code SMAIndicator}: while fewer than {@code period} values exist, the average of
 * those there are. On bars it averages the close.
 */
public final class Sma extends OnClose {
  private final int period;
  private final double[] window;

  /** The slot the next value goes to: wraps to 0 at the period (no division per value). */
  private int next;

  /** The values in the window, up to the period. */
  private int size;

  private double sum;
  private double value = Double.NaN;

  /**
   * An average over {@code period} values.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Sma(int period) {
    this.period = Periods.check(period, "period");
    this.window = new double[period];
  }

  @Override
  public double update(double x) {
    int slot = next;
    if (size == period) {
      sum -= window[slot];
    } else {
      size++;
    }
    window[slot] = x;
    sum += x;
    next = slot + 1 == period ? 0 : slot + 1;
    value = sum / size;
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public boolean isReady() {
    return size == period;
  }

  /** The period. */
  public int period() {
    return period;
  }

  @Override
  public String toString() {
    return "Sma(" + period + ")=" + value;
  }
}
