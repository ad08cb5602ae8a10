package dev.tradekit.server;

import dev.tradekit.backtest.Metrics;
import dev.tradekit.backtest.optimize.GridSearch;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated backtest or grid-search request, as {@code POST /api/backtests} takes it: the JSON
 * front of {@link BacktestSpec} (which {@code tradekit backtest} builds from its options), plus the
 * job's name and, for a grid search, the grid and the metric ranking it. Data files are named
 * inside the configured data folder (never an arbitrary path). Every failure is a 400 naming the
 * field.
 */
final class JobSpec {
  /** More grid runs than this would take hours: almost certainly a typo in a range. */
  static final int MAX_RUNS = 500;

  static final Set<String> METRICS =
      Metrics.compute(new long[] {0}, new double[] {1}, 1, new double[0], 0, 0, 0).asMap().keySet();

  final String kind;
  final String name;
  final BacktestSpec backtest;
  final Map<String, double[]> grid;
  final String metric;

  private JobSpec(Fields f, Path dataFolder) {
    f.only("name", "strategy", "params", "grid", "metric", "interval", "balance", "data");
    String strategy = f.oneOf("strategy", BacktestSpec.STRATEGIES.toArray(String[]::new));
    Set<String> names = BacktestSpec.defaults(strategy).keySet();
    BacktestSpec.Builder b = BacktestSpec.builder().strategy(strategy);
    if (f.has("params")) {
      Fields p = f.object("params");
      p.only(names.toArray(String[]::new));
      for (String k : names) {
        if (p.has(k)) {
          b.param(k, p.number(k, -1e12, 1e12));
        }
      }
    }
    this.grid = new LinkedHashMap<>();
    if (f.has("grid")) {
      Fields g = f.object("grid");
      g.only(names.toArray(String[]::new));
      long runs = 1;
      for (String k : names) {
        if (g.has(k)) {
          double[] values = numbers(g, k);
          grid.put(k, values);
          runs *= values.length;
          if (runs > MAX_RUNS) {
            throw ApiException.invalid(
                "grid", "makes more than " + MAX_RUNS + " runs: use fewer values");
          }
        }
      }
      if (grid.isEmpty()) {
        throw ApiException.invalid("grid", "must name at least one parameter with its values");
      }
    }
    this.kind = grid.isEmpty() ? "backtest" : "grid";
    this.metric =
        f.has("metric") ? f.oneOf("metric", METRICS.toArray(String[]::new)) : "totalReturn";
    if (f.has("metric") && grid.isEmpty()) {
      throw ApiException.invalid("metric", "ranks grid runs: give it with a grid only");
    }
    if (f.has("interval")) {
      b.interval(f.string("interval", 10));
    }
    if (f.has("balance")) {
      b.balance(f.positiveDecimal("balance", new BigDecimal("1000000000")));
    }
    data(f, b, dataFolder);
    this.backtest = checked(b);
    String label = f.optString("name", 100);
    this.name = label != null ? label : strategy + " on " + backtest.describeData();
    // every combination must be valid, not only the first
    for (Map<String, Double> combination : combinations()) {
      try {
        backtest.withParams(combination);
      } catch (BacktestSpec.Invalid e) {
        throw ApiException.invalid(gridField(e.field()), e.rule());
      }
    }
  }

  private static BacktestSpec checked(BacktestSpec.Builder b) {
    try {
      return b.build();
    } catch (BacktestSpec.Invalid e) {
      throw ApiException.invalid(e.field(), e.rule());
    }
  }

  /** {@code params.x} is {@code grid.x} when the grid varies x ({@code grid} for a whole set). */
  private String gridField(String field) {
    if (grid.isEmpty()) {
      return field;
    }
    if (field.equals("params")) {
      return "grid";
    }
    String k = field.startsWith("params.") ? field.substring("params.".length()) : "";
    return grid.containsKey(k) ? "grid." + k : field;
  }

