package dev.tradekit.binance;

/**
 * One candle of {@code GET /fapi/v1/klines}, which Binance sends as a JSON array of mixed numbers
 * and strings (read by {@link KlineAdapter}).
 */
record KlineDto(
    long openTime,
    String open,
    String high,
    String low,
    String close,
    String volume,
    long closeTime,
    String quoteVolume,
    long trades,
    String takerBuyBaseVolume,
    String takerBuyQuoteVolume) {}
