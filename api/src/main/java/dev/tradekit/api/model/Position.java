package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A position of the account in one symbol and position side.
 *
 * <pre>{@code
 * Position p = snapshot.position("BTCUSDT", PositionSide.BOTH).orElseThrow();
 * if (p.isLong()) close(Side.SELL, p.amount());
 * }</pre>
 *
 * @param amount signed size: > 0 long, < 0 short; a hedge-mode {@code LONG} leg is >= 0 and a
 *     {@code SHORT} leg <= 0
 * @param entryPrice the average entry price (0 when flat)
 * @param markPrice the venue's mark price, {@code null} when not reported
 * @param unrealizedPnl the unrealized profit at the mark price
 * @param leverage the symbol's leverage, >= 1
 * @param updateTime epoch millis
 */
public record Position(
    String symbol,
    PositionSide positionSide,
    BigDecimal amount,
    BigDecimal entryPrice,
    @Nullable BigDecimal markPrice,
    BigDecimal unrealizedPnl,
    int leverage,
    MarginType marginType,
    long updateTime) {

  /** Checks the fields and that a hedge-mode leg's sign matches its side. */
  public Position {
    Checks.nonBlank(symbol, "symbol");
    Objects.requireNonNull(positionSide, "positionSide");
    Objects.requireNonNull(amount, "amount");
    if (positionSide == PositionSide.LONG && amount.signum() < 0) {
      throw new IllegalArgumentException(
          "amount " + Checks.plain(amount) + " must be >= 0 for the LONG leg of a hedge position");
    }
    if (positionSide == PositionSide.SHORT && amount.signum() > 0) {
      throw new IllegalArgumentException(
          "amount "
              + Checks.plain(amount)
              + " must be <= 0 for the SHORT leg of a hedge position (shorts are negative)");
    }
    Checks.nonNegative(entryPrice, "entryPrice");
    Checks.nonNegativeOrNull(markPrice, "markPrice");
    Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
    if (leverage < 1) {
      throw new IllegalArgumentException("leverage must be >= 1 but was " + leverage);
    }
    Objects.requireNonNull(marginType, "marginType");
    Checks.nonNegative(updateTime, "updateTime");
  }

  /** True when {@code amount > 0}. */
  public boolean isLong() {
    return amount.signum() > 0;
  }

  /** True when {@code amount < 0}. */
  public boolean isShort() {
    return amount.signum() < 0;
  }

  /** True when {@code amount == 0}. */
  public boolean isFlat() {
    return amount.signum() == 0;
  }

  /** {@code |amount|} times the mark price, or the entry price when the mark is unknown. */
  public BigDecimal notional() {
    BigDecimal price = markPrice != null ? markPrice : entryPrice;
    return amount.abs().multiply(price);
  }
}
