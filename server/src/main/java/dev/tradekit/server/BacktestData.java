package dev.tradekit.server;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The market data a {@link BacktestSpec} runs on: the symbol with its filters, and either the
 * synthetic market (length and seed) or a recorded file in one of {@link BacktestSpec#FORMATS}.
 *
 * <pre>{@code
 * Supplier<MarketDataSource> source = data.source(); // a fresh source per call
 * }</pre>
 */
record BacktestData(
    String symbol,
    BigDecimal tick,
    BigDecimal step,
    @Nullable Path file,
    String format,
    int minutes,
    long seed) {

  /** What the data is, for a first line or a job name. */
  String describe() {
    Path f = file;
    return f == null
        ? minutes + " min of synthetic " + symbol + " (seed " + seed + ")"
        : f.getFileName() + " (" + format + ")";
  }

  /** The symbol's trading rules (min notional 5, like Binance's USDT-margined futures). */
  Instrument instrument() {
    return Instrument.builder()
        .symbol(symbol)
        .baseAsset(
            symbol.endsWith("USDT") && symbol.length() > 4
                ? symbol.substring(0, symbol.length() - 4)
                : symbol)
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
    Path f = file;
    TickScale scale = TickScale.of(tick);
    if (f == null) {
      SyntheticMarket.Config config =
          SyntheticMarket.Config.builder()
              .symbol(symbol)
              .tickSize(tick)
              .lotSize(step.toPlainString())
              .startTimeMillis(BacktestSpec.SYNTHETIC_START)
              .duration(Duration.ofMinutes(minutes))
              .dailyVolatility(0.08)
              .tradeRatePerSecond(8)
              .seed(seed)
              .build();
      return () -> MarketDataSources.synthetic(config);
    }
    return switch (format) {
      case "klines" -> () -> MarketDataSources.klinesCsv(f, symbol, scale);
      case "trades" -> () -> MarketDataSources.tradesCsv(f, symbol, scale);
      case "aggtrades" -> () -> MarketDataSources.aggTradesCsv(f, symbol, scale);
      default -> () -> MarketDataSources.binanceRecording(f, Map.of(symbol, scale));
    };
  }

  /** The {@code data} object of a stored job request. */
  Map<String, Object> toMap() {
    Map<String, Object> d = new LinkedHashMap<>();
    Path f = file;
    d.put("source", f == null ? "synthetic" : "file");
    d.put("symbol", symbol);
    if (f == null) {
      d.put("minutes", minutes);
      d.put("seed", seed);
    } else {
      d.put("file", Objects.requireNonNull(f.getFileName()).toString());
      d.put("format", format);
    }
    return d;
  }
}
