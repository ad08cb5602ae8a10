package dev.tradekit.api.model;

/**
 * The side of an order, a fill or an order-book level.
 *
 * <p>{@code BUY} orders rest on the bid side of a book, {@code SELL} orders on the ask side.
 *
 * <pre>{@code
 * Side closing = position.isLong() ? Side.BUY.opposite() : Side.BUY;
 * }</pre>
 */
public enum Side {
  BUY,
  SELL;

  /** The other side: {@code BUY.opposite() == SELL}. */
  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }

  /**
   * {@code +1} for {@code BUY}, {@code -1} for {@code SELL}: the sign of a fill's position change.
   */
  public int sign() {
    return this == BUY ? 1 : -1;
  }
}
