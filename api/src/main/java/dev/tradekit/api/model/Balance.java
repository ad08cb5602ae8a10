package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The account's holding of one margin asset.
 *
 * <pre>{@code
 * BigDecimal equity = snapshot.balance("USDT").map(Balance::marginBalance).orElse(BigDecimal.ZERO);
 * }</pre>
 *
 * @param walletBalance deposits plus realized profit and fees
 * @param availableBalance what can still be used as margin for new orders
 * @param unrealizedPnl the unrealized profit of the positions margined in this asset
 */
public record Balance(
    String asset, BigDecimal walletBalance, BigDecimal availableBalance, BigDecimal unrealizedPnl) {

  /** Checks that the asset is named and the amounts are present (they may be negative). */
  public Balance {
    Checks.nonBlank(asset, "asset");
    Objects.requireNonNull(walletBalance, "walletBalance");
    Objects.requireNonNull(availableBalance, "availableBalance");
    Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
  }

  /** {@code walletBalance + unrealizedPnl}. */
  public BigDecimal marginBalance() {
    return walletBalance.add(unrealizedPnl);
  }
}
