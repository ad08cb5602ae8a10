package dev.tradekit.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategies a {@link BacktestSpec} knows and their parameters: each one's defaults and the
 * range checks that name a bad value the way the HTTP API does ({@code params.spread}).
 *
 * <pre>{@code
 * double spread = BacktestParams.check("fixed-spread", "spread", 0.0005);
 * }</pre>
 */
final class BacktestParams {
  private static final Map<String, Double> MM_DEFAULTS = mmDefaults();
  private static final Map<String, Double> BAR_DEFAULTS = barDefaults();

  private BacktestParams() {}

  static boolean isBarStrategy(String strategy) {
    return BacktestSpec.BAR_STRATEGIES.contains(strategy);
  }

  static Map<String, Double> defaults(String strategy) {
    checkStrategy(strategy);
    return isBarStrategy(strategy) ? BAR_DEFAULTS : MM_DEFAULTS;
  }

  static String checkStrategy(String strategy) {
    if (!BacktestSpec.STRATEGIES.contains(strategy)) {
      throw new BacktestSpec.Invalid(
          "strategy", "must be one of " + String.join(", ", BacktestSpec.STRATEGIES));
    }
    return strategy;
  }

  static double check(String strategy, String name, double value) {
    checkName(strategy, name);
    if (!Double.isFinite(value)) {
      throw new BacktestSpec.Invalid("params." + name, "must be a finite number");
    }
    if (isBarStrategy(strategy)) {
      return value;
    }
    boolean whole = name.equals("levels") || name.equals("leverage");
    boolean ok =
        (name.equals("levelSpread") ? value >= 0 : value > 0)
            && (!whole || value >= 1 && value <= 125 && value == Math.rint(value))
            && (!name.equals("spread") || value < 1);
    if (!ok) {
      String must =
          whole
              ? "a whole number from 1 to 125"
              : name.equals("spread")
                  ? "a fraction of the mid in (0, 1)"
                  : name.equals("levelSpread") ? "a number >= 0" : "a number > 0";
      throw new BacktestSpec.Invalid("params." + name, "must be " + must);
    }
    return value;
  }

  static void checkName(String strategy, String name) {
    Map<String, Double> d = defaults(strategy);
    if (!d.containsKey(name)) {
      throw new BacktestSpec.Invalid(
          "params." + name,
          "is not a parameter of " + strategy + ": use " + String.join(", ", d.keySet()));
    }
  }

  private static Map<String, Double> mmDefaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("spread", 0.0002);
    d.put("amount", 0.002);
    d.put("levels", 1.0);
    d.put("levelSpread", 0.0002);
    d.put("maxPosition", 0.05);
    d.put("leverage", 5.0);
    d.put("skew", 2.0);
    return Collections.unmodifiableMap(d);
  }

  private static Map<String, Double> barDefaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("fast", 50.0);
    d.put("slow", 200.0);
    d.put("period", 14.0);
    d.put("lower", 30.0);
    d.put("upper", 70.0);
    d.put("quantity", 0.01);
    d.put("stopLoss", 0.0);
    d.put("takeProfit", 0.0);
    d.put("trailingStop", 0.0);
    return Collections.unmodifiableMap(d);
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
