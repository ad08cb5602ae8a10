package dev.tradekit.binance;

/** One entry of {@code GET /fapi/v1/symbolConfig}: margin type and leverage of a symbol. */
final class SymbolConfigDto {
  String symbol = "";
  String marginType = "";
  boolean isAutoAddMargin;
  int leverage;
  String maxNotionalValue = "";
}
