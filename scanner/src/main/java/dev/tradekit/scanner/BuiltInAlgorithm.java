package dev.tradekit.scanner;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The built-in weight algorithms; their formulas are documented on {@link WeightAlgorithm}. */
final class BuiltInAlgorithm implements WeightAlgorithm {

  static final BuiltInAlgorithm CONSERVATIVE =
      new BuiltInAlgorithm(
          "conservative", in -> 0.40 * in.time().linear() + rest(in, 0.25, 0.15, 0.10, 0.10));

  static final BuiltInAlgorithm AGGRESSIVE =
      new BuiltInAlgorithm(
          "aggressive", in -> 0.20 * in.time().exponential() + rest(in, 0.30, 0.25, 0.10, 0.15));

  static final BuiltInAlgorithm HYBRID =
      new BuiltInAlgorithm(
          "hybrid",
          in ->
              0.30 * (in.time().logarithmic() + in.time().volatilityAdaptive()) / 2.0
                  + rest(in, 0.25, 0.20, 0.10, 0.15));

  static final BuiltInAlgorithm RECOMMENDED =
      new BuiltInAlgorithm(
          "recommended",
          in -> (CONSERVATIVE.weigh(in) + AGGRESSIVE.weigh(in) + HYBRID.weigh(in)) / 3.0);

  /** Every built-in, in the order feed messages list them. */
  static final List<WeightAlgorithm> ALL = List.of(CONSERVATIVE, AGGRESSIVE, HYBRID, RECOMMENDED);

  private final String name;
  private final ToDoubleFunction<ScoringInput> formula;

  private BuiltInAlgorithm(String name, ToDoubleFunction<ScoringInput> formula) {
    this.name = name;
    this.formula = formula;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double weigh(ScoringInput input) {
    return formula.applyAsDouble(input);
  }

  @Override
  public String toString() {
    return "WeightAlgorithm[" + name + "]";
  }

  /** The size, proximity, round-level and context terms with their weights. */
  private static double rest(
      ScoringInput in, double size, double proximity, double round, double ctx) {
    return size * in.sizeFactor()
        + proximity * in.analytics().proximityFactor()
        + round * in.roundFactor()
        + ctx * in.context().contextFactor();
  }
}
