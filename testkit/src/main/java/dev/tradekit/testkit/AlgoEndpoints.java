package dev.tradekit.testkit;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trigger;
import dev.tradekit.api.model.WorkingType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binance's Algo Order API for conditional orders ({@code POST/DELETE /fapi/v1/algoOrder}, {@code
 * GET /fapi/v1/openAlgoOrders}, {@code GET /fapi/v1/allAlgoOrders}) over the simulated account: the
 * simulator holds the orders and fires them on its own trades, bars and mark price; the algo id is
 * the simulator's order id. {@link UserStreamHub} renders their updates as {@code ALGO_UPDATE}
 * events.
 */
final class AlgoEndpoints {
  static final String PATH = "/fapi/v1/algoOrder";
  static final String OPEN_PATH = "/fapi/v1/openAlgoOrders";
  static final String ALL_PATH = "/fapi/v1/allAlgoOrders";

  private final VenueDriver driver;
  private final Function<String, Instrument> instruments;
  private final OrderHistory history;

  AlgoEndpoints(
      VenueDriver driver, Function<String, Instrument> instruments, OrderHistory history) {
    this.driver = driver;
    this.instruments = instruments;
    this.history = history;
  }

  /**
   * The reply to an algo endpoint for account {@code apiKey}, or null when {@code key} ("METHOD
   * /path") is not one.
   */
  @Nullable String handle(String key, Exchange ex, Map<String, String> p, String apiKey) {
    switch (key) {
      case "POST " + PATH:
        {
          OrderRequest req = request(p);
          return algo(new Json(), driver.call(() -> ex.trading().place(req))).toString();
        }
      case "GET " + PATH:
        {
          OrderRef ref = ref(p);
          Order o =
              driver
                  .call(() -> ex.trading().order(ref))
                  .filter(AlgoEndpoints::isAlgo)
                  .orElseThrow(() -> ApiError.badRequest(-2013, "Order does not exist."));
          return algo(new Json(), o).toString();
        }
      case "DELETE " + PATH:
        {
          OrderRef ref = ref(p);
          Order o = driver.call(() -> ex.trading().cancel(ref));
          return new Json()
              .obj()
              .num("algoId", BinanceWire.orderId(o.orderId()))
              .str("clientAlgoId", o.clientOrderId())
              .str("code", "200")
              .str("msg", "success")
              .end()
              .toString();
        }
      case "GET " + OPEN_PATH:
        {
          String symbol = p.get("symbol");
          List<Order> open =
              driver.call(
                  () ->
                      symbol == null ? ex.trading().openOrders() : ex.trading().openOrders(symbol));
          Json j = new Json().arr();
          open.stream().filter(o -> o.type().isConditional()).forEach(o -> algo(j, o));
          return j.endArr().toString();
        }
      case "GET " + ALL_PATH:
        {
          // finished ones too: from algoId, else created since startTime (the last 7 days)
          String symbol = instruments.apply(Params.require(p, "symbol")).symbol();
          int limit = Math.min(Params.intParam(p, "limit", 500), 1000);
          List<Order> all =
              history.orders(
                  apiKey,
                  symbol,
                  Params.longParam(p, "algoId"),
                  Params.longParam(p, "startTime"),
                  limit,
                  AlgoEndpoints::isAlgo);
          Json j = new Json().arr();
          all.forEach(o -> algo(j, o));
          return j.endArr().toString();
        }
      default:
        return null;
    }
  }

  private static OrderRef ref(Map<String, String> p) {
    String symbol = Params.require(p, "symbol");
    String id = p.get("algoId");
    String cid = p.get("clientAlgoId");
    if (id != null) {
      return OrderRef.byId(symbol, id);
    }
    if (cid != null) {
      return OrderRef.byClientId(symbol, cid);
    }
    throw ApiError.badRequest(-1102, "Either algoId or clientAlgoId must be sent.");
  }

  /** True for an order the regular order endpoints must not list (it lives in the algo service). */
  static boolean isAlgo(Order o) {
    return o.type().isConditional();
  }

