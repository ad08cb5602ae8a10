package dev.tradekit.api.model;

import java.math.BigDecimal;

/**
 * One price level of an order book: the price and the total quantity resting there (0 in a diff
 * means the level is gone).
 *
 * <pre>{@code
 * PriceLevel best = snapshot.bestBid().orElseThrow();
 * BigDecimal value = best.price().multiply(best.quantity());
 * }</pre>
 */
public record PriceLevel(BigDecimal price, BigDecimal quantity) {

  /** Checks that price and quantity are >= 0. */
  public PriceLevel {
    Checks.nonNegative(price, "price");
    Checks.nonNegative(quantity, "quantity");
  }
}
