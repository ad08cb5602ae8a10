package dev.tradekit.binance;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Reading Binance's decimal strings into exact values. */
final class WireNumbers {
  private WireNumbers() {}

  /**
   * {@code value} as a decimal.
   *
   * @throws IllegalArgumentException naming {@code field} when it is missing or not a number
   */
  static BigDecimal dec(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("reply field " + field + " is missing");
    }
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "reply field " + field + " is not a decimal: '" + value + "'", e);
    }
  }

  /** {@code value} as a decimal, zero when missing. */
  static BigDecimal decOrZero(@Nullable String value, String field) {
    return value == null || value.isBlank() ? BigDecimal.ZERO : dec(value, field);
  }

  /** {@code value} as a decimal, null when missing or zero (Binance's "not set"). */
  static @Nullable BigDecimal positiveOrNull(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    BigDecimal d = dec(value, field);
    return d.signum() > 0 ? d : null;
  }
}
