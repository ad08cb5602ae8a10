package dev.tradekit.binance;

/** One entry of {@code GET /fapi/v1/income} (REALIZED_PNL, FUNDING_FEE, COMMISSION ...). */
final class IncomeDto {
  String symbol = "";
  String incomeType = "";
  String income = "";
  String asset = "";
  String info = "";
  long time;
  long tranId;

  /** The trade id for trade-related income; empty for funding fees. */
  String tradeId = "";
}
