package dev.tradekit.backtest.data;

import dev.tradekit.api.book.TickScale;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Factories for the {@link MarketDataSource}s of this package.
 *
 * <p>Recordings need a {@link TickScale} per symbol to turn decimal prices into ticks; a price off
 * the tick grid is rounded to the nearest tick.
 *
 * <pre>{@code
 * Map<String, TickScale> scales = Map.of("BTCUSDT", TickScale.of(new BigDecimal("0.1")));
 * try (MarketDataSource all = MarketDataSources.merge(
 *     MarketDataSources.binanceRecording(Path.of("btcusdt_20240808.gz"), scales),
 *     MarketDataSources.aggTradesCsv(Path.of("BTCUSDT-aggTrades-2024-08-08.zip"), "BTCUSDT",
 *         scales.get("BTCUSDT")))) {
 *   MarketEvent e = new MarketEvent();
 *   while (all.next(e)) {
 *     replay(e);
 *   }
 * }
 * }</pre>
 */
public final class MarketDataSources {

  private MarketDataSources() {}

  /**
   * Reads an hftbacktest raw Binance recording: lines {@code <local ns> <json>} ({@code .gz} or
   * plain) holding combined-stream frames ({@code @depth}, {@code @bookTicker}, {@code @trade},
   * {@code @aggTrade}, {@code @kline_*}) and REST depth snapshot bodies. A snapshot names no
   * symbol: it gets the file's, from the name {@code <symbol>_…} or else the only key of {@code
   * scales}. Frames of other streams are skipped.
   *
   * @param file the recording
   * @param scales tick scale per symbol (keys ignore case); every symbol in the file needs one
   * @throws IllegalArgumentException if the file's symbol has no scale
   * @throws java.io.UncheckedIOException if the file cannot be opened
   */
  public static MarketDataSource binanceRecording(Path file, Map<String, TickScale> scales) {
    Objects.requireNonNull(file, "file");
    return new BinanceRecordingReader(file, new SymbolScales(scales));
  }

  /**
   * Reads a cryptofeed recording directory ({@code BINANCE_FUTURES.http.0.0} and {@code
   * BINANCE_FUTURES.ws.1.0}): its REST depth snapshots first, then the websocket frames in the
   * order they were received.
   *
   * @param dir the directory holding both files
   * @param scales tick scale per symbol (keys ignore case); every symbol in the files needs one
   * @throws IllegalArgumentException if a file is missing
   */
  public static MarketDataSource cryptofeedRecording(Path dir, Map<String, TickScale> scales) {
    Objects.requireNonNull(dir, "dir");
    return new CryptofeedRecordingReader(dir, new SymbolScales(scales));
  }

  /**
   * Reads a data.binance.vision klines CSV ({@code .csv}, or a {@code .zip} holding one) as {@link
   * MarketEvent.Type#BAR}s, with or without the header row. A bar's event time is its close time
   * (when it became known). The source is a {@link BarSource}: a bar-mode replay reads it a block
   * of bars at a time, without an event per bar.
   */
  public static MarketDataSource klinesCsv(Path csvOrZip, String symbol, TickScale scale) {
    return new KlinesCsvSource(csv(csvOrZip, BinanceCsvReader.Layout.KLINES, symbol, scale));
  }

  /**
   * Reads a data.binance.vision aggTrades CSV ({@code .csv} or {@code .zip}) as {@link
   * MarketEvent.Type#TRADE}s whose trade id is the aggregate trade id.
   */
  public static MarketDataSource aggTradesCsv(Path csvOrZip, String symbol, TickScale scale) {
    return csv(csvOrZip, BinanceCsvReader.Layout.AGG_TRADES, symbol, scale);
  }

  /** Reads a data.binance.vision trades CSV ({@code .csv} or {@code .zip}) as trades. */
  public static MarketDataSource tradesCsv(Path csvOrZip, String symbol, TickScale scale) {
    return csv(csvOrZip, BinanceCsvReader.Layout.TRADES, symbol, scale);
  }

  /** A seeded synthetic market; see {@link SyntheticMarket}. */
  public static MarketDataSource synthetic(SyntheticMarket.Config config) {
    return new SyntheticMarket(config);
  }

  /**
   * Replays events held in memory, in list order, lending each one ({@link
   * MarketDataSource#nextEvent}) rather than copying it: a replay of pre-decoded data pays no copy
   * per event. Neither the list (when it is indexable, as an {@code ArrayList}) nor its events are
   * copied: they must not change while the source is read. A null element is refused. {@link
   * MarketDataSource#next} copies as usual.
   *
   * <pre>{@code
   * List<MarketEvent> decoded = ...; // e.copyOf() of each event read once from a recording
   * new MarketReplay(MarketDataSources.inMemory(decoded), venue).runToEnd();
   * }</pre>
   *
   * @throws NullPointerException if the list or one of its events is null
   */
  public static MarketDataSource inMemory(List<MarketEvent> events) {
    return new InMemorySource(Objects.requireNonNull(events, "events"));
  }

  /**
   * Merges sources into one stream ordered by event time; ties keep the order of the arguments
   * (then each source's own order). Holds one buffered event per source; closing the merge closes
   * every source.
   *
   * @throws IllegalArgumentException if no source is given
   */
  public static MarketDataSource merge(MarketDataSource... sources) {
    Objects.requireNonNull(sources, "sources");
    if (sources.length == 0) {
      throw new IllegalArgumentException("merge needs at least one source");
    }
    for (int i = 0; i < sources.length; i++) {
      Objects.requireNonNull(sources[i], "sources[" + i + "]");
    }
    return new MergedSource(sources);
  }

  private static BinanceCsvReader csv(
      Path file, BinanceCsvReader.Layout layout, String symbol, TickScale scale) {
    Objects.requireNonNull(file, "csvOrZip");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(scale, "scale");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    return new BinanceCsvReader(file, layout, symbol, scale);
  }
}
