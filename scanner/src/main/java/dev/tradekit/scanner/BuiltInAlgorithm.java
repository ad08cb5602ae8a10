package dev.tradekit.scanner;

import java.util.List;

/**
 * The built-in weight algorithms; their formulas are documented on {@link WeightAlgorithm}.
 *
 * <p>Besides {@link #weigh(ScoringInput)}, each can weigh from the eight factors as primitives
 * ({@link #weigh(double, double, double, double, double, double, double, double)}), which is what
 * the hot pool uses to re-score a sighted order without allocating; both paths run the same
 * arithmetic in the same order, so they give bit-identical weights.
 */
final class BuiltInAlgorithm implements WeightAlgorithm {
  private static final int CONSERVATIVE_KIND = 0;
  private static final int AGGRESSIVE_KIND = 1;
  private static final int HYBRID_KIND = 2;
  private static final int RECOMMENDED_KIND = 3;

  static final BuiltInAlgorithm CONSERVATIVE =
      new BuiltInAlgorithm("conservative", CONSERVATIVE_KIND);

  static final BuiltInAlgorithm AGGRESSIVE = new BuiltInAlgorithm("aggressive", AGGRESSIVE_KIND);

  static final BuiltInAlgorithm HYBRID = new BuiltInAlgorithm("hybrid", HYBRID_KIND);

  static final BuiltInAlgorithm RECOMMENDED = new BuiltInAlgorithm("recommended", RECOMMENDED_KIND);

  /** Every built-in, in the order feed messages list them. */
  static final List<WeightAlgorithm> ALL = List.of(CONSERVATIVE, AGGRESSIVE, HYBRID, RECOMMENDED);

  private final String name;
  private final int kind;

  private BuiltInAlgorithm(String name, int kind) {
    this.name = name;
    this.kind = kind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double weigh(ScoringInput in) {
    TimeFactors t = in.time();
    return weigh(
        t.linear(),
        t.exponential(),
        t.logarithmic(),
        t.volatilityAdaptive(),
        in.sizeFactor(),
        in.analytics().proximityFactor(),
        in.roundFactor(),
        in.context().contextFactor());
  }

  /**
   * The weight from the time factors, the size factor {@code s}, the proximity {@code p}, the
   * round-level flag {@code r} and the context factor {@code c}.
   */
  double weigh(
      double linear,
      double exponential,
      double logarithmic,
      double volatilityAdaptive,
      double s,
      double p,
      double r,
      double c) {
    return switch (kind) {
      case CONSERVATIVE_KIND -> conservative(linear, s, p, r, c);
      case AGGRESSIVE_KIND -> aggressive(exponential, s, p, r, c);
      case HYBRID_KIND -> hybrid(logarithmic, volatilityAdaptive, s, p, r, c);
      default ->
          (conservative(linear, s, p, r, c)
                  + aggressive(exponential, s, p, r, c)
                  + hybrid(logarithmic, volatilityAdaptive, s, p, r, c))
              / 3.0;
    };
  }

  private static double conservative(double linear, double s, double p, double r, double c) {
    return 0.40 * linear + rest(s, p, r, c, 0.25, 0.15, 0.10, 0.10);
  }

  private static double aggressive(double exponential, double s, double p, double r, double c) {
    return 0.20 * exponential + rest(s, p, r, c, 0.30, 0.25, 0.10, 0.15);
  }

  private static double hybrid(
      double logarithmic, double volatilityAdaptive, double s, double p, double r, double c) {
    return 0.30 * (logarithmic + volatilityAdaptive) / 2.0
        + rest(s, p, r, c, 0.25, 0.20, 0.10, 0.15);
  }

  @Override
  public String toString() {
    return "WeightAlgorithm[" + name + "]";
  }

  /** The size, proximity, round-level and context terms with their weights. */
  private static double rest(
      double s,
      double p,
      double r,
      double c,
      double size,
      double proximity,
      double round,
      double ctx) {
    return size * s + proximity * p + round * r + ctx * c;
  }
}
