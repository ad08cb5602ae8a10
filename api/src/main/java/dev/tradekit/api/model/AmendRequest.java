package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A change of a resting limit order's price and quantity in place; the venue needs both, and the
 * order loses its queue position.
 *
 * <pre>{@code
 * exchange.trading().amend(new AmendRequest(OrderRef.byId("BTCUSDT", "8886774"), Side.BUY,
 *     new BigDecimal("0.010"), new BigDecimal("32120.5")));
 * }</pre>
 *
 * @param side the order's side (the venue requires it to match)
 */
public record AmendRequest(OrderRef ref, Side side, BigDecimal quantity, BigDecimal price) {

  /** Checks that the reference and side are set and that quantity and price are > 0. */
  public AmendRequest {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(side, "side");
    Checks.positive(quantity, "quantity");
    Checks.positive(price, "price");
  }

  /** The symbol of the referenced order. */
  public String symbol() {
    return ref.symbol();
  }
}
