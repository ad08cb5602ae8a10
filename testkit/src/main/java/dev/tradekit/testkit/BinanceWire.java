package dev.tradekit.testkit;

import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Renders simulator state in Binance USD-M's REST JSON shapes. */
final class BinanceWire {
  private BinanceWire() {}

  static String plain(@Nullable BigDecimal v) {
    return v == null ? "0" : v.stripTrailingZeros().toPlainString();
  }

  static String price(Instrument i, long ticks) {
    return plain(i.tickSize().multiply(BigDecimal.valueOf(ticks)));
  }

  static String qty(Instrument i, double q) {
    int scale = Math.max(0, i.stepSize().stripTrailingZeros().scale());
    return BigDecimal.valueOf(q).setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  static long orderId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Math.abs((long) id.hashCode());
    }
  }

  static Json order(Json j, Order o) {
    BigDecimal avg = o.averagePrice() == null ? BigDecimal.ZERO : o.averagePrice();
    BigDecimal cumQuote = avg.multiply(o.executedQuantity());
    String type = o.type().name();
    j.obj()
        .num("orderId", orderId(o.orderId()))
        .str("symbol", o.symbol())
        .str("status", o.status().name())
        .str("clientOrderId", o.clientOrderId() == null ? "" : o.clientOrderId())
        .str("price", plain(o.price()))
        .str("avgPrice", plain(avg))
        .str("origQty", plain(o.quantity()))
        .str("executedQty", plain(o.executedQuantity()))
        .str("cumQty", plain(o.executedQuantity()))
        .str("cumQuote", plain(cumQuote))
        .str("timeInForce", o.timeInForce() == null ? "GTC" : o.timeInForce().name())
        .str("type", type)
        .bool("reduceOnly", o.reduceOnly())
        .bool("closePosition", false)
        .str("side", o.side().name())
        .str("positionSide", o.positionSide().name())
        .str("stopPrice", "0")
        .str("workingType", "CONTRACT_PRICE")
        .bool("priceProtect", false)
        .str("origType", type)
        .str("priceMatch", "NONE")
        .str("selfTradePreventionMode", "EXPIRE_MAKER")
        .num("goodTillDate", 0)
        .num("time", o.createTime())
        .num("updateTime", o.updateTime());
    return j.end();
  }

  static String orders(Collection<Order> orders) {
    Json j = new Json().arr();
    orders.forEach(o -> order(j, o));
    return j.endArr().toString();
  }

  static String exchangeInfo(Collection<Instrument> instruments, long now, RateLimits limits) {
    Json j = new Json().obj().str("timezone", "UTC").num("serverTime", now);
    j.str("futuresType", "U_MARGINED").key("rateLimits").arr();
    rateLimit(j, "REQUEST_WEIGHT", "MINUTE", limits.weightPerMinute());
    rateLimit(j, "ORDERS", "SECOND", limits.ordersPer10Seconds()).endArr();
    j.key("assets").arr().obj().str("asset", "USDT").bool("marginAvailable", true).end();
    j.endArr().key("symbols").arr();
    for (Instrument i : instruments) {
      j.obj().str("symbol", i.symbol()).str("pair", i.symbol()).str("contractType", "PERPETUAL");
      j.num("deliveryDate", 4133404800000L).num("onboardDate", 1569398400000L);
      j.str("status", i.trading() ? "TRADING" : "BREAK").str("baseAsset", i.baseAsset());
      j.str("quoteAsset", i.quoteAsset()).str("marginAsset", i.marginAsset());
      j.num("pricePrecision", i.pricePrecision()).num("quantityPrecision", i.quantityPrecision());
      j.num("baseAssetPrecision", 8).num("quotePrecision", 8).key("filters").arr();
      j.obj().str("filterType", "PRICE_FILTER").str("minPrice", plain(i.minPrice()));
      j.str("maxPrice", plain(i.maxPrice())).str("tickSize", plain(i.tickSize())).end();
      j.obj().str("filterType", "LOT_SIZE").str("minQty", plain(i.minQty()));
      j.str("maxQty", plain(i.maxQty())).str("stepSize", plain(i.stepSize())).end();
      j.obj().str("filterType", "MARKET_LOT_SIZE").str("minQty", plain(i.marketMinQty()));
      j.str("maxQty", plain(i.marketMaxQty())).str("stepSize", plain(i.marketStepSize())).end();
      j.obj().str("filterType", "MIN_NOTIONAL").str("notional", plain(i.minNotional())).end();
      if (i.percentPriceUp() != null && i.percentPriceDown() != null) {
        j.obj().str("filterType", "PERCENT_PRICE").str("multiplierUp", plain(i.percentPriceUp()));
        j.str("multiplierDown", plain(i.percentPriceDown())).str("multiplierDecimal", "4").end();
      }
      j.obj().str("filterType", "MAX_NUM_ORDERS").num("limit", i.maxNumOrders()).end();
      j.endArr().key("orderTypes").arr().str("LIMIT").str("MARKET").endArr();
      j.key("timeInForce").arr().str("GTC").str("IOC").str("FOK").str("GTX").endArr().end();
    }
    return j.endArr().end().toString();
  }

  private static Json rateLimit(Json j, String type, String interval, int limit) {
    j.obj().str("rateLimitType", type).str("interval", interval);
    return j.num("intervalNum", interval.equals("SECOND") ? 10 : 1).num("limit", limit).end();
  }

  static String depth(Instrument i, OrderBookView book, int limit, long now) {
    Json j = new Json().obj().num("lastUpdateId", book.lastUpdateId()).num("E", now).num("T", now);
    levels(j.key("bids"), i, book, Side.BUY, limit);
    levels(j.key("asks"), i, book, Side.SELL, limit);
    return j.end().toString();
  }

  private static void levels(Json j, Instrument i, OrderBookView book, Side side, int limit) {
    j.arr();
    int n = Math.min(limit, book.depth(side));
    for (int k = 0; k < n; k++) {
      j.arr().str(price(i, book.priceTicks(side, k))).str(qty(i, book.quantity(side, k))).endArr();
    }
    j.endArr();
  }

  /**
   * A position's initial margin as the simulator charges it: {@code |amount| * mark / leverage}
   * (the entry price when there is no mark yet).
   */
  private static BigDecimal initialMargin(Position p, int defaultLeverage) {
    BigDecimal mark = p.markPrice() == null ? p.entryPrice() : p.markPrice();
    int leverage = p.leverage() > 0 ? p.leverage() : defaultLeverage;
    return p.amount()
        .abs()
        .multiply(mark)
        .divide(BigDecimal.valueOf(leverage), java.math.MathContext.DECIMAL64);
  }

  /**
   * The account in Binance's v2 shape. Margins follow the simulator's model: the initial margin in
   * use is margin balance minus available balance, of which the positions' part is {@code |amount|
   * * mark / leverage} and the rest is the open orders'; there is no maintenance-margin model, so
   * maintenance margins are 0.
   */
  static String account(AccountSnapshot s, int defaultLeverage) {
    BigDecimal wallet = BigDecimal.ZERO;
    BigDecimal upnl = BigDecimal.ZERO;
    BigDecimal avail = BigDecimal.ZERO;
    for (Balance b : s.balances()) {
      wallet = wallet.add(b.walletBalance());
      upnl = upnl.add(b.unrealizedPnl());
      avail = avail.add(b.availableBalance());
    }
    BigDecimal positionMargin = BigDecimal.ZERO;
    for (Position p : s.positions()) {
      positionMargin = positionMargin.add(initialMargin(p, defaultLeverage));
    }
    BigDecimal inUse = wallet.add(upnl).subtract(avail).max(BigDecimal.ZERO);
    BigDecimal orderMargin = inUse.subtract(positionMargin).max(BigDecimal.ZERO);
    Json j = new Json().obj().num("feeTier", 0).bool("canTrade", true).bool("canDeposit", true);
    j.bool("canWithdraw", true).bool("multiAssetsMargin", false).num("tradeGroupId", -1);
    j.num("updateTime", 0).str("totalInitialMargin", plain(inUse)).str("totalMaintMargin", "0");
    j.str("totalWalletBalance", plain(wallet)).str("totalUnrealizedProfit", plain(upnl));
    j.str("totalMarginBalance", plain(wallet.add(upnl)));
    j.str("totalPositionInitialMargin", plain(positionMargin));
    j.str("totalOpenOrderInitialMargin", plain(orderMargin));
    j.str("totalCrossWalletBalance", plain(wallet));
    j.str("totalCrossUnPnl", plain(upnl)).str("availableBalance", plain(avail));
    j.str("maxWithdrawAmount", plain(avail)).key("assets").arr();
    for (Balance b : s.balances()) {
      j.obj().str("asset", b.asset()).str("walletBalance", plain(b.walletBalance()));
      j.str("unrealizedProfit", plain(b.unrealizedPnl()));
      // every position is USDT-margined here
      BigDecimal assetInUse = b.marginBalance().subtract(b.availableBalance()).max(BigDecimal.ZERO);
      BigDecimal assetPositions = "USDT".equals(b.asset()) ? positionMargin : BigDecimal.ZERO;
      j.str("marginBalance", plain(b.marginBalance())).str("maintMargin", "0");
      j.str("initialMargin", plain(assetInUse));
      j.str("positionInitialMargin", plain(assetPositions));
      j.str(
          "openOrderInitialMargin",
          plain(assetInUse.subtract(assetPositions).max(BigDecimal.ZERO)));
      j.str("crossWalletBalance", plain(b.walletBalance()));
      j.str("crossUnPnl", plain(b.unrealizedPnl()));
      j.str("availableBalance", plain(b.availableBalance()));
      j.str("maxWithdrawAmount", plain(b.availableBalance())).bool("marginAvailable", true);
      j.num("updateTime", s.time()).end();
    }
    j.endArr().key("positions").arr();
    for (Position p : s.positions()) {
      BigDecimal notional =
          p.markPrice() == null ? BigDecimal.ZERO : p.markPrice().multiply(p.amount());
      j.obj().str("symbol", p.symbol()).str("positionSide", p.positionSide().name());
      j.str("positionAmt", plain(p.amount())).str("unrealizedProfit", plain(p.unrealizedPnl()));
      j.str("isolatedMargin", "0").str("notional", plain(notional)).str("isolatedWallet", "0");
      BigDecimal im = initialMargin(p, defaultLeverage);
      j.str("initialMargin", plain(im)).str("positionInitialMargin", plain(im));
      j.str("openOrderInitialMargin", "0").str("maintMargin", "0");
      j.str("entryPrice", plain(p.entryPrice()));
      j.str("breakEvenPrice", plain(p.entryPrice()));
      j.str("leverage", Integer.toString(p.leverage() > 0 ? p.leverage() : defaultLeverage));
      j.bool("isolated", p.marginType() == dev.tradekit.api.model.MarginType.ISOLATED);
      j.num("updateTime", p.updateTime()).end();
    }
    return j.endArr().end().toString();
  }

  static String positionRisk(List<Position> positions) {
    Json j = new Json().arr();
    for (Position p : positions) {
      BigDecimal mark = p.markPrice() == null ? p.entryPrice() : p.markPrice();
      j.obj().str("symbol", p.symbol()).str("positionSide", p.positionSide().name());
      j.str("positionAmt", plain(p.amount())).str("entryPrice", plain(p.entryPrice()));
      j.str("breakEvenPrice", plain(p.entryPrice())).str("markPrice", plain(mark));
      j.str("unRealizedProfit", plain(p.unrealizedPnl())).str("liquidationPrice", "0");
      j.str("isolatedMargin", "0").str("notional", plain(mark.multiply(p.amount())));
      j.str("marginAsset", "USDT").str("isolatedWallet", "0");
      j.str("leverage", Integer.toString(p.leverage()));
      j.str(
          "marginType",
          p.marginType() == dev.tradekit.api.model.MarginType.CROSS ? "cross" : "isolated");
      j.str("isAutoAddMargin", "false").str("maxNotionalValue", "1000000");
      j.num("updateTime", p.updateTime()).end();
    }
    return j.endArr().toString();
  }
}
