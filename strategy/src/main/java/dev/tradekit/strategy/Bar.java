package dev.tradekit.strategy;

import dev.tradekit.api.book.TickScale;
import org.jspecify.annotations.Nullable;

/**
 * One bar as primitives: open time, close time, open, high, low, close and base volume.
 *
 * <pre>{@code
 * double range = bar.high() - bar.low();
 * }</pre>
 *
 * <p>The engine reuses one instance for every bar (nothing is allocated per bar): read the values
 * in the callback and keep the numbers, not the object. A bar from a venue that keeps prices in
 * ticks (the simulator, {@code Backtest}) holds its open, high and low as ticks and converts one
 * when it is read (the same {@code double} each time), so prices nobody reads cost nothing.
 */
public final class Bar {
  private long openTime;
  private long closeTime;
  private double open;
  private double high;
  private double low;
  private double close;
  private double volume;

  /** The scale of {@link #openTicks}, {@link #highTicks} and {@link #lowTicks}; null: doubles. */
  private @Nullable TickScale scale;

  private long openTicks;
  private long highTicks;
  private long lowTicks;

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
    if (this.scale != null) {
      this.scale = null;
    }
  }

  /**
   * A bar whose open, high and low stay in ticks of {@code scale} until read; the close is
   * converted now (the engine reads it for every bar).
   */
  void setTicks(
      long openTime,
      long closeTime,
      long open,
      long high,
      long low,
      long close,
      TickScale scale,
      double volume) {
    this.openTime = openTime;
    this.closeTime = closeTime;
    this.openTicks = open;
    this.highTicks = high;
    this.lowTicks = low;
    this.close = scale.toDouble(close);
    this.volume = volume;
    if (this.scale != scale) {
      this.scale = scale; // written when it changes: no store (and GC barrier) per bar
    }
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
    TickScale s = scale;
    return s == null ? open : s.toDouble(openTicks);
  }

  /** The highest price. */
  public double high() {
    TickScale s = scale;
    return s == null ? high : s.toDouble(highTicks);
  }

  /** The lowest price. */
  public double low() {
    TickScale s = scale;
    return s == null ? low : s.toDouble(lowTicks);
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
    return "Bar[" + openTime + " o=" + open() + " h=" + high() + " l=" + low() + " c=" + close
        + "]";
  }
}
