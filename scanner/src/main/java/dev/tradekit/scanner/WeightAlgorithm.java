package dev.tradekit.scanner;

import java.util.Objects;

/**
 * Turns a {@link ScoringInput} into a weight; the scanner clamps the result to {@code [0, 1]} and
 * derives the {@link Category} from it. Implementations must be pure and fast: they run on the
 * scanner's scheduler for every update of every hot order.
 *
 * <p>The built-in algorithms are weighted sums of factors in {@code [0, 1]} whose weights add up to
 * 1. With {@code P} the {@linkplain OrderAnalytics#proximityFactor() proximity to the mid}, {@code
 * R} the {@linkplain ScoringInput#roundFactor() round-level flag}, {@code C} the {@linkplain
 * MarketContext#contextFactor() market context} and {@code S} the {@linkplain
 * ScoringInput#sizeFactor() size factor}:
 *
 * <ul>
 *   <li>{@link #conservative()}: {@code 0.40·linear + 0.25·S + 0.15·P + 0.10·R + 0.10·C} — trusts
 *       only orders that have lived long;
 *   <li>{@link #aggressive()}: {@code 0.20·exponential + 0.30·S + 0.25·P + 0.10·R + 0.15·C} —
 *       reacts to size and proximity;
 *   <li>{@link #hybrid()}: {@code 0.30·(logarithmic + volatilityAdaptive)/2 + 0.25·S + 0.20·P +
 *       0.10·R + 0.15·C};
 *   <li>{@link #recommended()}: the mean of the three.
 * </ul>
 *
 * <pre>{@code
 * WeightAlgorithm sizeOnly = WeightAlgorithm.of("size-only", in -> in.sizeFactor());
 * Scanner scanner = Scanner.builder().exchange(ex).scheduler(s).algorithm(sizeOnly).build();
 * }</pre>
 */
public interface WeightAlgorithm {

  /** A short name, used as the key of this algorithm's weight in feed messages. */
  String name();

  /** The weight of one order; values outside {@code [0, 1]} are clamped by the caller. */
  double weigh(ScoringInput input);

  /** A named algorithm from a function. */
  static WeightAlgorithm of(String name, java.util.function.ToDoubleFunction<ScoringInput> f) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(f, "f");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return new WeightAlgorithm() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double weigh(ScoringInput input) {
        return f.applyAsDouble(input);
      }

      @Override
      public String toString() {
        return "WeightAlgorithm[" + name + "]";
      }
    };
  }

  /** {@code 0.40·linear + 0.25·S + 0.15·P + 0.10·R + 0.10·C}, named {@code conservative}. */
  static WeightAlgorithm conservative() {
    return BuiltInAlgorithm.CONSERVATIVE;
  }

  /** {@code 0.20·exponential + 0.30·S + 0.25·P + 0.10·R + 0.15·C}, named {@code aggressive}. */
  static WeightAlgorithm aggressive() {
    return BuiltInAlgorithm.AGGRESSIVE;
  }

  /**
   * {@code 0.30·(logarithmic + volatilityAdaptive)/2 + 0.25·S + 0.20·P + 0.10·R + 0.15·C}, named
   * {@code hybrid}.
   */
  static WeightAlgorithm hybrid() {
    return BuiltInAlgorithm.HYBRID;
  }

  /** The mean of conservative, aggressive and hybrid, named {@code recommended}. */
  static WeightAlgorithm recommended() {
    return BuiltInAlgorithm.RECOMMENDED;
  }
}