  private static void data(Fields f, BacktestSpec.Builder b, Path dataFolder) {
    Fields d =
        f.has("data") ? f.object("data") : Fields.of(Map.<String, Object>of("source", "synthetic"));
    String source = d.has("source") ? d.oneOf("source", "synthetic", "file") : "synthetic";
    d.only(
        source.equals("synthetic")
            ? new String[] {"source", "symbol", "tick", "step", "minutes", "seed"}
            : new String[] {"source", "symbol", "tick", "step", "file", "format"});
    if (d.has("symbol")) {
      b.symbol(d.symbol("symbol"));
    }
    b.filters(
        d.has("tick") ? d.positiveDecimal("tick", new BigDecimal("1000")) : new BigDecimal("0.1"),
        d.has("step")
            ? d.positiveDecimal("step", new BigDecimal("1000"))
            : new BigDecimal("0.001"));
    if (source.equals("synthetic")) {
      b.synthetic(
          d.has("minutes") ? d.integer("minutes", 1, BacktestSpec.MAX_MINUTES) : 30,
          d.has("seed") ? d.integer("seed", 0, Integer.MAX_VALUE) : 42);
    } else {
      b.file(
          dataFile(d, dataFolder),
          d.has("format")
              ? d.oneOf("format", BacktestSpec.FORMATS.toArray(String[]::new))
              : "recording");
    }
  }

  /**
   * Validates a request body.
   *
   * @throws ApiException a 400 naming the field
   */
  static JobSpec parse(Map<String, Object> body, Path dataFolder) {
    return new JobSpec(Fields.of(body), dataFolder);
  }

  private static double[] numbers(Fields g, String k) {
    Object v = g.raw(k);
    if (!(v instanceof List<?> l) || l.isEmpty() || l.size() > 100) {
      throw ApiException.invalid(g.path(k), "must be a list of 1 to 100 numbers");
    }
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(l.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw ApiException.invalid(g.path(k), "must be a list of 1 to 100 numbers");
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  /** The file by name inside the data folder: no absolute path, no {@code ..}, no link out. */
  private static Path dataFile(Fields d, Path folder) {
    String name = d.string("file", 255);
    String mustBe = "must name a file in the server's data folder (e.g. btcusdt-1m.csv)";
    if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
      throw ApiException.invalid("data.file", mustBe);
    }
    try {
      Path root = folder.toRealPath();
      Path p = root.resolve(name).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        throw ApiException.invalid("data.file", mustBe);
      }
      Path real = p.toRealPath();
      if (!real.startsWith(root)) {
        throw ApiException.invalid("data.file", mustBe);
      }
      return real;
    } catch (IOException e) {
      throw ApiException.invalid("data.file", mustBe);
    }
  }

  /** Every parameter combination the job runs (one for a plain backtest), defaults filled in. */
  List<Map<String, Double>> combinations() {
    if (grid.isEmpty()) {
      return List.of(new LinkedHashMap<>(backtest.params()));
    }
    List<Map<String, Double>> out = new ArrayList<>();
    for (Map<String, Double> p :
        new GridSearch(
                grid, x -> backtest.backtest(x, backtest.source()), BacktestSpec.ACCOUNT, metric)
            .combinations()) {
      Map<String, Double> m = new LinkedHashMap<>(backtest.params());
      m.putAll(p);
      out.add(m);
    }
    return out;
  }

  /** The request as stored with the job (defaults filled in). */
  Map<String, Object> toMap() {
    Map<String, Object> m = backtest.toMap();
    if (!grid.isEmpty()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("strategy", m.remove("strategy"));
      out.put("params", m.remove("params"));
      Map<String, List<Double>> g = new LinkedHashMap<>();
      grid.forEach(
          (k, v) -> {
            List<Double> l = new ArrayList<>();
            for (double x : v) {
              l.add(x);
            }
            g.put(k, l);
          });
      out.put("grid", g);
      out.put("metric", metric);
      out.putAll(m);
      return out;
    }
    return m;
  }
}
