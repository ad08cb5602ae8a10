package dev.tradekit.api.book;

import dev.tradekit.api.model.Side;
import java.util.Objects;

/**
 * A mutable price-level order book on primitive arrays, allocation-free in steady state.
 *
 * <p>Each side is a sorted list of levels (prices in ticks, quantities) kept in blocks of primitive
 * arrays: an update is two binary searches and a shift within one block, reading the best levels is
 * O(1), and the block pools double when full (the only allocation). Not thread-safe: mutate and
 * read it on one thread, including the read methods.
 *
 * <pre>{@code
 * TickScale ticks = TickScale.of(new BigDecimal("0.10"));
 * OrderBook book = new OrderBook("BTCUSDT");
 * book.setLevel(Side.BUY, ticks.parseTicks("57123.40", 0, 8), 1.5);
 * book.setLevel(Side.SELL, ticks.parseTicks("57123.50", 0, 8), 0.7);
 * book.setLevel(Side.BUY, ticks.parseTicks("57123.40", 0, 8), 0); // removes the level
 * }</pre>
 */
public final class OrderBook implements OrderBookView {
  private static final int DEFAULT_CAPACITY = 64;

  private final String symbol;
  private final BookSide bids;
  private final BookSide asks;
  private long lastUpdateId;
  private long timestamp;

  /** An empty book with room for 64 levels per side before it grows. */
  public OrderBook(String symbol) {
    this(symbol, DEFAULT_CAPACITY);
  }

