package dev.tradekit.backtest.data;

import dev.tradekit.api.book.TickScale;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes one Binance USD-M JSON message at a time into a reusable {@link MarketEvent}, without
 * allocating: the parser the recording readers use, for callers that hold frames themselves (a
 * custom recorder, a socket of their own, a benchmark).
 *
 * <pre>{@code
 * BinanceFrameDecoder decoder =
 *     new BinanceFrameDecoder(Map.of("BTCUSDT", TickScale.of(new BigDecimal("0.1"))));
 * MarketEvent e = new MarketEvent();
 * if (decoder.decode(frameJson, e) && e.type() == MarketEvent.Type.DEPTH_UPDATE) { ... }
 * decoder.decodeSnapshot("BTCUSDT", restDepthReply, e); // a REST reply names no symbol
 * }</pre>
 *
 * <p>Not thread-safe: one decoder per thread.
 */
public final class BinanceFrameDecoder {
  private final SymbolScales scales;
  private final BinanceJsonParser parser;

  /**
   * A decoder for the symbols of {@code scales} (case-insensitive).
   *
   * @throws IllegalArgumentException if {@code scales} is empty or names a symbol twice
   */
  public BinanceFrameDecoder(Map<String, TickScale> scales) {
    this.scales = new SymbolScales(scales);
    this.parser = new BinanceJsonParser(this.scales);
  }

  /**
   * Decodes a combined-stream frame ({@code {"stream":..,"data":{..}}}) or a bare stream payload
   * (depth update, trade, aggregate trade, book ticker).
   *
   * <p>A REST depth reply names no symbol: with one symbol it is taken as that symbol's snapshot,
   * with several use {@link #decodeSnapshot}.
   *
   * @return true if {@code into} now holds an event; false for a message of another kind
   * @throws IllegalArgumentException for malformed JSON, a symbol this decoder has no scale for, or
   *     a REST depth reply when this decoder has several symbols; the message says which
   */
  public boolean decode(CharSequence json, MarketEvent into) {
    try {
      return parser.parse(json, 0, 0L, scales.size() == 1 ? 0 : -1, into);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "cannot decode the message: "
              + e.getMessage()
              + " (a REST depth reply names no symbol: decodeSnapshot(symbol, json, into) gives it)",
          e);
    }
  }

  /**
   * Decodes a REST {@code /fapi/v1/depth} reply, which does not name its symbol, as a snapshot of
   * {@code symbol}.
   *
   * @return true if {@code into} now holds the snapshot
   * @throws IllegalArgumentException if this decoder has no scale for {@code symbol} or the JSON is
   *     malformed
   */
  public boolean decodeSnapshot(String symbol, CharSequence json, MarketEvent into) {
    int index = scales.find(Objects.requireNonNull(symbol, "symbol"));
    if (index < 0) {
      throw new IllegalArgumentException(
          "no tick scale for " + symbol + "; known symbols: " + scales);
    }
    try {
      return parser.parse(json, 0, 0L, index, into);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("cannot decode the message: " + e.getMessage(), e);
    }
  }
}
