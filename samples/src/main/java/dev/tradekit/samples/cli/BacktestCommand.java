package dev.tradekit.samples.cli;

import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.Metrics;
import dev.tradekit.backtest.report.HtmlReport;
import dev.tradekit.backtest.report.JsonReport;
import dev.tradekit.server.BacktestSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradekit backtest}: a market maker or a bar strategy over market data, in virtual time,
 * with a report.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Backtests a market maker over a data file or the synthetic market and writes a report",
      "(HTML, or JSON when --report ends in .json). A progress bar runs on stderr."
    })
final class BacktestCommand implements Callable<Integer> {
  /** The account the backtested bot trades on. */
  static final String ACCOUNT = BacktestSpec.ACCOUNT;

  @Spec @Nullable CommandSpec spec;

  @Mixin DataOptions data = new DataOptions();

  @Option(
      names = "--strategy",
      defaultValue = "fixed-spread",
      description = {
        "Strategy: fixed-spread, inventory-skew (market makers) or sma-cross, rsi,",
        "ta4j-sma-cross, ta4j-rsi (bar strategies, see --interval). Default: ${DEFAULT-VALUE}."
      })
  String strategy = "fixed-spread";

  @Option(
      names = "--param",
      description = {
        "A strategy parameter, name=value (repeatable): spread, amount, levels, levelSpread,",
        "maxPosition, leverage, skew; for bar strategies fast, slow, period, lower, upper,",
        "quantity, stopLoss, takeProfit, trailingStop."
      })
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--interval",
      defaultValue = "1m",
      description = "Bar length of a bar strategy (1m, 5m, 1h …). Default: ${DEFAULT-VALUE}.")
  String interval = "1m";

  @Option(
      names = "--balance",
      defaultValue = "10000",
      description = "Starting USDT balance. Default: ${DEFAULT-VALUE}.")
  BigDecimal balance = new BigDecimal("10000");

  @Option(
      names = "--report",
      defaultValue = "target/tradekit-backtest.html",
      description = "Report file (.html or .json). Default: ${DEFAULT-VALUE}.")
  Path report = Path.of("target/tradekit-backtest.html");

  @Override
  public Integer call() throws Exception {
    CommandSpec s = Objects.requireNonNull(spec, "spec");
    PrintWriter out = s.commandLine().getOut();
    BacktestSpec spec = data.spec(strategy, ParamValues.numbers(params), interval, balance);
    checkWritable(report);
    out.printf("backtest %s on %s%n", spec.describeStrategy(), data.describe(spec));
    out.flush();
    long total = data.countEvents(spec);
    ProgressBar bar = new ProgressBar(s.commandLine().getErr(), "events", System.console() != null);
    Backtest backtest =
        spec.backtest(spec.params(), () -> new ProgressSource(spec.source().get(), bar, total));
    BacktestResult result = backtest.run(); // the data was read once already: failures are bugs
    bar.finish();
    write(result, report);
    print(out, result.account(ACCOUNT), result.events());
    out.printf("report     %s%n", report.toAbsolutePath());
    out.flush();
    return 0;
  }

  /** Fails before a long run if the report cannot be written where asked. */
  static void checkWritable(Path file) {
    Path p = file.toAbsolutePath();
    if (Files.isDirectory(p)) {
      throw new UserError("--report " + file + " is a folder: pass a file name such as r.html");
    }
    Path ancestor = p.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor != null && (!Files.isDirectory(ancestor) || !Files.isWritable(ancestor))) {
      throw new UserError(
          "cannot write the report "
              + file
              + ": "
              + ancestor
              + " is not a writable folder; pass --report with a writable path");
    }
  }

  static void write(BacktestResult result, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
        Files.writeString(file, JsonReport.toJson(result), StandardCharsets.UTF_8);
      } else {
        HtmlReport.write(result, file);
      }
    } catch (IOException e) {
      throw new UserError(
          "cannot write the report "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "): pass --report with a writable path",
          UserError.CONFIG,
          e);
    }
  }

  private static void print(PrintWriter out, AccountResult a, long events) {
    Metrics m = a.metrics();
    out.printf(Locale.ROOT, "events     %d%n", events);
    out.printf(
        Locale.ROOT,
        "orders     %d sent, %d fills, %d round trips%n",
        a.ordersSent(),
        a.fills().size(),
        m.roundTrips());
    out.printf(
        Locale.ROOT,
        "return     %.4f%%  max drawdown %.4f%%  fees %.2f USDT%n",
        100 * m.totalReturn(),
        100 * m.maxDrawdown(),
        a.fees());
  }
}
