package dev.tradekit.samples.cli;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.data.SyntheticMarket;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The market data of {@code backtest} and {@code optimize}: a file, or the synthetic market. */
final class DataOptions {
  /** Start of the synthetic market (2024-01-01 UTC), fixed so that runs are repeatable. */
  static final long SYNTHETIC_START = 1_704_067_200_000L;

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
   * Checks the options before anything runs.
   *
   * @throws UserError naming the bad option
   */
  void validate() {
    Path file = data;
    if (file != null && !Files.isRegularFile(file)) {
      throw new UserError(
          "--data " + file + " is not a file: pass a market data file or leave --data out");
    }
    if (tick.signum() <= 0 || step.signum() <= 0) {
      throw new UserError("--tick and --step must be > 0, were " + tick + " and " + step);
    }
    if (minutes < 1) {
      throw new UserError("--minutes must be at least 1, was " + minutes);
    }
    if (symbol().isBlank()) {
      throw new UserError("--symbol is blank: pass e.g. --symbol BTCUSDT");
    }
  }

  String symbol() {
    return symbol.trim().toUpperCase(Locale.ROOT);
  }

  /** What the data is, for the command's first line. */
  String describe() {
    Path file = data;
    return file == null
        ? minutes + " min of synthetic " + symbol() + " (seed " + seed + ")"
        : file + " (" + format + ")";
  }

  /** The symbol's trading rules (min notional 5, like Binance's USDT-margined futures). */
  Instrument instrument() {
    String s = symbol();
    return Instrument.builder()
        .symbol(s)
        .baseAsset(s.endsWith("USDT") && s.length() > 4 ? s.substring(0, s.length() - 4) : s)
        .quoteAsset("USDT")
        .tickSize(tick)
        .minPrice(tick)
        .maxPrice(new BigDecimal("10000000"))
        .stepSize(step)
        .minQty(step)
        .maxQty(new BigDecimal("100000"))
        .minNotional(new BigDecimal("5"))
        .build();
  }

  /** Opens a fresh source each call (a backtest opens one per run). */
  Supplier<MarketDataSource> source() {
    Path file = data;
    String s = symbol();
    TickScale scale = TickScale.of(tick);
    if (file == null) {
      SyntheticMarket.Config config =
          SyntheticMarket.Config.builder()
              .symbol(s)
              .tickSize(tick)
              .lotSize(step.toPlainString())
              .startTimeMillis(SYNTHETIC_START)
              .duration(Duration.ofMinutes(minutes))
              .dailyVolatility(0.08)
              .tradeRatePerSecond(8)
              .seed(seed)
              .build();
      return () -> MarketDataSources.synthetic(config);
    }
    return switch (format) {
      case recording -> () -> MarketDataSources.binanceRecording(file, Map.of(s, scale));
      case klines -> () -> MarketDataSources.klinesCsv(file, s, scale);
      case trades -> () -> MarketDataSources.tradesCsv(file, s, scale);
      case aggtrades -> () -> MarketDataSources.aggTradesCsv(file, s, scale);
    };
  }

  /**
   * Reads the data once and counts its events, so that a progress bar knows the total.
   *
   * @throws UserError if the file cannot be read in the chosen format or holds no event
   */
  long countEvents() {
    long n = 0;
    try (MarketDataSource source = source().get()) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        n++;
      }
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
    if (n == 0) {
      throw new UserError("no market event in " + describe() + ": check --data and --format");
    }
    return n;
  }

  /** Explains a failure to read the data. */
  UserError unreadable(RuntimeException e) {
    return new UserError(
        "cannot read "
            + describe()
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
