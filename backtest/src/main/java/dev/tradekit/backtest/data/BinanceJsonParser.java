package dev.tradekit.backtest.data;

import dev.tradekit.api.internal.wire.BinanceFrame;
import dev.tradekit.api.internal.wire.BinanceFrameParser;
import dev.tradekit.api.model.Side;

/**
 * Turns one Binance USD-M JSON message into a {@link MarketEvent} without allocating, through the
 * {@link BinanceFrameParser} the live adapter uses too: a combined-stream frame, a bare stream
 * payload ({@code depthUpdate}, {@code bookTicker}, {@code trade}, {@code aggTrade}, {@code kline})
 * or a REST depth snapshot body. Other payloads are ignored.
 */
final class BinanceJsonParser {

  private final SymbolScales scales;
  private final BinanceFrameParser parser;
  private final BinanceFrame frame = new BinanceFrame();

  BinanceJsonParser(SymbolScales scales) {
    this.scales = scales;
    this.parser = new BinanceFrameParser(scales);
  }

  /**
   * Parses the message that starts at {@code from}.
   *
   * @param defaultSymbol index in the scales of the symbol of a message that names none (a REST
   *     snapshot), or -1
   * @return true if {@code into} now holds an event; false for a message of another kind
   * @throws dev.tradekit.api.internal.wire.MalformedFrameException (an {@link
   *     IllegalStateException}) if the message cannot be read
   */
  boolean parse(
      CharSequence line, int from, long receiveNanos, int defaultSymbol, MarketEvent into) {
    BinanceFrame f = frame;
    if (!parser.parse(line, from, defaultSymbol, f)) {
      return false;
    }
    MarketEvent.Type type =
        switch (f.kind()) {
          case DEPTH_UPDATE -> MarketEvent.Type.DEPTH_UPDATE;
          case DEPTH_SNAPSHOT -> MarketEvent.Type.DEPTH_SNAPSHOT;
          case BOOK_TICKER -> MarketEvent.Type.BOOK_TICKER;
          case KLINE -> MarketEvent.Type.BAR;
          case TRADE, AGG_TRADE -> MarketEvent.Type.TRADE;
        };
    into.reset(type, scales.symbol(f.symbolIndex()), 0, receiveNanos);
    long time = f.eventTime() != BinanceFrame.ABSENT ? f.eventTime() : f.transactionTime();
    if (time == BinanceFrame.ABSENT) {
      time = receiveNanos / 1_000_000L;
    } else if (receiveNanos == Long.MIN_VALUE) {
      into.receiveTimeNanos(time * 1_000_000L);
    }
    long tx = f.transactionTime();
    into.eventTime(time).transactionTime(tx != BinanceFrame.ABSENT ? tx : time);
    switch (f.kind()) {
      case DEPTH_UPDATE, DEPTH_SNAPSHOT -> {
        into.updateIds(f.firstUpdateId(), f.lastUpdateId(), f.previousUpdateId());
        levels(f, Side.BUY, into);
        levels(f, Side.SELL, into);
      }
      case BOOK_TICKER ->
          into.updateIds(0, f.lastUpdateId(), 0)
              .bookTicker(f.bidTicks(), f.bidQty(), f.askTicks(), f.askQty());
      case TRADE, AGG_TRADE -> into.trade(f.tradeId(), f.priceTicks(), f.qty(), f.buyerIsMaker());
      case KLINE ->
          into.bar(
              f.open(),
              f.high(),
              f.low(),
              f.close(),
              f.volume(),
              f.quoteVolume(),
              f.openTime(),
              f.closeTime(),
              f.closed());
    }
    return true;
  }

  private static void levels(BinanceFrame f, Side side, MarketEvent into) {
    for (int i = 0, n = f.levelCount(side); i < n; i++) {
      into.addLevel(side, f.levelTicks(side, i), f.levelQty(side, i));
    }
  }
}
