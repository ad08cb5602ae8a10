package dev.tradekit.backtest.data;

import dev.tradekit.api.book.TickScale;
import java.util.Map;

/**
 * Benchmark access to the backtest's allocation-free Binance JSON parser, one frame at a time.
 *
 * <p>The parser is package-private in {@code tradekit-backtest}; this class lives in the same
 * package but in the (unpublished) benchmarks module, so the benchmarks can time parsing without
 * the file reader around it. It is not part of any published API.
 *
 * <pre>{@code
 * FrameDecoder decoder = new FrameDecoder(Map.of("BTCUSDT", TickScale.of(new BigDecimal("0.1"))));
 * MarketEvent e = new MarketEvent();
 * if (decoder.decode(frameJson, e) && e.type() == MarketEvent.Type.DEPTH_UPDATE) { ... }
 * }</pre>
 */
public final class FrameDecoder {
  private final BinanceJsonParser parser;

  /**
   * A decoder for the symbols of {@code scales}; a REST snapshot is taken as the first symbol's.
   */
  public FrameDecoder(Map<String, TickScale> scales) {
    this.parser = new BinanceJsonParser(new SymbolScales(scales));
  }

  /**
   * Parses one JSON message (combined-stream frame, stream payload or REST depth snapshot).
   *
   * @return true if {@code into} now holds an event
   */
  public boolean decode(CharSequence json, MarketEvent into) {
    return parser.parse(json, 0, 0L, 0, into);
  }
}
