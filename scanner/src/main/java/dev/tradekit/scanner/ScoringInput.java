package dev.tradekit.scanner;

import java.util.Objects;

/**
 * Everything a {@link WeightAlgorithm} may use to weigh one large order.
 *
 * <p>The size factor saturates: with {@code r} the order's size divided by the mean size of the top
 * ten levels of its side and {@code m} the detection multiplier, {@code sizeFactor = 1 − e^(−r /
 * (2m))} (see {@link #sizeFactor(double, double)}). An order just at the detection threshold
 * ({@code r = m}) scores {@code 1 − e^(−1/2) ≈ 0.39}, twice that size {@code ≈ 0.63}, four times
 * {@code ≈ 0.86}.
 *
 * <pre>{@code
 * ScoringInput in = new ScoringInput(TimeFactors.at(45, 1.2), 0.6, context, analytics);
 * double w = WeightAlgorithm.recommended().weigh(in);
 * }</pre>
 *
 * @param time the lifetime factors
 * @param sizeFactor in {@code [0, 1]}
 * @param context the market around the order
 * @param analytics where the order sits
 */
public record ScoringInput(
    TimeFactors time, double sizeFactor, MarketContext context, OrderAnalytics analytics) {

  /** Checks that nothing is null and the size factor is in {@code [0, 1]}. */
  public ScoringInput {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(analytics, "analytics");
    if (!(sizeFactor >= 0.0 && sizeFactor <= 1.0)) {
      throw new IllegalArgumentException("sizeFactor must be in [0, 1], was " + sizeFactor);
    }
  }

  /**
   * {@code 1 − e^(−ratio / (2 × multiplier))}, with {@code ratio} the order's size over the top-ten
   * mean; a non-positive ratio gives 0.
   *
   * @throws IllegalArgumentException if {@code multiplier} is not positive
   */
  public static double sizeFactor(double ratio, double multiplier) {
    if (!(multiplier > 0.0)) {
      throw new IllegalArgumentException("multiplier must be positive, was " + multiplier);
    }
    if (!(ratio > 0.0)) {
      return 0.0;
    }
    return 1.0 - Math.exp(-ratio / (2.0 * multiplier));
  }

  /** 1 when the order sits exactly on a psychological level, else 0. */
  public double roundFactor() {
    return analytics.roundLevel() ? 1.0 : 0.0;
  }
}
