package dev.tradekit.backtest;

import java.util.Arrays;

/**
 * A mark-to-market equity curve sampled at a fixed interval: time, equity and signed position
 * notional per sample, in growable primitive arrays (memory grows with the samples, never with
 * market events).
 *
 * <pre>{@code
 * EquityCurve curve = result.account("mm").equity();
 * for (int i = 0; i < curve.size(); i++) {
 *   System.out.println(curve.time(i) + " " + curve.equity(i));
 * }
 * }</pre>
 */
public final class EquityCurve {
  private long[] times;
  private double[] equity;
  private double[] notional;
  private int size;

  /** An empty curve with room for {@code capacity} samples before it grows. */
  public EquityCurve(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    times = new long[capacity];
    equity = new double[capacity];
    notional = new double[capacity];
  }

  /** A curve holding the given samples (copied); the arrays must have equal lengths. */
  public static EquityCurve of(long[] times, double[] equity, double[] notional) {
    if (times.length != equity.length || times.length != notional.length) {
      throw new IllegalArgumentException(
          "times, equity and notional must have equal lengths, were "
              + times.length
              + ", "
              + equity.length
              + ", "
              + notional.length);
    }
    EquityCurve c = new EquityCurve(Math.max(1, times.length));
    for (int i = 0; i < times.length; i++) {
      c.add(times[i], equity[i], notional[i]);
    }
    return c;
  }

  /**
   * Appends a sample; a sample at the time of the last one replaces it.
   *
   * @throws IllegalArgumentException if {@code time} is before the last sample
   */
  public void add(long time, double equityValue, double positionNotional) {
    if (size > 0 && time <= times[size - 1]) {
      if (time < times[size - 1]) {
        throw new IllegalArgumentException(
            "sample time " + time + " is before the last sample " + times[size - 1]);
      }
      size--;
    }
    if (size == times.length) {
      int n = times.length * 2;
      times = Arrays.copyOf(times, n);
      equity = Arrays.copyOf(equity, n);
      notional = Arrays.copyOf(notional, n);
    }
    times[size] = time;
    equity[size] = equityValue;
    notional[size] = positionNotional;
    size++;
  }

  /** The number of samples. */
  public int size() {
    return size;
  }

  /** Sample time {@code i}, epoch ms. */
  public long time(int i) {
    return times[checked(i)];
  }

  /** Equity at sample {@code i}: wallet balance plus unrealised PnL, in the equity asset. */
  public double equity(int i) {
    return equity[checked(i)];
  }

  /** Signed position notional at sample {@code i} (long positive), at the mark price. */
  public double notional(int i) {
    return notional[checked(i)];
  }

  /** A copy of the sample times. */
  public long[] times() {
    return Arrays.copyOf(times, size);
  }

  /** A copy of the equity values. */
  public double[] equities() {
    return Arrays.copyOf(equity, size);
  }

  /** A copy of the notional values. */
  public double[] notionals() {
    return Arrays.copyOf(notional, size);
  }

  /** The capacity of the backing arrays (for memory tests). */
  int capacity() {
    return times.length;
  }

  private int checked(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("sample " + i + " of " + size);
    }
    return i;
  }
}
