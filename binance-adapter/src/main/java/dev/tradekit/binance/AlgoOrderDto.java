package dev.tradekit.binance;

import org.jspecify.annotations.Nullable;

/**
 * A conditional order of the Algo Order API ({@code POST/DELETE /fapi/v1/algoOrder}, {@code GET
 * /fapi/v1/algoOrder}, {@code GET /fapi/v1/openAlgoOrders}). The cancel reply carries only {@code
 * algoId} and {@code clientAlgoId} of these.
 */
final class AlgoOrderDto {
  long algoId;
  String clientAlgoId = "";
  String algoType = "";
  String orderType = "";
  String symbol = "";
  String side = "";
  String positionSide = "";
  String quantity = "";
  String algoStatus = "";
  @Nullable String triggerPrice;
  @Nullable String actualOrderId;
  boolean reduceOnly;
  long createTime;
  long updateTime;
}
