package dev.tradekit.scanner;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Where a large order sits and how it ended.
 *
 * <p>Psychological levels are the multiples of one tenth of the price's leading power of ten (for
 * 1234.5 that is 100, for 0.02345 it is 0.001): {@code nearestRoundLevel} is the closest such
 * multiple and {@code roundLevel} says whether the order's price is exactly one.
 *
 * <pre>{@code
 * if (analytics.roundLevel() && analytics.distanceFromMidPercent() < 1.0) { ... }
 * }</pre>
 *
 * @param nearestRoundLevel the closest psychological level
 * @param distanceToRoundPercent {@code |price − nearestRoundLevel| / price × 100}
 * @param roundLevel whether the price is a psychological level
 * @param distanceFromMidPercent {@code |price − mid| / mid × 100}, 0 when no mid is known
 * @param outcome how the order ended, {@code null} while it lives
 */
public record OrderAnalytics(
    BigDecimal nearestRoundLevel,
    double distanceToRoundPercent,
    boolean roundLevel,
    double distanceFromMidPercent,
    @Nullable Outcome outcome) {

  /** How an order that vanished ended, judged from the trades seen at its price. */
  public enum Outcome {
    /** Trades at its price took at least half of its last size: it was hit. */
    FILLED,
    /** It vanished without that much trading at its price: it was cancelled. */
    PULLED,
    /** No trade stream was followed for it (it died in the observer pool). */
    UNKNOWN
  }

  /**
   * {@code 1 − min(distanceFromMidPercent / 5, 1)}: 1 at the mid, 0 at five percent away or more.
   */
  public double proximityFactor() {
    return proximityFactor(distanceFromMidPercent);
  }

  /** {@link #proximityFactor()} from a distance, for the allocation-free scoring. */
  static double proximityFactor(double distanceFromMidPercent) {
    return 1.0 - Math.min(distanceFromMidPercent / 5.0, 1.0);
  }
}
