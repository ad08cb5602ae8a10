package dev.tradekit.binance;

/** One entry of {@code GET /fapi/v1/positionMargin/history} (type 1 = add, 2 = reduce). */
final class PositionMarginChangeDto {
  String symbol = "";
  int type;
  String deltaType = "";
  String amount = "";
  String asset = "";
  long time;
  String positionSide = "";
  String clientTranId = "";
}
