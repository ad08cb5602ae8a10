package dev.tradekit.strategy.indicators;

/**
 * Bollinger bands: the simple average of the last {@code period} values and bands {@code k}
 * standard deviations (population, over the same values) above and below it.
 *
 * <pre>{@code
 * Bollinger bb = new Bollinger(20, 2.0);
 * bb.update(close);
 * boolean stretched = close > bb.upper();
 * }</pre>
 *
 * <p>As ta4j's {@code BollingerBandsMiddle/Upper/LowerIndicator} over an {@code SMAIndicator} and a
 * {@code StandardDeviationIndicator}: while fewer than {@code period} values exist, over those
 * there are. The deviation is recomputed from the window each update (no drift from running sums),
 * without allocating. On bars it follows the close.
 */
public final class Bollinger extends OnClose {
  private final int period;
  private final double k;
  private final double[] window;

  /** The slot the next value goes to: wraps to 0 at the period (no division per value). */
  private int next;

  /** The values in the window, up to the period. */
  private int size;

  private double middle = Double.NaN;
  private double deviation = Double.NaN;

  /**
   * Bands over {@code period} values, {@code k} deviations wide.
   *
   * @throws IllegalArgumentException if {@code period < 1} or {@code k} is negative or not finite
   */
  public Bollinger(int period, double k) {
    this.period = Periods.check(period, "period");
    if (!(k >= 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("k must be finite and >= 0, was " + k);
    }
    this.k = k;
    this.window = new double[period];
  }

  @Override
  public double update(double x) {
    window[next] = x;
    next = next + 1 == period ? 0 : next + 1;
    if (size < period) {
      size++;
    }
    int n = size;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += window[i];
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double d = window[i] - mean;
      squares += d * d;
    }
    middle = mean;
    deviation = Math.sqrt(squares / n);
    return middle;
  }

  /** The middle band (the simple average). */
  @Override
  public double value() {
    return middle;
  }

  /** The middle band (the simple average). */
  public double middle() {
    return middle;
  }

  /** {@code middle + k·σ}. */
  public double upper() {
    return middle + k * deviation;
  }

  /** {@code middle − k·σ}. */
  public double lower() {
    return middle - k * deviation;
  }

  /** The standard deviation σ of the window. */
  public double deviation() {
    return deviation;
  }

  @Override
  public boolean isReady() {
    return size == period;
  }

  @Override
  public String toString() {
    return "Bollinger(" + period + ", " + k + ")=" + middle + "±" + k * deviation;
  }
}
