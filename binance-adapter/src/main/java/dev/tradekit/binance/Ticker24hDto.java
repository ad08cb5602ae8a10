package dev.tradekit.binance;

/** One entry of {@code GET /fapi/v1/ticker/24hr}; {@code quoteVolume} ranks symbols by turnover. */
final class Ticker24hDto {
  String symbol = "";
  String priceChange = "";
  String priceChangePercent = "";
  String weightedAvgPrice = "";
  String lastPrice = "";
  String lastQty = "";
  String openPrice = "";
  String highPrice = "";
  String lowPrice = "";
  String volume = "";
  String quoteVolume = "";
  long openTime;
  long closeTime;
  long firstId;
  long lastId;
  long count;
}
