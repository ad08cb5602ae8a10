package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the domain values; every message names the argument and the rule. */
final class Checks {
  private Checks() {}

  static BigDecimal positive(@Nullable BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value.toPlainString());
    }
    return value;
  }

  static BigDecimal nonNegative(@Nullable BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value.toPlainString());
    }
    return value;
  }

  static @Nullable BigDecimal nonNegativeOrNull(@Nullable BigDecimal value, String name) {
    return value == null ? null : nonNegative(value, name);
  }

  static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
    return value;
  }

  static String nonBlank(@Nullable String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** A defensive, null-free copy of {@code list}; the message names the list on a null element. */
  static <T> List<T> copy(@Nullable List<T> list, String name) {
    Objects.requireNonNull(list, name);
    for (int i = 0; i < list.size(); i++) {
      Objects.requireNonNull(list.get(i), name + "[" + i + "]");
    }
    return List.copyOf(list);
  }

  /**
   * {@code value} without trailing zeros and with a scale of at least zero, so {@link
   * BigDecimal#toPlainString()} and {@link BigDecimal#toString()} never show an exponent or a
   * trailing zero: {@code 0.0150 -> 0.015}, {@code 1E+2 -> 100}.
   */
  static BigDecimal normalize(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** {@code value} as a plain string without exponent or trailing zeros. */
  static String plain(BigDecimal value) {
    return normalize(value).toPlainString();
  }
}
