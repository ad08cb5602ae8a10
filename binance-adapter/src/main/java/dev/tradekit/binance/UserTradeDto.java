package dev.tradekit.binance;

/** One fill from {@code GET /fapi/v1/userTrades}. */
final class UserTradeDto {
  String symbol = "";
  long id;
  long orderId;
  String side = "";
  String price = "";
  String qty = "";
  String realizedPnl = "";
  String marginAsset = "";
  String quoteQty = "";
  String commission = "";
  String commissionAsset = "";
  long time;
  String positionSide = "";
  boolean maker;
  boolean buyer;
}
