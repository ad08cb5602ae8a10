package dev.tradekit.samples.cli;

import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.server.BacktestSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The market data options of {@code backtest} and {@code optimize} (a file, or the synthetic
 * market), turned into the {@link BacktestSpec} the control plane's backtest jobs use too.
 */
final class DataOptions {
  /** The file formats {@code --data} reads. */
  enum Format {
    /** An hftbacktest raw Binance USD-M recording ({@code <ns> <json>} lines, .gz or plain). */
    recording,
    /** A data.binance.vision klines CSV (.csv or .zip). */
    klines,
    /** A data.binance.vision trades CSV (.csv or .zip). */
    trades,
    /** A data.binance.vision aggTrades CSV (.csv or .zip). */
    aggtrades
  }

  @Option(
      names = "--data",
      description = "Market data file (default: a synthetic market, see --minutes and --seed).")
  @Nullable Path data;

  @Option(
      names = "--format",
      defaultValue = "recording",
      description = "Format of --data: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Format format = Format.recording;

  @Option(
      names = "--symbol",
      defaultValue = "BTCUSDT",
      description = "Symbol traded. Default: ${DEFAULT-VALUE}.")
  String symbol = "BTCUSDT";

  @Option(
      names = "--tick",
      defaultValue = "0.1",
      description = "Tick size of the symbol. Default: ${DEFAULT-VALUE}.")
  BigDecimal tick = new BigDecimal("0.1");

  @Option(
      names = "--step",
      defaultValue = "0.001",
      description = "Quantity step of the symbol. Default: ${DEFAULT-VALUE}.")
  BigDecimal step = new BigDecimal("0.001");

  @Option(
      names = "--minutes",
      defaultValue = "30",
      description = "Length of the synthetic market in minutes. Default: ${DEFAULT-VALUE}.")
  int minutes = 30;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the synthetic market. Default: ${DEFAULT-VALUE}.")
  long seed = 42;

  /**
   * Checks the options and builds the backtest they describe with {@code strategy}.
   *
   * @throws UserError naming the bad option
   */
  BacktestSpec spec(
      String strategy, Map<String, Double> params, String interval, BigDecimal balance) {
    Path file = data;
    if (file != null && !Files.isRegularFile(file)) {
      throw new UserError(
          "--data " + file + " is not a file: pass a market data file or leave --data out");
    }
    try {
      BacktestSpec.Builder b =
          BacktestSpec.builder()
              .strategy(strategy)
              .params(params)
              .interval(interval)
              .balance(balance)
              .symbol(symbol)
              .filters(tick, step);
      if (file == null) {
        b.synthetic(minutes, seed);
      } else {
        b.file(file, format.name());
      }
      return b.build();
    } catch (BacktestSpec.Invalid e) {
      String f = e.field();
      Double v = f.startsWith("params.") ? params.get(f.substring("params.".length())) : null;
      String given =
          switch (f) {
            case "strategy" -> strategy;
            case "interval" -> interval;
            case "balance" -> balance.toPlainString();
            default -> v == null ? null : plain(v);
          };
      throw userError(e, given);
    }
  }

  /** A number as typed ({@code 1.5}, not {@code 1.50E0}). */
  static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * The spec's failure, named by the command line's option with the value given ({@code --param
   * levels=1.5: must be …}, {@code --strategy magic: must be one of …}).
   */
  static UserError userError(BacktestSpec.Invalid e, @Nullable String given) {
    String f = e.field();
    String option =
        f.startsWith("params.")
            ? "--param " + f.substring("params.".length())
            : f.startsWith("data.") ? "--" + f.substring("data.".length()) : "--" + f;
    if (f.equals("params")) {
      option = "--param";
    }
    String value = given == null ? "" : (f.startsWith("params.") ? "=" : " ") + given;
    return new UserError(option + value + ": " + e.rule());
  }

  /** What the data is, for the command's first line (the path as given). */
  String describe(BacktestSpec spec) {
    Path file = data;
    return file == null ? spec.describeData() : file + " (" + format + ")";
  }

  /**
   * Reads the data once and counts its events, so that a progress bar knows the total.
   *
   * @throws UserError if the file cannot be read in the chosen format or holds no event
   */
  long countEvents(BacktestSpec spec) {
    long n = 0;
    try (MarketDataSource source = spec.source().get()) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        n++;
      }
    } catch (RuntimeException e) {
      throw unreadable(spec, e);
    }
    if (n == 0) {
      throw new UserError("no market event in " + describe(spec) + ": check --data and --format");
    }
    return n;
  }

  /** Explains a failure to read the data. */
  UserError unreadable(BacktestSpec spec, RuntimeException e) {
    return new UserError(
        "cannot read "
            + describe(spec)
            + ": "
            + firstLine(e.getMessage())
            + "; check --format and --symbol (and --tick)",
        UserError.CONFIG,
        e);
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
