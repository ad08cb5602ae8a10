package dev.tradekit.scanner;

/**
 * How meaningful a large order is, by its weight in {@code [0, 1]}: basic {@code [0, ⅓)}, gold
 * {@code [⅓, ⅔)}, diamond {@code [⅔, 1]}.
 *
 * <pre>{@code
 * Category c = Category.of(0.7); // DIAMOND
 * }</pre>
 */
public enum Category {
  /** Weight below one third. */
  BASIC,
  /** Weight from one third (inclusive) to two thirds (exclusive). */
  GOLD,
  /** Weight of two thirds or more. */
  DIAMOND;

  /** The lower edge of {@link #GOLD}: {@code 1.0 / 3.0}. */
  public static final double GOLD_FROM = 1.0 / 3.0;

  /** The lower edge of {@link #DIAMOND}: {@code 2.0 / 3.0}. */
  public static final double DIAMOND_FROM = 2.0 / 3.0;

  /**
   * The category of {@code weight}; values outside {@code [0, 1]} are clamped first.
   *
   * @throws IllegalArgumentException if {@code weight} is NaN
   */
  public static Category of(double weight) {
    if (Double.isNaN(weight)) {
      throw new IllegalArgumentException("weight must be a number, was NaN");
    }
    if (weight >= DIAMOND_FROM) {
      return DIAMOND;
    }
    return weight >= GOLD_FROM ? GOLD : BASIC;
  }
}
