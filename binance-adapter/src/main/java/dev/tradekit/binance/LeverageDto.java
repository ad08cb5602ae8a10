package dev.tradekit.binance;

/** {@code POST /fapi/v1/leverage}: the leverage now set and the notional it allows. */
final class LeverageDto {
  String symbol = "";
  int leverage;
  String maxNotionalValue = "";
}
