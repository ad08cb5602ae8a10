package dev.tradekit.binance;

import com.squareup.moshi.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user-data-stream event, chosen by its {@code e} field. {@code E} is accepted as a number or a
 * string (it has been seen as a string in {@code listenKeyExpired}).
 */
abstract class UserEventDto {
  @Json(name = "e")
  String eventType = "";

  @Json(name = "E")
  long eventTime;

  /** {@code ORDER_TRADE_UPDATE}: an order changed (new, fill, cancel, expiry, amendment). */
  static final class OrderTradeUpdate extends UserEventDto {
    @Json(name = "T")
    long transactionTime;

    @Json(name = "o")
    OrderUpdate order = new OrderUpdate();
  }

  /** The {@code o} object of {@code ORDER_TRADE_UPDATE}. */
  static final class OrderUpdate {
    @Json(name = "s")
    String symbol = "";

    @Json(name = "c")
    String clientOrderId = "";

    @Json(name = "S")
    String side = "";

    @Json(name = "o")
    String orderType = "";

    @Json(name = "f")
    String timeInForce = "";

    @Json(name = "q")
    String origQty = "";

    @Json(name = "p")
    String price = "";

    @Json(name = "ap")
    String avgPrice = "";

    @Json(name = "sp")
    String stopPrice = "";

    @Json(name = "x")
    String executionType = "";

    @Json(name = "X")
    String status = "";

    @Json(name = "i")
    long orderId;

    @Json(name = "l")
    String lastFilledQty = "";

    @Json(name = "z")
    String cumFilledQty = "";

    @Json(name = "L")
    String lastFilledPrice = "";

    @Json(name = "N")
    @Nullable String commissionAsset;

    @Json(name = "n")
    @Nullable String commission;

    @Json(name = "T")
    long tradeTime;

    @Json(name = "t")
    long tradeId;

    @Json(name = "b")
    String bidsNotional = "";

    @Json(name = "a")
    String asksNotional = "";

    @Json(name = "m")
    boolean maker;

    @Json(name = "R")
    boolean reduceOnly;

    @Json(name = "wt")
    String workingType = "";

    @Json(name = "ot")
    String origType = "";

    @Json(name = "ps")
    String positionSide = "";

    @Json(name = "cp")
    boolean closePosition;

    @Json(name = "rp")
    String realizedProfit = "";

    @Json(name = "V")
    @Nullable String selfTradePreventionMode;

    @Json(name = "pm")
    @Nullable String priceMatch;

    @Json(name = "gtd")
    long goodTillDate;
  }

  /** {@code ACCOUNT_UPDATE}: balances and positions changed, with the reason in {@code a.m}. */
  static final class AccountUpdate extends UserEventDto {
    @Json(name = "T")
    long transactionTime;

    @Json(name = "a")
    AccountData account = new AccountData();
  }

  /** The {@code a} object of {@code ACCOUNT_UPDATE}. */
  static final class AccountData {
    @Json(name = "m")
    String reason = "";

    @Json(name = "B")
    List<Balance> balances = List.of();

    @Json(name = "P")
    List<PositionUpdate> positions = List.of();
  }

  /** One balance of {@code ACCOUNT_UPDATE}. */
  static final class Balance {
    @Json(name = "a")
    String asset = "";

    @Json(name = "wb")
    String walletBalance = "";

    @Json(name = "cw")
    String crossWalletBalance = "";

    @Json(name = "bc")
    String balanceChange = "";
  }

  /** One position of {@code ACCOUNT_UPDATE}. */
  static final class PositionUpdate {
    @Json(name = "s")
    String symbol = "";

    @Json(name = "pa")
    String positionAmt = "";

    @Json(name = "ep")
    String entryPrice = "";

    @Json(name = "bep")
    String breakEvenPrice = "";

    @Json(name = "cr")
    String accumulatedRealized = "";

    @Json(name = "up")
    String unrealizedPnl = "";

    @Json(name = "mt")
    String marginType = "";

    @Json(name = "iw")
    String isolatedWallet = "";

    @Json(name = "ps")
    String positionSide = "";
  }

  /** {@code listenKeyExpired}: the stream's key expired; create a new one and reconnect. */
  static final class ListenKeyExpired extends UserEventDto {
    String listenKey = "";
  }

  /** {@code ALGO_UPDATE}: a conditional order of the Algo Order API changed. */
  static final class AlgoUpdate extends UserEventDto {
    @Json(name = "T")
    long transactionTime;

    @Json(name = "o")
    AlgoData order = new AlgoData();
  }

  /** The {@code o} object of {@code ALGO_UPDATE}. */
  static final class AlgoData {
    @Json(name = "caid")
    String clientAlgoId = "";

    @Json(name = "aid")
    long algoId;

    @Json(name = "o")
    String orderType = "";

    @Json(name = "s")
    String symbol = "";

    @Json(name = "S")
    String side = "";

    @Json(name = "ps")
    String positionSide = "";

    @Json(name = "q")
    String quantity = "";

    @Json(name = "X")
    String status = "";

    @Json(name = "ai")
    String actualOrderId = "";

    @Json(name = "tp")
    String triggerPrice = "";

    @Json(name = "R")
    boolean reduceOnly;

    @Json(name = "rm")
    String rejectReason = "";
  }

  /** An event type this adapter does not read yet (e.g. TRADE_LITE). */
  static final class Unknown extends UserEventDto {}
}
