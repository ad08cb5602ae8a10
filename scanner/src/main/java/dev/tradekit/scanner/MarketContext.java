package dev.tradekit.scanner;

/**
 * The market around a large order when it was scored.
 *
 * <p>Volatilities are realised one-hour volatilities in percent: the square root of the summed
 * squared one-minute log returns of the mid price, scaled to 60 minutes when fewer minutes were
 * seen. The time-of-day factor is 1.0 in the liquid UTC hours {@code [13, 21)}, 0.85 in {@code [7,
 * 13)} and {@code [21, 24)}, 0.7 in {@code [0, 7)}; the weekend factor is 0.8 on Saturday and
 * Sunday (UTC), else 1.0. Both come from the scanner's scheduler clock.
 *
 * <pre>{@code
 * double calm = context.calmFactor(); // 1 when the symbol is no more volatile than the market
 * }</pre>
 *
 * @param symbolVolatility the symbol's one-hour volatility in percent
 * @param marketVolatility the mean one-hour volatility of every symbol the scanner follows
 * @param timeOfDayFactor see above, in {@code [0.7, 1]}
 * @param weekendFactor see above, 0.8 or 1
 */
public record MarketContext(
    double symbolVolatility,
    double marketVolatility,
    double timeOfDayFactor,
    double weekendFactor) {

  /**
   * {@code 1 / (1 + max(0, symbolVolatility / marketVolatility − 1))}: 1 when the symbol is no more
   * volatile than the market (or the market volatility is unknown), falling as it gets wilder.
   */
  public double calmFactor() {
    return calmFactor(symbolVolatility, marketVolatility);
  }

  /** {@code timeOfDayFactor × weekendFactor × calmFactor()}, in {@code [0, 1]}. */
  public double contextFactor() {
    return contextFactor(symbolVolatility, marketVolatility, timeOfDayFactor, weekendFactor);
  }

  /** {@link #calmFactor()} from primitives, for the allocation-free scoring. */
  static double calmFactor(double symbolVolatility, double marketVolatility) {
    if (marketVolatility <= 0.0) {
      return 1.0;
    }
    return 1.0 / (1.0 + Math.max(0.0, symbolVolatility / marketVolatility - 1.0));
  }

  /** {@link #contextFactor()} from primitives, for the allocation-free scoring. */
  static double contextFactor(
      double symbolVolatility, double marketVolatility, double timeOfDay, double weekend) {
    return timeOfDay * weekend * calmFactor(symbolVolatility, marketVolatility);
  }
}
