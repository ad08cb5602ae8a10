package dev.tradekit.backtest.optimize;

import dev.tradekit.backtest.Backtest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Sensitivity around an optimum: the metric as each parameter in turn takes a range of values while
 * every other parameter stays at its optimum. A flat curve means a robust optimum; a spike means an
 * over-fitted one.
 *
 * <pre>{@code
 * Map<String, List<Sensitivity.Point>> curves = Sensitivity.scan(
 *     Map.of("fast", 10.0, "slow", 50.0),
 *     Map.of("fast", Sensitivity.around(10, 2, 3), "slow", Sensitivity.around(50, 10, 3)),
 *     p -> backtestWith(p), "bot", "sharpe", 4);
 * }</pre>
 */
public final class Sensitivity {
  private Sensitivity() {}

  /**
   * The metric at one value of one parameter.
   *
   * @param parameter the parameter varied
   * @param value its value
   * @param score the metric there, every other parameter at the optimum
   */
  public record Point(String parameter, double value, double score) {}

  /**
   * {@code 2·count + 1} values {@code center + k·step} for {@code k = −count … count}.
   *
   * @throws IllegalArgumentException if {@code step} is not positive or {@code count} negative
   */
  public static double[] around(double center, double step, int count) {
    if (!(step > 0)) {
      throw new IllegalArgumentException("step must be > 0, was " + step);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    double[] out = new double[2 * count + 1];
    for (int k = -count; k <= count; k++) {
      out[k + count] = center + k * step;
    }
    return out;
  }

  /**
   * Scores each parameter's values with a plain function, in order, others at the optimum.
   *
   * @param optimum the value of every parameter at the optimum
   * @param values the values to try per parameter (each a key of {@code optimum})
   * @param score the metric of a full parameter map
   * @return per parameter of {@code values}, its points by ascending value
   */
  public static Map<String, List<Point>> scan(
      Map<String, Double> optimum,
      Map<String, double[]> values,
      ToDoubleFunction<Map<String, Double>> score) {
    Objects.requireNonNull(score, "score");
    check(optimum, values);
    Map<String, List<Point>> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      List<Point> points = new ArrayList<>();
      for (double v : e.getValue()) {
        Map<String, Double> p = new LinkedHashMap<>(optimum);
        p.put(e.getKey(), v);
        points.add(new Point(e.getKey(), v, score.applyAsDouble(p)));
      }
      points.sort(Comparator.comparingDouble(Point::value));
      out.put(e.getKey(), List.copyOf(points));
    }
    return out;
  }

  /**
   * Runs backtests for each parameter's values, others at the optimum, in parallel on {@code
   * threads} threads (one {@link GridSearch} per parameter).
   *
   * @param account the account whose metric is read
   * @param metric a name of {@link dev.tradekit.backtest.Metrics#asMap()}
   * @return per parameter of {@code values}, its points by ascending value
   */
  public static Map<String, List<Point>> scan(
      Map<String, Double> optimum,
      Map<String, double[]> values,
      Function<Map<String, Double>, Backtest> backtest,
      String account,
      String metric,
      int threads) {
    Objects.requireNonNull(backtest, "backtest");
    check(optimum, values);
    Map<String, List<Point>> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      Map<String, double[]> ranges = new LinkedHashMap<>();
      optimum.forEach(
          (k, v) -> ranges.put(k, k.equals(e.getKey()) ? e.getValue() : new double[] {v}));
      List<Point> points = new ArrayList<>();
      for (GridSearch.Row r :
          new GridSearch(ranges, backtest, account, metric).run(threads, (d, t) -> {})) {
        double v = Objects.requireNonNull(r.params().get(e.getKey()), "value");
        points.add(new Point(e.getKey(), v, r.score()));
      }
      points.sort(Comparator.comparingDouble(Point::value));
      out.put(e.getKey(), List.copyOf(points));
    }
    return out;
  }

  private static void check(Map<String, Double> optimum, Map<String, double[]> values) {
    Objects.requireNonNull(optimum, "optimum");
    Objects.requireNonNull(values, "values");
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      if (!optimum.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "values name parameter " + e.getKey() + " that is not in optimum " + optimum.keySet());
      }
      if (e.getValue().length == 0) {
        throw new IllegalArgumentException("values of " + e.getKey() + " are empty");
      }
    }
  }
}
