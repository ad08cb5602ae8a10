package dev.tradekit.binance;

import dev.tradekit.api.MarketData;
import dev.tradekit.api.Streams;
import dev.tradekit.api.book.TickScale;

/** Builds the exchange's Streams facet: the WebSocket side, with tick sizes from exchangeInfo. */
final class DefaultStreams {
  private DefaultStreams() {}

  static Streams create(StreamsContext context, MarketData marketData, BinanceConfig config) {
    BinanceStreams streams =
        new BinanceStreams(
            context, StreamSettings.defaults().withListenKeyKeepAlive(config.listenKeyKeepAlive()));
    streams.tickScales(
        symbol -> marketData.instrument(symbol).thenApply(i -> TickScale.of(i.tickSize())));
    return streams;
  }
}
