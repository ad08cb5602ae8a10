package dev.tradekit.strategy.indicators;

/**
 * An indicator the engine updates with every closed bar, before the strategy sees the bar.
 *
 * <pre>{@code
 * BarIndicator sma = new Sma(50);
 * sma.onBar(open, high, low, close, volume);
 * double v = sma.value();
 * }</pre>
 *
 * <p>Implementations keep their state in primitives and preallocated arrays and must not allocate
 * per bar. Not thread-safe: the engine calls it on its scheduler's thread.
 */
public interface BarIndicator {

  /** Takes the next closed bar. */
  void onBar(double open, double high, double low, double close, double volume);

  /** The current value (the main line of a multi-line indicator); NaN before the first bar. */
  double value();

  /** True once the indicator has seen at least as many bars as its longest period. */
  boolean isReady();
}
