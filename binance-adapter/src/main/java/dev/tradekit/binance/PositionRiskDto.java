package dev.tradekit.binance;

import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET /fapi/v2/positionRisk} or {@code /fapi/v3/positionRisk}. Nullable fields
 * are in one version only (v2: leverage, marginType, isAutoAddMargin, maxNotionalValue; v3:
 * marginAsset, margins, adl, bid/ask notional).
 */
final class PositionRiskDto {
  String symbol = "";
  String positionSide = "";
  String positionAmt = "";
  String entryPrice = "";
  @Nullable String breakEvenPrice;
  String markPrice = "";
  String unRealizedProfit = "";
  String liquidationPrice = "";
  String isolatedMargin = "";
  String notional = "";
  @Nullable String marginAsset;
  String isolatedWallet = "";
  @Nullable String initialMargin;
  @Nullable String maintMargin;
  @Nullable String positionInitialMargin;
  @Nullable String openOrderInitialMargin;
  @Nullable Integer adl;
  @Nullable String bidNotional;
  @Nullable String askNotional;
  @Nullable String leverage;
  @Nullable String marginType;
  @Nullable String isAutoAddMargin;
  @Nullable String maxNotionalValue;
  long updateTime;
}
