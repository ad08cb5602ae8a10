package dev.tradekit.strategy.indicators;

/**
 * An indicator of one series, fed the close on bars: the engine hands such an indicator only the
 * close, so a bar whose other prices nobody reads never converts them. Extend it for an indicator
 * of your own that reads only the close.
 *
 * <pre>{@code
 * final class LastClose extends OnClose {
 *   double last = Double.NaN;
 *   public double update(double x) { return last = x; }
 *   public double value() { return last; }
 *   public boolean isReady() { return !Double.isNaN(last); }
 * }
 * }</pre>
 */
public abstract class OnClose implements BarIndicator {

  /** For subclasses. */
  protected OnClose() {}

  /** Adds the next value and returns the indicator's (main) value. */
  public abstract double update(double x);

  /** Takes the bar's close ({@link #update}); the other values are ignored. */
  @Override
  public final void onBar(double open, double high, double low, double close, double volume) {
    update(close);
  }
}
