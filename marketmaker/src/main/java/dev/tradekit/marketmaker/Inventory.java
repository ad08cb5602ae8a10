package dev.tradekit.marketmaker;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the account holds in the quoted symbol and its margin asset: the signed position (base
 * units, short is negative), the entry price, the equity (wallet balance plus unrealised PnL) and
 * the available balance, all as last reported by the venue and updated by fills.
 *
 * <pre>{@code
 * double baseShare = inventory.position().doubleValue() * mid / inventory.equity().doubleValue();
 * }</pre>
 */
public record Inventory(
    BigDecimal position, BigDecimal entryPrice, BigDecimal equity, BigDecimal available) {

  /** An empty account. */
  public static final Inventory FLAT =
      new Inventory(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  /** Checks that every amount is present. */
  public Inventory {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(entryPrice, "entryPrice");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(available, "available");
  }

  /** Whether the position is zero. */
  public boolean isFlat() {
    return position.signum() == 0;
  }
}
