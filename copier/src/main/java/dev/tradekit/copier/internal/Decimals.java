package dev.tradekit.copier.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Decimal text as the journal stores it: plain digits, no exponent, no trailing zeros.
 *
 * <pre>{@code
 * Decimals.plain(new BigDecimal("1.50E+2"));   // "150"
 * }</pre>
 */
public final class Decimals {
  private Decimals() {}

  /** {@code value} without exponent or trailing zeros. */
  public static String plain(BigDecimal value) {
    BigDecimal s = value.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** {@link #plain}, or {@code null} for {@code null}. */
  public static @Nullable String plainOrNull(@Nullable BigDecimal value) {
    return value == null ? null : plain(value);
  }

  /** Parses journal text, {@code null} for {@code null}. */
  public static @Nullable BigDecimal parseOrNull(@Nullable String text) {
    return text == null ? null : new BigDecimal(text);
  }
}
