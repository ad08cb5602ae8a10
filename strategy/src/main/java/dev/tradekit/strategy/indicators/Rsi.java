package dev.tradekit.strategy.indicators;

/**
 * Relative strength index on Wilder's averages of gains and losses, between 0 and 100.
 *
 * <pre>{@code
 * Rsi rsi = new Rsi(14);
 * if (rsi.update(close) < 30) { ... }
 * }</pre>
 *
 * <p>As ta4j's {@code RSIIndicator}: the first value has gain and loss 0; with no average loss the
 * RSI is 100, or 0 when there is no average gain either. On bars it follows the close.
 */
public final class Rsi extends OnClose {
  private final int period;
  private final Ema gains;
  private final Ema losses;
  private double previous = Double.NaN;
  private long count;
  private double value = Double.NaN;

  /**
   * An RSI over {@code period} values.
   *
   * @throws IllegalArgumentException if {@code period < 1}
   */
  public Rsi(int period) {
    this.period = Periods.check(period, "period");
    this.gains = Ema.wilder(period);
    this.losses = Ema.wilder(period);
  }

  @Override
  public double update(double x) {
    double change = count == 0 ? 0 : x - previous;
    previous = x;
    count++;
    double gain = gains.update(Math.max(change, 0));
    double loss = losses.update(Math.max(-change, 0));
    if (loss == 0) {
      value = gain == 0 ? 0 : 100;
    } else {
      value = 100 - 100 / (1 + gain / loss);
    }
    return value;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public boolean isReady() {
    return count > period;
  }

  @Override
  public String toString() {
    return "Rsi(" + period + ")=" + value;
  }
}
