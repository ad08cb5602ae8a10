package dev.tradekit.testkit;

import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The simulator's values in Bybit v5's JSON shapes (every number a string, as Bybit sends). */
final class BybitFakeWire {
  private BybitFakeWire() {}

  static String side(Side s) {
    return s == Side.BUY ? "Buy" : "Sell";
  }

  static int positionIdx(PositionSide s) {
    return switch (s) {
      case BOTH -> 0;
      case LONG -> 1;
      case SHORT -> 2;
    };
  }

  static String status(Order o) {
    return switch (o.status()) {
      case NEW -> "New";
      case PARTIALLY_FILLED -> "PartiallyFilled";
      case FILLED -> "Filled";
      case CANCELED, EXPIRED, EXPIRED_IN_MATCH ->
          o.executedQuantity().signum() > 0 ? "PartiallyFilledCanceled" : "Cancelled";
      case REJECTED -> "Rejected";
      case TRIGGERED -> "Triggered";
    };
  }

  static String tif(@Nullable TimeInForce t) {
    if (t == null) {
      return "IOC";
    }
    return switch (t) {
      case GTC -> "GTC";
      case IOC -> "IOC";
      case FOK -> "FOK";
      case GTX -> "PostOnly";
    };
  }

  /**
   * Bybit's {@code orderStatus} of a conditional order: {@code Untriggered} while it waits, {@code
   * Triggered} when it fired, {@code Deactivated} when cancelled or expired before firing; once
   * fired ({@link Order#triggeredOrderId()} set) the states of its market order.
   */
  static String conditionalStatus(Order o) {
    boolean fired = o.triggeredOrderId() != null;
    return switch (o.status()) {
      case NEW -> fired ? "New" : "Untriggered";
      case TRIGGERED -> "Triggered";
      case CANCELED, EXPIRED, EXPIRED_IN_MATCH, REJECTED -> fired ? status(o) : "Deactivated";
      default -> status(o);
    };
  }

  /**
   * One order object (REST lists and the {@code order} topic); a conditional order is a {@code
   * Market} order with {@code stopOrderType} {@code Stop}, its trigger price, direction and {@code
   * triggerBy}.
   */
  static void order(Json j, Order o, String triggerBy) {
    boolean conditional = o.type().isConditional();
    j.obj().str("category", "linear").str("symbol", o.symbol()).str("orderId", o.orderId());
    j.str("orderLinkId", o.clientOrderId() == null ? "" : o.clientOrderId());
    j.str("side", side(o.side()))
        .str("orderType", o.type().executesAtMarket() ? "Market" : "Limit");
    j.str("price", BinanceWire.plain(o.price())).str("qty", plain(o.quantity()));
    j.str("timeInForce", tif(o.timeInForce()))
        .str("orderStatus", conditional ? conditionalStatus(o) : status(o));
    j.str("cancelType", o.status() == OrderStatus.CANCELED ? "CancelByUser" : "UNKNOWN");
    j.str("rejectReason", "EC_NoError");
    j.str("avgPrice", o.averagePrice() == null ? "" : plain(o.averagePrice()));
    j.str("leavesQty", plain(o.isOpen() ? o.remainingQuantity() : BigDecimal.ZERO));
    j.str("cumExecQty", plain(o.executedQuantity()));
    BigDecimal value =
        o.averagePrice() == null
            ? BigDecimal.ZERO
            : o.averagePrice().multiply(o.executedQuantity());
    j.str("cumExecValue", plain(value)).str("cumExecFee", "0");
    j.num("positionIdx", positionIdx(o.positionSide())).bool("reduceOnly", o.reduceOnly());
    j.bool("closeOnTrigger", conditional && o.reduceOnly());
    if (conditional) {
      boolean stop = o.type() == OrderType.STOP_MARKET;
      j.str("triggerPrice", plain(o.triggerPrice())).str("stopOrderType", "Stop");
      j.num("triggerDirection", (o.side() == Side.SELL) == stop ? 2 : 1);
      j.str("triggerBy", triggerBy);
    } else {
      j.str("triggerPrice", "").str("stopOrderType", "").num("triggerDirection", 0);
      j.str("triggerBy", "");
    }
    j.str("createdTime", Long.toString(o.createTime()));
    j.str("updatedTime", Long.toString(o.updateTime())).end();
  }

