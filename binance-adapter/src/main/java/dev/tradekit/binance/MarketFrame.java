package dev.tradekit.binance;

/**
 * One market-stream message: the stream name (e.g. {@code btcusdt@depth@100ms}) and its event. Raw
 * (not combined) messages have an empty stream name.
 */
record MarketFrame(String stream, MarketEventDto data) {}
