package dev.tradekit.binance;

import dev.tradekit.api.MarketData;
import dev.tradekit.api.Streams;

/** Builds an exchange's Streams facet on first use; tests substitute their own. */
@FunctionalInterface
interface StreamsFactory {
  Streams create(StreamsContext context, MarketData marketData, BinanceConfig config);
}
