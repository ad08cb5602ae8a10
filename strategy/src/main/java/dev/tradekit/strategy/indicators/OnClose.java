package dev.tradekit.strategy.indicators;

/** An indicator of one series: on bars, the close. */
abstract class OnClose implements BarIndicator {

  /** Adds the next value and returns the indicator's (main) value. */
  public abstract double update(double x);

  @Override
  public final void onBar(double open, double high, double low, double close, double volume) {
    update(close);
  }
}
