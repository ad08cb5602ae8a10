package dev.tradekit.strategy.indicators;

/**
 * Moving average convergence/divergence: {@code EMA(fast) − EMA(slow)}, its signal line {@code
 * EMA(signal)} of that difference, and the histogram between them.
 *
 * <pre>{@code
 * Macd macd = new Macd(12, 26, 9);
 * macd.update(close);
 * boolean bullish = macd.histogram() > 0;
 * }</pre>
 *
 * <p>As ta4j's {@code MACDIndicator} and an {@code EMAIndicator} of it. On bars it follows the
 * close.
 */
public final class Macd extends OnClose {
  private final int slowPeriod;
  private final int signalPeriod;
  private final Ema fast;
  private final Ema slow;
  private final Ema signal;
  private long count;
  private double macd = Double.NaN;

  /**
   * A MACD with these periods.
   *
   * @throws IllegalArgumentException if a period is below 1 or {@code fast >= slow}
   */
  public Macd(int fast, int slow, int signal) {
    Periods.check(fast, "fast");
    Periods.check(slow, "slow");
    this.signalPeriod = Periods.check(signal, "signal");
    if (fast >= slow) {
      throw new IllegalArgumentException(
          "fast period " + fast + " must be shorter than slow period " + slow);
    }
    this.slowPeriod = slow;
    this.fast = new Ema(fast);
    this.slow = new Ema(slow);
    this.signal = new Ema(signal);
  }

  @Override
  public double update(double x) {
    macd = fast.update(x) - slow.update(x);
    signal.update(macd);
    count++;
    return macd;
  }

  /** The MACD line. */
  @Override
  public double value() {
    return macd;
  }

  /** The signal line. */
  public double signal() {
    return signal.value();
  }

  /** MACD − signal. */
  public double histogram() {
    return macd - signal.value();
  }

  @Override
  public boolean isReady() {
    return count >= slowPeriod + signalPeriod - 1;
  }

  @Override
  public String toString() {
    return "Macd=" + macd + " signal=" + signal.value();
  }
}
