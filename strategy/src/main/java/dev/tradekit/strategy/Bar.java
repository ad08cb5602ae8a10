package dev.tradekit.strategy;

/**
 * One bar as primitives: open time, close time, open, high, low, close and base volume.
 *
 * <pre>{@code
 * double range = bar.high() - bar.low();
 * }</pre>
 *
 * <p>The engine reuses one instance for every bar (nothing is allocated per bar): read the values
 * in the callback and keep the numbers, not the object.
 */
public final class Bar {
  private long openTime;
  private long closeTime;
  private double open;
  private double high;
  private double low;
  private double close;
  private double volume;

  Bar() {}

  /** A bar with these values (for tests and replays of your own). */
  public static Bar of(
      long openTime,
      long closeTime,
      double open,
      double high,
      double low,
      double close,
      double volume) {
    Bar b = new Bar();
    b.set(openTime, closeTime, open, high, low, close, volume);
    return b;
  }

  void set(
      long openTime,
      long closeTime,
      double open,
      double high,
      double low,
      double close,
      double volume) {
    this.openTime = openTime;
    this.closeTime = closeTime;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
  }

  /** Epoch millis of the bar's first moment. */
  public long openTime() {
    return openTime;
  }

  /** Epoch millis of the bar's last moment (the next open − 1). */
  public long closeTime() {
    return closeTime;
  }

  /** The first price. */
  public double open() {
    return open;
  }

  /** The highest price. */
  public double high() {
    return high;
  }

  /** The lowest price. */
  public double low() {
    return low;
  }

  /** The last price. */
  public double close() {
    return close;
  }

  /** Base volume traded. */
  public double volume() {
    return volume;
  }

  @Override
  public String toString() {
    return "Bar[" + openTime + " o=" + open + " h=" + high + " l=" + low + " c=" + close + "]";
  }
}
