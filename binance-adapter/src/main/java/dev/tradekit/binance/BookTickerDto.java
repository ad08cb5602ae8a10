package dev.tradekit.binance;

/** One entry of {@code GET /fapi/v1/ticker/bookTicker}: best bid and ask. */
final class BookTickerDto {
  String symbol = "";
  String bidPrice = "";
  String bidQty = "";
  String askPrice = "";
  String askQty = "";
  long time;
  long lastUpdateId;
}