  /** One execution (REST list and the {@code execution} topic); {@code execId} the trade id. */
  static void execution(Json j, Fill f) {
    j.obj().str("category", "linear").str("symbol", f.symbol()).str("orderId", f.orderId());
    j.str("orderLinkId", f.clientOrderId() == null ? "" : f.clientOrderId());
    j.str("side", side(f.side())).str("orderType", "Limit").str("orderPrice", plain(f.price()));
    j.str("orderQty", plain(f.quantity())).str("leavesQty", "0");
    j.str("execId", BybitFakeStreams.tradeUuid(f.symbol(), BinanceWire.orderId(f.tradeId())));
    j.str("execPrice", plain(f.price())).str("execQty", plain(f.quantity()));
    j.str("execFee", plain(f.commission())).str("execType", "Trade");
    j.str("execValue", plain(f.notional()))
        .str("feeRate", "0")
        .str("feeCurrency", f.commissionAsset());
    j.str("closedSize", f.realizedPnl().signum() != 0 ? plain(f.quantity()) : "0");
    j.bool("isMaker", f.maker()).str("execTime", Long.toString(f.time())).num("seq", f.time());
    j.end();
  }

  /** One position; {@code entryPrice} on the stream, {@code avgPrice} over REST. */
  static void position(Json j, Position p, @Nullable Instrument i, boolean stream) {
    j.obj().str("symbol", p.symbol()).num("positionIdx", positionIdx(p.positionSide()));
    j.num("tradeMode", p.marginType() == dev.tradekit.api.model.MarginType.ISOLATED ? 1 : 0)
        .str("side", p.amount().signum() == 0 ? "" : p.amount().signum() > 0 ? "Buy" : "Sell");
    j.str("size", plain(p.amount().abs()));
    j.str(stream ? "entryPrice" : "avgPrice", plain(p.entryPrice()));
    j.str("leverage", Integer.toString(p.leverage()));
    j.str("markPrice", p.markPrice() == null ? "" : plain(p.markPrice()));
    j.str("unrealisedPnl", plain(p.unrealizedPnl())).str("positionStatus", "Normal");
    j.str("updatedTime", Long.toString(p.updateTime())).end();
  }

  /** One unified wallet whose coins are the balances. */
  static void wallet(Json j, List<Balance> balances) {
    j.obj().str("accountType", "UNIFIED").key("coin").arr();
    for (Balance b : balances) {
      BigDecimal equity = b.walletBalance().add(b.unrealizedPnl());
      j.obj().str("coin", b.asset()).str("equity", plain(equity));
      j.str("walletBalance", plain(b.walletBalance()));
      j.str("unrealisedPnl", plain(b.unrealizedPnl())).str("totalOrderIM", "0");
      j.str("totalPositionIM", plain(equity.subtract(b.availableBalance())));
      j.str("totalPositionMM", "0").str("locked", "0").end();
    }
    j.endArr().end();
  }

  /** One instrument of {@code instruments-info}. */
  static void instrument(Json j, Instrument i) {
    j.obj().str("symbol", i.symbol()).str("contractType", "LinearPerpetual");
    j.str("status", i.trading() ? "Trading" : "Closed").str("baseCoin", i.baseAsset());
    j.str("quoteCoin", i.quoteAsset()).str("settleCoin", i.marginAsset());
    j.str("priceScale", Integer.toString(i.pricePrecision()));
    j.key("leverageFilter").obj().str("minLeverage", "1").str("maxLeverage", "100.00");
    j.str("leverageStep", "0.01").end();
    j.key("priceFilter").obj().str("minPrice", plain(i.minPrice()));
    j.str("maxPrice", plain(i.maxPrice())).str("tickSize", plain(i.tickSize())).end();
    j.key("lotSizeFilter").obj().str("maxOrderQty", plain(i.maxQty()));
    j.str("maxMktOrderQty", plain(i.marketMaxQty())).str("minOrderQty", plain(i.minQty()));
    j.str("qtyStep", plain(i.stepSize())).str("minNotionalValue", plain(i.minNotional()));
    j.end().end();
  }

  static String plain(@Nullable BigDecimal v) {
    return v == null ? "0" : v.stripTrailingZeros().toPlainString();
  }
}
