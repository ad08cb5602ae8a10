package dev.tradekit.scanner;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One large resting order ("wall") as the scanner last saw it.
 *
 * <p>The identity {@code id} is a hash of (symbol, side, price, first-seen time), so an order that
 * vanishes and reappears at the same price later is a new order with a new id. USD value is {@code
 * price × quantity} in the quote asset, taken as dollars (USD-M contracts are quoted in USDT or
 * USDC).
 *
 * <pre>{@code
 * for (LargeOrder o : scanner.hotOrders()) {
 *   System.out.println(o.symbol() + " " + o.side() + " " + o.price() + " $" + o.usdValue());
 * }
 * }</pre>
 *
 * @param id 16 hex digits, stable across runs
 * @param initialQuantity the size when first seen; survival is measured against it
 * @param quantity the size at {@code lastSeen}
 * @param firstSeen epoch millis (scheduler clock) of the first sighting
 * @param lastSeen epoch millis of the latest sighting
 */
public record LargeOrder(
    String id,
    String symbol,
    Side side,
    BigDecimal price,
    double initialQuantity,
    double quantity,
    long firstSeen,
    long lastSeen,
    Stage stage) {

  /** Where an order is in the scanner's pipeline. */
  public enum Stage {
    /** Found by a scan; re-checked by the observer pool until it lives long enough or dies. */
    CANDIDATE,
    /** Lived past the promotion age; followed closely and scored. */
    HOT,
    /** Vanished, moved, or lost more than the survival threshold of its size. */
    DEAD
  }

  /** Checks that nothing is null and the quantities and times are consistent. */
  public LargeOrder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(stage, "stage");
    if (!(initialQuantity > 0.0) || quantity < 0.0) {
      throw new IllegalArgumentException(
          "initialQuantity must be positive and quantity non-negative: "
              + initialQuantity
              + ", "
              + quantity);
    }
    if (lastSeen < firstSeen) {
      throw new IllegalArgumentException(
          "lastSeen " + lastSeen + " must not be before firstSeen " + firstSeen);
    }
  }

  /** {@code price × quantity}. */
  public double usdValue() {
    return price.doubleValue() * quantity;
  }

  /** Milliseconds from the first to the latest sighting. */
  public long lifetimeMillis() {
    return lastSeen - firstSeen;
  }
}