  private OrderRequest request(Map<String, String> p) {
    if (!"CONDITIONAL".equals(p.get("algoType"))) {
      throw ApiError.badRequest(-1116, "Invalid algoType: only CONDITIONAL is supported.");
    }
    Instrument i = instruments.apply(Params.require(p, "symbol"));
    OrderType type;
    try {
      type = OrderType.valueOf(Params.require(p, "type"));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(-1116, "Invalid orderType.");
    }
    if (!type.isConditional()) {
      throw ApiError.badRequest(-1116, "Invalid orderType for an algo order: " + type);
    }
    boolean close = Boolean.parseBoolean(p.get("closePosition"));
    String wt = p.get("workingType");
    String ps = p.get("positionSide");
    try {
      Trigger t =
          new Trigger(
              decimalOrNull(p, "triggerPrice"),
              decimalOrNull(p, "callbackRate"),
              decimalOrNull(p, "activatePrice"),
              wt == null ? WorkingType.CONTRACT_PRICE : WorkingType.valueOf(wt),
              close);
      String qty = p.get("quantity");
      return OrderRequest.builder()
          .symbol(i.symbol())
          .side(Side.valueOf(Params.require(p, "side")))
          .type(type)
          // closePosition sends no quantity: the simulator closes what is held when it fires
          .quantity(qty == null && close ? placeholder(i, type) : decimal(qty))
          .reduceOnly(Boolean.parseBoolean(p.get("reduceOnly")))
          .positionSide(ps == null ? PositionSide.BOTH : PositionSide.valueOf(ps))
          .clientOrderId(p.get("clientAlgoId"))
          .trigger(t)
          .build();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(-1102, String.valueOf(e.getMessage()));
    }
  }

  /** A valid quantity for a closePosition order, which names none. */
  static BigDecimal placeholder(Instrument i, OrderType type) {
    BigDecimal min = i.marketMinQty().signum() > 0 ? i.marketMinQty() : i.minQty();
    return min.max(i.stepSizeFor(type)).max(BigDecimal.ONE.movePointLeft(8));
  }

  /** Binance's algo status of a simulated conditional order. */
  static String status(Order o) {
    return switch (o.status()) {
      case NEW, PARTIALLY_FILLED -> "NEW";
      case TRIGGERED, FILLED -> "TRIGGERED";
      case CANCELED -> "CANCELED";
      case EXPIRED, EXPIRED_IN_MATCH -> "EXPIRED";
      case REJECTED -> "REJECTED";
    };
  }

  /** One algo order as the REST replies show it. */
  static Json algo(Json j, Order o) {
    String actual = o.triggeredOrderId();
    return j.obj()
        .num("algoId", BinanceWire.orderId(o.orderId()))
        .str("clientAlgoId", o.clientOrderId() == null ? "" : o.clientOrderId())
        .str("algoType", "CONDITIONAL")
        .str("orderType", o.type().name())
        .str("symbol", o.symbol())
        .str("side", o.side().name())
        .str("positionSide", o.positionSide().name())
        .str("timeInForce", "GTC")
        .str("quantity", BinanceWire.plain(o.quantity()))
        .str("algoStatus", status(o))
        .str("actualOrderId", actual == null ? "" : actual)
        .str("triggerPrice", BinanceWire.plain(o.triggerPrice()))
        .str("price", "0")
        .str("workingType", "CONTRACT_PRICE")
        .bool("closePosition", false)
        .bool("reduceOnly", o.reduceOnly())
        .num("createTime", o.createTime())
        .num("updateTime", o.updateTime())
        .end();
  }

  /** The {@code ALGO_UPDATE} user-stream event of a conditional order. */
  static String update(Order o, long now) {
    String actual = o.triggeredOrderId();
    Json j = new Json().obj().str("e", "ALGO_UPDATE").num("T", o.updateTime()).num("E", now);
    j.key("o")
        .obj()
        .str("caid", o.clientOrderId() == null ? "" : o.clientOrderId())
        .num("aid", BinanceWire.orderId(o.orderId()))
        .str("at", "CONDITIONAL")
        .str("o", o.type().name())
        .str("s", o.symbol())
        .str("S", o.side().name())
        .str("ps", o.positionSide().name())
        .str("f", "GTC")
        .str("q", BinanceWire.plain(o.quantity()))
        .str("X", status(o))
        .str("ai", actual == null ? "" : actual)
        .str("tp", BinanceWire.plain(o.triggerPrice()))
        .str("p", "0")
        .str("wt", "CONTRACT_PRICE")
        .bool("cp", false)
        .bool("R", o.reduceOnly())
        .num("tt", o.status().name().equals("TRIGGERED") ? o.updateTime() : 0)
        .end();
    return j.end().toString();
  }

  private static @Nullable BigDecimal decimalOrNull(Map<String, String> p, String name) {
    String v = p.get(name);
    return v == null || v.isEmpty() ? null : decimal(v);
  }

  private static BigDecimal decimal(@Nullable String v) {
    if (v == null || v.isEmpty()) {
      throw ApiError.missing("quantity");
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(-1100, "Illegal characters found in a decimal parameter.");
    }
  }
}
