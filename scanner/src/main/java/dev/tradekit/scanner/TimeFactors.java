package dev.tradekit.scanner;

/**
 * How long a large order has lived, as four saturating factors in {@code [0, 1]} of its lifetime
 * {@code t} in minutes.
 *
 * <ul>
 *   <li>{@code linear} = {@code min(t / 60, 1)}: full after one hour;
 *   <li>{@code exponential} = {@code 1 − e^(−t / 30)}: time constant 30 minutes;
 *   <li>{@code logarithmic} = {@code min(ln(1 + t) / ln(121), 1)}: full after two hours;
 *   <li>{@code volatilityAdaptive} = {@code 1 − e^(−t / (30 (1 + vol)))} with {@code vol} the
 *       symbol's one-hour volatility in percent: the more volatile the symbol, the longer an order
 *       must live to count.
 * </ul>
 *
 * <pre>{@code
 * TimeFactors f = TimeFactors.at(30.0, 1.0);
 * f.linear();      // 0.5
 * f.exponential(); // 1 - e^-1 = 0.632...
 * }</pre>
 */
public record TimeFactors(
    double minutes,
    double linear,
    double exponential,
    double logarithmic,
    double volatilityAdaptive) {

  private static final double LN_121 = Math.log(121.0);

  /**
   * The factors for a lifetime of {@code minutes} and a one-hour volatility of {@code
   * volatilityPercent}; negative inputs count as zero.
   *
   * @throws IllegalArgumentException if an input is NaN
   */
  public static TimeFactors at(double minutes, double volatilityPercent) {
    if (Double.isNaN(minutes) || Double.isNaN(volatilityPercent)) {
      throw new IllegalArgumentException(
          "minutes and volatilityPercent must be numbers: " + minutes + ", " + volatilityPercent);
    }
    double t = Math.max(0.0, minutes);
    double vol = Math.max(0.0, volatilityPercent);
    return new TimeFactors(
        t, linear(t), exponential(t), logarithmic(t), volatilityAdaptive(t, vol));
  }

  // The four factors of a lifetime t >= 0 (and vol >= 0), shared with the allocation-free scoring.

  static double linear(double t) {
    return Math.min(t / 60.0, 1.0);
  }

  static double exponential(double t) {
    return 1.0 - Math.exp(-t / 30.0);
  }

  static double logarithmic(double t) {
    return Math.min(Math.log1p(t) / LN_121, 1.0);
  }

  static double volatilityAdaptive(double t, double vol) {
    return 1.0 - Math.exp(-t / (30.0 * (1.0 + vol)));
  }
}
