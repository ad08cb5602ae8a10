package dev.tradekit.samples.cli;

import dev.tradekit.backtest.Metrics;
import dev.tradekit.backtest.optimize.GridSearch;
import dev.tradekit.server.BacktestSpec;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradekit optimize}: a grid search of market-maker parameters, ranked by one metric. */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    description = {
      "Backtests every combination of the parameter ranges (--param spread=0.0001:0.0005:0.0001)",
      "in parallel and prints the runs ranked by --metric, best first. A progress bar runs on",
      "stderr."
    })
final class OptimizeCommand implements Callable<Integer> {
  /** More runs than this would take hours: almost certainly a typo in a range. */
  static final int MAX_RUNS = 10_000;

  @Spec @Nullable CommandSpec spec;

  @Mixin DataOptions data = new DataOptions();

  @Option(
      names = "--strategy",
      defaultValue = "fixed-spread",
      description = "Strategy: fixed-spread, inventory-skew. Default: ${DEFAULT-VALUE}.")
  String strategy = "fixed-spread";

  @Option(
      names = "--param",
      required = true,
      description = {
        "A parameter and its values (repeatable): name=start:end:step, name=a,b,c or name=value.",
        "Names: spread, amount, levels, levelSpread, maxPosition, leverage, skew."
      })
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--metric",
      defaultValue = "totalReturn",
      description = {
        "Metric to rank by (see docs/metrics.md); lower is better only for maxDrawdown*.",
        "Default: ${DEFAULT-VALUE}."
      })
  String metric = "totalReturn";

  @Option(
      names = "--top",
      defaultValue = "10",
      description = "Rows of the table to print. Default: ${DEFAULT-VALUE}.")
  int top = 10;

  @Option(names = "--threads", description = "Runs in parallel (default: the number of cores).")
  @Nullable Integer threads;

  @Override
  public Integer call() throws Exception {
    CommandSpec s = Objects.requireNonNull(spec, "spec");
    PrintWriter out = s.commandLine().getOut();
    BacktestSpec spec = data.spec(strategy, Map.of(), "1m", new BigDecimal("10000"));
    if (BacktestSpec.isBarStrategy(spec.strategy())) {
      throw new UserError(
          "optimize searches market makers: use --strategy fixed-spread or inventory-skew");
    }
    Set<String> metrics = metricNames();
    if (!metrics.contains(metric)) {
      throw new UserError(
          "unknown metric '" + metric + "': use one of " + String.join(", ", metrics));
    }
    if (top < 1) {
      throw new UserError("--top must be at least 1, was " + top);
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1) {
      throw new UserError("--threads must be at least 1, was " + workers);
    }
    Map<String, double[]> ranges = ParamValues.ranges(spec.strategy(), params);
    long runs = 1;
    for (double[] v : ranges.values()) {
      runs *= v.length;
      if (runs > MAX_RUNS) {
        throw new UserError(
            "the ranges make more than " + MAX_RUNS + " runs: use larger steps or fewer values");
      }
    }
    data.countEvents(spec); // fails fast on unreadable data, before the pool starts
    out.printf(
        "optimize %s on %s: %d runs on %d threads, ranked by %s%n",
        strategy, data.describe(spec), runs, workers, metric);
    out.flush();
    GridSearch grid =
        new GridSearch(ranges, p -> spec.backtest(p, spec.source()), BacktestSpec.ACCOUNT, metric);
    ProgressBar bar = new ProgressBar(s.commandLine().getErr(), "runs", System.console() != null);
    List<GridSearch.Row> rows = grid.run(workers, bar::update);
    bar.finish();
    printTable(out, new ArrayList<>(ranges.keySet()), rows, metric, top);
    return 0;
  }

  /** The names {@link Metrics#asMap()} knows, in its order. */
  static Set<String> metricNames() {
    return Metrics.compute(new long[] {0}, new double[] {1}, 1, new double[0], 0, 0, 0)
        .asMap()
        .keySet();
  }

  static void printTable(
      PrintWriter out, List<String> names, List<GridSearch.Row> rows, String metric, int top) {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%4s", "rank"));
    for (String n : names) {
      head.append(String.format(Locale.ROOT, " %12s", n));
    }
    head.append(
        String.format(Locale.ROOT, " %14s %12s %12s %8s", metric, "return %", "max DD %", "trips"));
    out.println(head);
    for (int i = 0; i < Math.min(top, rows.size()); i++) {
      GridSearch.Row r = rows.get(i);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4d", i + 1));
      for (String n : names) {
        line.append(String.format(Locale.ROOT, " %12s", plain(r.params().get(n))));
      }
      Metrics m = r.metrics();
      line.append(
          String.format(
              Locale.ROOT,
              " %14.6g %12.4f %12.4f %8d",
              r.score(),
              100 * m.totalReturn(),
              100 * m.maxDrawdown(),
              m.roundTrips()));
      out.println(line);
    }
    if (rows.size() > top) {
      out.printf("(%d more runs; --top shows more)%n", rows.size() - top);
    }
    out.flush();
  }

  private static String plain(@Nullable Double v) {
    return v == null ? "-" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
