package dev.tradekit.strategy.indicators;

/**
 * Exponential moving average with weight {@code 2 / (period + 1)}.
 *
 * <pre>{@code
 * Ema ema = new Ema(20);
 * ema.update(close);
 * }</pre>
 *
 * <p>As ta4j's {@code EMAIndicator}: the first value is the first input, each next one {@code prev
 * + k·(x − prev)}. On bars it follows the close. {@link #wilder(int)} gives Wilder's smoothing
 * ({@code k = 1 / period}, ta4j's {@code MMAIndicator}).
 */
public final class Ema extends OnClose {
  private final int period;
  private final double k;
  private long count;
  private double value = Double.NaN;

  /**
   * An EMA of {@code period} values.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Ema(int period) {
    this(Periods.check(period, "period"), 2.0 / (period + 1));
  }

  private Ema(int period, double k) {
    this.period = period;
    this.k = k;
  }

  /**
   * Wilder's moving average (weight {@code 1 / period}), as used by RSI and ATR.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public static Ema wilder(int period) {
    return new Ema(Periods.check(period, "period"), 1.0 / period);
  }

  @Override
  public double update(double x) {
    value = count == 0 ? x : value + k * (x - value);
    count++;
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public boolean isReady() {
    return count >= period;
  }

  @Override
  public String toString() {
    return "Ema(" + period + ")=" + value;
  }
}
