package dev.tradekit.api.book;

import dev.tradekit.api.model.Side;

/**
 * A read-only view of a price-level order book, with prices in ticks and quantities as doubles.
 *
 * <p>A view handed to a listener is valid only during that callback: the book behind it keeps
 * changing afterwards. Copy what you keep, e.g. with {@link OrderBook#copyFrom(OrderBookView)}.
 * Level {@code 0} is the best level of a side (highest bid, lowest ask). Methods taking a level
 * index throw {@link IndexOutOfBoundsException} for a level outside {@code [0, depth(side))}.
 *
 * <pre>{@code
 * void onBook(OrderBookView book) {
 *   if (!book.isEmpty(Side.BUY) && !book.isEmpty(Side.SELL)) {
 *     long spreadTicks = book.bestAskTicks() - book.bestBidTicks();
 *     double bidDepth = book.quantityWithin(Side.BUY, 10); // within 10 ticks of the best bid
 *   }
 * }
 * }</pre>
 */
public interface OrderBookView {

  /** The price returned by {@link #bestBidTicks()} / {@link #bestAskTicks()} for an empty side. */
  long NO_PRICE = Long.MIN_VALUE;

  /** The instrument symbol, e.g. {@code "BTCUSDT"}. */
  String symbol();

  /** The venue's update id of the last applied change (0 before any). */
  long lastUpdateId();

  /** Epoch milliseconds of the last change (0 before any). */
  long timestamp();

  /** The number of price levels on {@code side}. */
  int depth(Side side);

  /** The price in ticks of {@code level} on {@code side}; level 0 is the best. */
  long priceTicks(Side side, int level);

  /** The quantity at {@code level} on {@code side}; level 0 is the best. */
  double quantity(Side side, int level);

  /** Whether {@code side} has no levels. */
  default boolean isEmpty(Side side) {
    return depth(side) == 0;
  }

  /** The best (highest) bid in ticks, or {@link #NO_PRICE} when there are no bids. */
  default long bestBidTicks() {
    return isEmpty(Side.BUY) ? NO_PRICE : priceTicks(Side.BUY, 0);
  }

  /** The best (lowest) ask in ticks, or {@link #NO_PRICE} when there are no asks. */
  default long bestAskTicks() {
    return isEmpty(Side.SELL) ? NO_PRICE : priceTicks(Side.SELL, 0);
  }

  /** The quantity at the best bid, or {@code 0} when there are no bids. */
  default double bestBidQuantity() {
    return isEmpty(Side.BUY) ? 0.0 : quantity(Side.BUY, 0);
  }

  /** The quantity at the best ask, or {@code 0} when there are no asks. */
  default double bestAskQuantity() {
    return isEmpty(Side.SELL) ? 0.0 : quantity(Side.SELL, 0);
  }

  /** The quantity resting at exactly {@code priceTicks} on {@code side}, or {@code 0} if none. */
  default double quantityAt(Side side, long priceTicks) {
    int depth = depth(side);
    for (int i = 0; i < depth; i++) {
      if (priceTicks(side, i) == priceTicks) {
        return quantity(side, i);
      }
    }
    return 0.0;
  }

  /**
   * The summed quantity of the best {@code levels} levels of {@code side} (all levels if fewer),
   * added best first.
   *
   * @throws IllegalArgumentException if {@code levels} is negative
   */
  default double cumulativeQuantity(Side side, int levels) {
    if (levels < 0) {
      throw new IllegalArgumentException("levels must not be negative: " + levels);
    }
    int n = Math.min(levels, depth(side));
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += quantity(side, i);
    }
    return sum;
  }

  /**
   * The number of levels of {@code side} whose price is at most {@code distanceTicks} away from
   * that side's best price (so {@code 1} for distance 0 on a non-empty side, {@code 0} when empty).
   *
   * @throws IllegalArgumentException if {@code distanceTicks} is negative
   */
  default int levelsWithin(Side side, long distanceTicks) {
    if (distanceTicks < 0) {
      throw new IllegalArgumentException("distanceTicks must not be negative: " + distanceTicks);
    }
    int depth = depth(side);
    if (depth == 0) {
      return 0;
    }
    long best = priceTicks(side, 0);
    int n = 1;
    while (n < depth && Math.abs(priceTicks(side, n) - best) <= distanceTicks) {
      n++;
    }
    return n;
  }

  /**
   * The summed quantity of the {@link #levelsWithin(Side, long)} levels of {@code side}.
   *
   * @throws IllegalArgumentException if {@code distanceTicks} is negative
   */
  default double quantityWithin(Side side, long distanceTicks) {
    return cumulativeQuantity(side, levelsWithin(side, distanceTicks));
  }

  /**
   * Whether both sides are non-empty and the best bid is at or above the best ask (crossed or
   * locked), which a consistent venue book never is.
   */
  default boolean isCrossed() {
    return !isEmpty(Side.BUY) && !isEmpty(Side.SELL) && bestBidTicks() >= bestAskTicks();
  }
}
