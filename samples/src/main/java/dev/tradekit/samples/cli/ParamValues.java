package dev.tradekit.samples.cli;

import dev.tradekit.server.BacktestSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code --param name=value} options: one number for {@code backtest} (checked by {@link
 * BacktestSpec}); for {@code optimize} also a grid range {@code start:end:step} (inclusive) or a
 * list {@code a,b,c}. Ranges are stepped in decimal, so {@code 0.0001:0.0005:0.0001} gives exactly
 * five values.
 */
final class ParamValues {
  /** More runs than this is almost certainly a typo in a range. */
  static final int MAX_VALUES = 1000;

  private ParamValues() {}

  /** One number per parameter; names and ranges are left to the caller. */
  static Map<String, Double> numbers(Map<String, String> params) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : params.entrySet()) {
      String name = p.getKey().trim();
      String text = p.getValue().trim();
      if (text.contains(":") || text.contains(",")) {
        throw new UserError(
            "--param "
                + name
                + "="
                + text
                + " is a range: backtest takes one value; use 'tradekit optimize' to search ranges");
      }
      out.put(name, number(name, text));
    }
    return out;
  }

  /** The values of every parameter, in the order given; each value checked. */
  static Map<String, double[]> ranges(String strategy, Map<String, String> params) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : params.entrySet()) {
      String name = p.getKey().trim();
      try {
        BacktestSpec.checkName(strategy, name);
      } catch (BacktestSpec.Invalid e) {
        throw DataOptions.userError(e, null);
      }
      double[] values = range(name, p.getValue().trim());
      for (double v : values) {
        try {
          BacktestSpec.check(strategy, name, v);
        } catch (BacktestSpec.Invalid e) {
          throw DataOptions.userError(e, DataOptions.plain(v));
        }
      }
      out.put(name, values);
    }
    return out;
  }

  /**
   * Parses one range.
   *
   * @throws UserError saying what a range looks like
   */
  static double[] range(String name, String text) {
    List<BigDecimal> values = new ArrayList<>();
    if (text.contains(":")) {
      String[] parts = text.split(":", -1);
      if (parts.length != 3) {
        throw badRange(name, text, "a range is start:end:step");
      }
      BigDecimal start = decimal(name, parts[0], text);
      BigDecimal end = decimal(name, parts[1], text);
      BigDecimal step = decimal(name, parts[2], text);
      if (step.signum() <= 0) {
        throw badRange(name, text, "the step must be > 0");
      }
      if (end.compareTo(start) < 0) {
        throw badRange(name, text, "the end is below the start");
      }
      for (BigDecimal v = start; v.compareTo(end) <= 0; v = v.add(step)) {
        values.add(v);
        if (values.size() > MAX_VALUES) {
          throw badRange(name, text, "more than " + MAX_VALUES + " values; use a larger step");
        }
      }
    } else {
      for (String part : text.split(",", -1)) {
        values.add(decimal(name, part, text));
      }
    }
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).doubleValue();
    }
    return out;
  }

  private static BigDecimal decimal(String name, String part, String text) {
    try {
      return new BigDecimal(part.trim());
    } catch (NumberFormatException e) {
      throw badRange(name, text, "'" + part.trim() + "' is not a number");
    }
  }

  private static double number(String name, String text) {
    try {
      return new BigDecimal(text).doubleValue();
    } catch (NumberFormatException e) {
      throw new UserError(
          "--param " + name + "=" + text + " is not a number: e.g. --param " + name + "=0.0003");
    }
  }

  private static UserError badRange(String name, String text, String why) {
    return new UserError(
        "bad --param "
            + name
            + "="
            + text
            + ": "
            + why
            + " (e.g. --param "
            + name
            + "=0.0001:0.0005:0.0001 or =1,2,3)");
  }
}
