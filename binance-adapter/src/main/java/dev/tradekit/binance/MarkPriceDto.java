package dev.tradekit.binance;

/** {@code GET /fapi/v1/premiumIndex?symbol=...}: mark price, index price and funding. */
final class MarkPriceDto {
  String symbol = "";
  String markPrice = "";
  String indexPrice = "";
  String estimatedSettlePrice = "";
  String lastFundingRate = "";
  long nextFundingTime;
  String interestRate = "";
  long time;
}
