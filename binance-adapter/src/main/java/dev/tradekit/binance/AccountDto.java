package dev.tradekit.binance;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /fapi/v2/account} and {@code GET /fapi/v3/account}. Fields marked nullable are only in
 * v2 (v3 drops the account flags and fee tier, and lists only positions that exist or have open
 * orders, with fewer fields).
 */
final class AccountDto {
  @Nullable Integer feeTier;
  @Nullable Boolean canTrade;
  @Nullable Boolean canDeposit;
  @Nullable Boolean canWithdraw;
  @Nullable Boolean multiAssetsMargin;
  @Nullable Long tradeGroupId;
  long updateTime;
  String totalInitialMargin = "";
  String totalMaintMargin = "";
  String totalWalletBalance = "";
  String totalUnrealizedProfit = "";
  String totalMarginBalance = "";
  String totalPositionInitialMargin = "";
  String totalOpenOrderInitialMargin = "";
  String totalCrossWalletBalance = "";
  String totalCrossUnPnl = "";
  String availableBalance = "";
  String maxWithdrawAmount = "";
  List<AssetBalance> assets = List.of();
  List<Position> positions = List.of();

  /** The balance of one margin asset. */
  static final class AssetBalance {
    String asset = "";
    String walletBalance = "";
    String unrealizedProfit = "";
    String marginBalance = "";
    String maintMargin = "";
    String initialMargin = "";
    String positionInitialMargin = "";
    String openOrderInitialMargin = "";
    String crossWalletBalance = "";
    String crossUnPnl = "";
    String availableBalance = "";
    String maxWithdrawAmount = "";
    @Nullable Boolean marginAvailable;
    long updateTime;
  }

  /** One position as the account endpoint lists it. */
  static final class Position {
    String symbol = "";
    String positionSide = "";
    String positionAmt = "";
    String unrealizedProfit = "";
    String isolatedMargin = "";
    String notional = "";
    String isolatedWallet = "";
    String initialMargin = "";
    String maintMargin = "";
    @Nullable String positionInitialMargin;
    @Nullable String openOrderInitialMargin;
    @Nullable String entryPrice;
    @Nullable String breakEvenPrice;
    @Nullable String leverage;
    @Nullable Boolean isolated;
    @Nullable String maxNotional;
    @Nullable String bidNotional;
    @Nullable String askNotional;
    long updateTime;
  }
}
