package dev.tradekit.backtest.sim;

import java.math.BigDecimal;

/** Decimal helpers: values without trailing zeros that never print with an exponent. */
final class Amounts {
  private Amounts() {}

  /** {@code v} with trailing zeros stripped and a scale of at least zero. */
  static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
