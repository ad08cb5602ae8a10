package dev.tradekit.api.book;

import java.util.Arrays;
import java.util.Objects;

/**
 * One side of an {@link OrderBook}: parallel sorted arrays of prices and quantities, best first.
 * Bids are kept in descending price order, asks in ascending order. Lookups are binary searches and
 * inserts/removals shift with {@link System#arraycopy}; the arrays double when full.
 */
final class BookSide {
  private final boolean descending;
  private long[] prices;
  private double[] quantities;
  private int count;

  BookSide(boolean descending, int initialCapacity) {
    this.descending = descending;
    this.prices = new long[initialCapacity];
    this.quantities = new double[initialCapacity];
  }

  int depth() {
    return count;
  }

  long price(int level) {
    Objects.checkIndex(level, count);
    return prices[level];
  }

  double quantity(int level) {
    Objects.checkIndex(level, count);
    return quantities[level];
  }

  int capacity() {
    return prices.length;
  }

  void clear() {
    count = 0;
  }

  /** Whether price {@code a} sorts strictly before price {@code b} on this side. */
  private boolean before(long a, long b) {
    return descending ? a > b : a < b;
  }

  /**
   * The level holding {@code price}, or {@code -(insertionPoint + 1)} when absent, as in {@link
   * Arrays#binarySearch(long[], long)}.
   */
  int find(long price) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long p = prices[mid];
      if (p == price) {
        return mid;
      }
      if (before(p, price)) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -(lo + 1);
  }

  double quantityAt(long price) {
    int i = find(price);
    return i >= 0 ? quantities[i] : 0.0;
  }

  /** Sets the absolute quantity at {@code price}; a quantity {@code <= 0} removes the level. */
  void set(long price, double quantity) {
    int i = find(price);
    if (quantity > 0) {
      if (i >= 0) {
        quantities[i] = quantity;
      } else {
        insert(-(i + 1), price, quantity);
      }
    } else if (i >= 0) {
      int tail = count - i - 1;
      System.arraycopy(prices, i + 1, prices, i, tail);
      System.arraycopy(quantities, i + 1, quantities, i, tail);
      count--;
    }
  }

  private void insert(int at, long price, double quantity) {
    if (count == prices.length) {
      grow();
    }
    int tail = count - at;
    System.arraycopy(prices, at, prices, at + 1, tail);
    System.arraycopy(quantities, at, quantities, at + 1, tail);
    prices[at] = price;
    quantities[at] = quantity;
    count++;
  }

  /**
   * Appends a level after the current worst one when it sorts after it; otherwise falls back to a
   * sorted {@link #set}. A quantity {@code <= 0} is skipped.
   */
  void appendOrSet(long price, double quantity) {
    if (count == 0 || before(prices[count - 1], price)) {
      if (quantity > 0) {
        insert(count, price, quantity);
      }
    } else {
      set(price, quantity);
    }
  }

  /** Replaces this side's content with a copy of {@code other}'s (same ordering). */
  void copyFrom(BookSide other) {
    if (prices.length < other.count) {
      int capacity = Math.max(prices.length, 1);
      while (capacity < other.count) {
        capacity = newCapacity(capacity);
      }
      prices = new long[capacity];
      quantities = new double[capacity];
    }
    System.arraycopy(other.prices, 0, prices, 0, other.count);
    System.arraycopy(other.quantities, 0, quantities, 0, other.count);
    count = other.count;
  }

  double cumulative(int levels) {
    int n = Math.min(levels, count);
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += quantities[i];
    }
    return sum;
  }

  /** The number of levels whose price is within {@code distance} ticks of the best level. */
  int levelsWithin(long distance) {
    if (count == 0) {
      return 0;
    }
    long best = prices[0];
    long limit;
    if (descending) {
      limit = best - distance;
      if (limit > best) { // underflow: every level is within
        return count;
      }
    } else {
      limit = best + distance;
      if (limit < best) { // overflow: every level is within
        return count;
      }
    }
    // The first level strictly beyond the limit: the insertion point of the next price past it.
    int i = find(limit);
    return i >= 0 ? i + 1 : -(i + 1);
  }

  private void grow() {
    int capacity = newCapacity(prices.length);
    prices = Arrays.copyOf(prices, capacity);
    quantities = Arrays.copyOf(quantities, capacity);
  }

  private static int newCapacity(int capacity) {
    if (capacity >= Integer.MAX_VALUE / 2) {
      throw new IllegalStateException("order book side cannot grow beyond " + capacity);
    }
    return Math.max(capacity * 2, 4);
  }
}