  /**
   * An empty book with room for {@code initialCapacityPerSide} levels per side before it grows.
   *
   * @throws IllegalArgumentException if {@code initialCapacityPerSide} is not positive
   */
  public OrderBook(String symbol, int initialCapacityPerSide) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    if (initialCapacityPerSide <= 0) {
      throw new IllegalArgumentException(
          "initialCapacityPerSide must be positive: " + initialCapacityPerSide);
    }
    this.bids = new BookSide(true, initialCapacityPerSide);
    this.asks = new BookSide(false, initialCapacityPerSide);
  }

  private BookSide side(Side side) {
    return side == Side.BUY ? bids : asks;
  }

  /** Removes every level and resets the update id and timestamp to 0. */
  public void clear() {
    bids.clear();
    asks.clear();
    lastUpdateId = 0;
    timestamp = 0;
  }

  /**
   * Sets the absolute quantity at {@code priceTicks} on {@code side}; a quantity {@code <= 0}
   * removes the level, and removing an absent level does nothing.
   *
   * @throws IllegalArgumentException if {@code priceTicks} is {@link #NO_PRICE} or {@code quantity}
   *     is NaN or infinite
   */
  public void setLevel(Side side, long priceTicks, double quantity) {
    checkLevel(priceTicks, quantity);
    side(side).set(priceTicks, quantity);
  }

  /** Records the venue update id of the last applied change. */
  public void setLastUpdateId(long lastUpdateId) {
    this.lastUpdateId = lastUpdateId;
  }

  /** Records the epoch milliseconds of the last change. */
  public void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  /**
   * Replaces the content with a snapshot: the first {@code bidCount} / {@code askCount} entries of
   * the arrays. Entries may come in any order (sorted input is appended without searching); entries
   * with quantity {@code <= 0} are skipped and a repeated price keeps its last quantity.
   *
   * @throws IllegalArgumentException if a count is negative or exceeds its arrays, or an entry is
   *     invalid as for {@link #setLevel}; the book is then left cleared
   */
  public void applySnapshot(
      long updateId,
      long timestamp,
      long[] bidPrices,
      double[] bidQtys,
      int bidCount,
      long[] askPrices,
      double[] askQtys,
      int askCount) {
    checkCount("bid", bidPrices, bidQtys, bidCount);
    checkCount("ask", askPrices, askQtys, askCount);
    clear();
    fill(bids, bidPrices, bidQtys, bidCount);
    fill(asks, askPrices, askQtys, askCount);
    this.lastUpdateId = updateId;
    this.timestamp = timestamp;
  }

  private void fill(BookSide target, long[] prices, double[] qtys, int count) {
    for (int i = 0; i < count; i++) {
      try {
        checkLevel(prices[i], qtys[i]);
      } catch (IllegalArgumentException e) {
        clear();
        throw new IllegalArgumentException("snapshot entry " + i + ": " + e.getMessage(), e);
      }
      target.appendOrSet(prices[i], qtys[i]);
    }
  }

  /**
   * Replaces the levels, update id and timestamp with those of {@code other}; this book keeps its
   * own symbol. Copying from an {@code OrderBook} is two array copies per side.
   */
  public void copyFrom(OrderBookView other) {
    Objects.requireNonNull(other, "other");
    if (other == this) {
      return;
    }
    if (other instanceof OrderBook book) {
      bids.copyFrom(book.bids);
      asks.copyFrom(book.asks);
    } else {
      bids.clear();
      asks.clear();
      copySide(other, Side.BUY, bids);
      copySide(other, Side.SELL, asks);
    }
    this.lastUpdateId = other.lastUpdateId();
    this.timestamp = other.timestamp();
  }

  private static void copySide(OrderBookView from, Side side, BookSide to) {
    int depth = from.depth(side);
    for (int i = 0; i < depth; i++) {
      to.appendOrSet(from.priceTicks(side, i), from.quantity(side, i));
    }
  }

  private static void checkLevel(long priceTicks, double quantity) {
    if (priceTicks == NO_PRICE) {
      throw new IllegalArgumentException("priceTicks must not be NO_PRICE (Long.MIN_VALUE)");
    }
    if (Double.isNaN(quantity) || Double.isInfinite(quantity)) {
      throw new IllegalArgumentException("quantity must be finite: " + quantity);
    }
  }

  private static void checkCount(String name, long[] prices, double[] qtys, int count) {
    Objects.requireNonNull(prices, name + "Prices");
    Objects.requireNonNull(qtys, name + "Qtys");
    if (count < 0 || count > prices.length || count > qtys.length) {
      throw new IllegalArgumentException(
          name
              + "Count must be within both arrays: "
              + count
              + " (prices "
              + prices.length
              + ", quantities "
              + qtys.length
              + ")");
    }
  }

  /** The current array capacity of {@code side}, for tests and sizing. */
  int capacity(Side side) {
    return side(side).capacity();
  }

  @Override
  public String symbol() {
    return symbol;
  }

  @Override
  public long lastUpdateId() {
    return lastUpdateId;
  }

  @Override
  public long timestamp() {
    return timestamp;
  }

  @Override
  public int depth(Side side) {
    return side(side).depth();
  }

  @Override
  public long priceTicks(Side side, int level) {
    return side(side).price(level);
  }

  @Override
  public double quantity(Side side, int level) {
    return side(side).quantity(level);
  }

  @Override
  public boolean isEmpty(Side side) {
    return side(side).depth() == 0;
  }

  @Override
  public long bestBidTicks() {
    return bids.depth() == 0 ? NO_PRICE : bids.price(0);
  }

  @Override
  public long bestAskTicks() {
    return asks.depth() == 0 ? NO_PRICE : asks.price(0);
  }

  @Override
  public double bestBidQuantity() {
    return bids.depth() == 0 ? 0.0 : bids.quantity(0);
  }

  @Override
  public double bestAskQuantity() {
    return asks.depth() == 0 ? 0.0 : asks.quantity(0);
  }

  @Override
  public double quantityAt(Side side, long priceTicks) {
    return side(side).quantityAt(priceTicks);
  }

  @Override
  public double cumulativeQuantity(Side side, int levels) {
    if (levels < 0) {
      throw new IllegalArgumentException("levels must not be negative: " + levels);
    }
    return side(side).cumulative(levels);
  }

  @Override
  public int levelsWithin(Side side, long distanceTicks) {
    if (distanceTicks < 0) {
      throw new IllegalArgumentException("distanceTicks must not be negative: " + distanceTicks);
    }
    return side(side).levelsWithin(distanceTicks);
  }

  @Override
  public double quantityWithin(Side side, long distanceTicks) {
    return side(side).cumulative(levelsWithin(side, distanceTicks));
  }

  @Override
  public boolean isCrossed() {
    return bids.depth() > 0 && asks.depth() > 0 && bids.price(0) >= asks.price(0);
  }

  @Override
  public String toString() {
    return "OrderBook{"
        + symbol
        + ", bids="
        + bids.depth()
        + ", asks="
        + asks.depth()
        + ", bestBid="
        + bestBidTicks()
        + ", bestAsk="
        + bestAskTicks()
        + ", lastUpdateId="
        + lastUpdateId
        + '}';
  }
}
