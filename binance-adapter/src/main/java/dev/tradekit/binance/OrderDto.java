package dev.tradekit.binance;

import dev.tradekit.api.error.ExchangeException;
import org.jspecify.annotations.Nullable;

/**
 * An order as the REST API returns it (place, amend, cancel, query, open orders). In a batch reply
 * an entry may instead be an error: then {@link #isError()} is true and only {@link #code} and
 * {@link #msg} are set.
 */
final class OrderDto {
  long orderId;
  String symbol = "";
  String status = "";
  String clientOrderId = "";
  String price = "";
  String avgPrice = "";
  String origQty = "";
  String executedQty = "";
  @Nullable String cumQty;
  @Nullable String cumQuote;
  String timeInForce = "";
  String type = "";
  boolean reduceOnly;
  boolean closePosition;
  String side = "";
  String positionSide = "";
  @Nullable String stopPrice;
  @Nullable String workingType;
  boolean priceProtect;
  @Nullable String origType;
  @Nullable String priceMatch;
  @Nullable String selfTradePreventionMode;
  long goodTillDate;
  long time;
  long updateTime;

  int code = ExchangeException.NO_CODE;
  @Nullable String msg;

  /** Whether this batch entry is an error rather than an order. */
  boolean isError() {
    return code != ExchangeException.NO_CODE;
  }
}
