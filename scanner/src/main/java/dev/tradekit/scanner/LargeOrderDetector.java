package dev.tradekit.scanner;

import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import java.util.Arrays;

/**
 * Finds the large levels of a book: a level is large when its size exceeds the mean size of the top
 * {@code referenceLevels} levels of its side times {@code multiplier}, and its USD value ({@code
 * price × size}) is at least the symbol's floor. Only the best {@code maxLevels} levels of a side
 * are examined, so a deep local book is judged like a REST snapshot of that depth.
 *
 * <p>The level itself counts in the mean when it is among the reference levels; so with ten
 * reference levels a multiplier of 10 or more can never flag one of them.
 */
final class LargeOrderDetector {

  /** A large level found in a book. */
  record Wall(Side side, long priceTicks, double price, double quantity, double referenceMean) {
    double usdValue() {
      return price * quantity;
    }

    /** The size over the reference mean. */
    double ratio() {
      return referenceMean > 0 ? quantity / referenceMean : 0.0;
    }
  }

  /**
   * The large levels of one book as parallel arrays, reused from book to book so that detecting the
   * same walls again on every update of a followed book allocates nothing.
   */
  static final class Walls {
    private Side[] sides = new Side[8];
    private long[] ticks = new long[8];
    private double[] prices = new double[8];
    private double[] quantities = new double[8];
    private double[] means = new double[8];
    private int size;

    int size() {
      return size;
    }

    Side side(int i) {
      return sides[i];
    }

    long priceTicks(int i) {
      return ticks[i];
    }

    double quantity(int i) {
      return quantities[i];
    }

    double referenceMean(int i) {
      return means[i];
    }

    /** The {@code i}-th wall as a record. */
    Wall get(int i) {
      return new Wall(sides[i], ticks[i], prices[i], quantities[i], means[i]);
    }

    void clear() {
      Arrays.fill(sides, 0, size, null);
      size = 0;
    }

    void add(Side side, long priceTicks, double price, double quantity, double referenceMean) {
      if (size == ticks.length) {
        int n = size * 2;
        sides = Arrays.copyOf(sides, n);
        ticks = Arrays.copyOf(ticks, n);
        prices = Arrays.copyOf(prices, n);
        quantities = Arrays.copyOf(quantities, n);
        means = Arrays.copyOf(means, n);
      }
      sides[size] = side;
      ticks[size] = priceTicks;
      prices[size] = price;
      quantities[size] = quantity;
      means[size] = referenceMean;
      size++;
    }
  }

  private final double multiplier;
  private final int referenceLevels;
  private final int maxLevels;

  LargeOrderDetector(double multiplier, int referenceLevels, int maxLevels) {
    this.multiplier = multiplier;
    this.referenceLevels = referenceLevels;
    this.maxLevels = maxLevels;
  }

  double multiplier() {
    return multiplier;
  }

  /** The mean size of the best {@code referenceLevels} levels of {@code side} (0 when empty). */
  double referenceMean(OrderBookView book, Side side) {
    int n = Math.min(referenceLevels, book.depth(side));
    return n == 0 ? 0.0 : book.cumulativeQuantity(side, n) / n;
  }

  /** Appends the large levels of both sides of {@code book} to {@code out}, bids first. */
  void detect(OrderBookView book, TickScale scale, double minUsd, Walls out) {
    detectSide(book, Side.BUY, scale, minUsd, out);
    detectSide(book, Side.SELL, scale, minUsd, out);
  }

  private void detectSide(
      OrderBookView book, Side side, TickScale scale, double minUsd, Walls out) {
    double mean = referenceMean(book, side);
    if (mean <= 0) {
      return;
    }
    double threshold = mean * multiplier;
    int n = Math.min(maxLevels, book.depth(side));
    for (int i = 0; i < n; i++) {
      double q = book.quantity(side, i);
      if (q > threshold) {
        long ticks = book.priceTicks(side, i);
        double price = scale.toDouble(ticks);
        if (price * q >= minUsd) {
          out.add(side, ticks, price, q, mean);
        }
      }
    }
  }
}
