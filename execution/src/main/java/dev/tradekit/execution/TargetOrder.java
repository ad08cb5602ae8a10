package dev.tradekit.execution;

import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One order an engine wants on the venue: a resting limit order, or a one-shot market order (used
 * by grid and DCA bots to open a deal or close a position).
 *
 * <pre>{@code
 * TargetOrder bid = TargetOrder.limit(Side.BUY, new BigDecimal("59940.0"), new BigDecimal("0.002"));
 * TargetOrder close = TargetOrder.market(Side.SELL, position.abs(), true);
 * }</pre>
 *
 * <p>Limit targets are kept in sync with the venue (placed, amended, cancelled); a market target is
 * sent once, in the cycle that returned it. Prices must already be on the instrument's tick grid
 * and quantities on its step grid (the market maker's {@code QuoteContext.roundBuy} does both).
 *
 * @param price {@code null} for a market order
 * @param reduceOnly whether the order may only reduce the position
 */
public record TargetOrder(
    Side side,
    OrderType type,
    @Nullable BigDecimal price,
    BigDecimal quantity,
    boolean reduceOnly) {

  /** Checks that limit orders have a positive price, market orders none, and quantity > 0. */
  public TargetOrder {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(quantity, "quantity");
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException(
          "quantity must be > 0 but was " + quantity.toPlainString());
    }
    if (type == OrderType.LIMIT) {
      if (price == null || price.signum() <= 0) {
        throw new IllegalArgumentException("a LIMIT target needs a price > 0, was " + price);
      }
    } else if (price != null) {
      throw new IllegalArgumentException("a MARKET target takes no price, was " + price);
    }
    quantity = normalize(quantity);
    price = price == null ? null : normalize(price);
  }

  /**
   * Trailing zeros stripped, never an exponent: {@code 59940.0 -> 59940}, so equal values are
   * equal.
   */
  private static BigDecimal normalize(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** A resting limit order that may open or add to a position. */
  public static TargetOrder limit(Side side, BigDecimal price, BigDecimal quantity) {
    return new TargetOrder(side, OrderType.LIMIT, price, quantity, false);
  }

  /** A resting limit order that may only reduce the position. */
  public static TargetOrder reduceOnlyLimit(Side side, BigDecimal price, BigDecimal quantity) {
    return new TargetOrder(side, OrderType.LIMIT, price, quantity, true);
  }

  /** A market order sent once. */
  public static TargetOrder market(Side side, BigDecimal quantity, boolean reduceOnly) {
    return new TargetOrder(side, OrderType.MARKET, null, quantity, reduceOnly);
  }

  /** Whether this is a resting limit order. */
  public boolean isLimit() {
    return type == OrderType.LIMIT;
  }

  /** The limit price; fails for a market target. */
  public BigDecimal limitPrice() {
    if (price == null) {
      throw new IllegalStateException("a MARKET target has no price");
    }
    return price;
  }

  /** This target with another quantity (must be > 0). */
  public TargetOrder withQuantity(BigDecimal newQuantity) {
    return new TargetOrder(side, type, price, newQuantity, reduceOnly);
  }

  /** This limit target with another price. */
  public TargetOrder withPrice(BigDecimal newPrice) {
    return new TargetOrder(side, type, newPrice, quantity, reduceOnly);
  }
}
