package dev.tradekit.backtest.sim;

import dev.tradekit.api.book.TickScale;

/**
 * Prices in ticks as doubles, remembered: {@link TickScale#toDouble} of a tick count seen recently
 * is one table read instead of a division. A direct-mapped table of {@value #SIZE} entries keyed by
 * the low bits of the tick count; a price that moves by a few ticks a bar finds its neighbours
 * there. The value is always the conversion's own (bit for bit), remembered or not. One thread.
 *
 * <pre>{@code
 * TickDoubles doubles = new TickDoubles(scale);
 * double close = doubles.of(closeTicks); // == scale.toDouble(closeTicks)
 * }</pre>
 */
final class TickDoubles {
  /** Entries of the table; a power of two. */
  static final int SIZE = 512;

  private final TickScale scale;

  /**
   * Pairs: tick count, then the raw bits of its double. An empty slot holds a tick count that does
   * not belong to it (its index + 1), so it never matches.
   */
  private final long[] table = new long[2 * SIZE];

  TickDoubles(TickScale scale) {
    this.scale = scale;
    for (int slot = 0; slot < SIZE; slot++) {
      table[2 * slot] = slot + 1;
    }
  }

  /** {@code scale.toDouble(ticks)}, from the table when this tick count was the slot's last. */
  double of(long ticks) {
    int slot = (int) ticks & (SIZE - 1);
    long[] t = table;
    int at = 2 * slot;
    if (t[at] == ticks) {
      return Double.longBitsToDouble(t[at + 1]);
    }
    return remember(ticks, at);
  }

  /** Converts and remembers in entry {@code at}: out of {@link #of}, so the hit stays small. */
  private double remember(long ticks, int at) {
    double d = scale.toDouble(ticks);
    table[at] = ticks;
    table[at + 1] = Double.doubleToRawLongBits(d);
    return d;
  }
}
