package dev.tradekit.scanner;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;

/** Hand-made books for tests: prices in ticks of 0.1, quantities as given. */
final class TestBooks {
  static final TickScale SCALE = TickScale.of(new BigDecimal("0.1"));

  private TestBooks() {}

  /**
   * A book with bids from {@code bestBidTicks} down one tick per level and asks from {@code
   * bestBidTicks + 1} up, with the given quantities (best first).
   */
  static OrderBook book(String symbol, long bestBidTicks, double[] bids, double[] asks) {
    OrderBook b = new OrderBook(symbol);
    for (int i = 0; i < bids.length; i++) {
      b.setLevel(Side.BUY, bestBidTicks - i, bids[i]);
    }
    for (int i = 0; i < asks.length; i++) {
      b.setLevel(Side.SELL, bestBidTicks + 1 + i, asks[i]);
    }
    return b;
  }

  /** {@code n} levels of quantity {@code q}. */
  static double[] flat(int n, double q) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, q);
    return a;
  }

  /** {@code base} with {@code q} at {@code level}. */
  static double[] with(double[] base, int level, double q) {
    double[] a = base.clone();
    a[level] = q;
    return a;
  }
}
