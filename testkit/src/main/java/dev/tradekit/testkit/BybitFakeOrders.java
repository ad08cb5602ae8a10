package dev.tradekit.testkit;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Ticker24h;
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.api.model.Trigger;
import dev.tradekit.api.model.UserTradesQuery;
import dev.tradekit.api.model.WorkingType;
import dev.tradekit.testkit.BybitFakeRest.Failure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Bybit v5 order endpoints ({@code /v5/order/...} and {@code /v5/execution/list}) of one simulated
 * account; conditional orders through {@link BybitFakeStops}.
 */
final class BybitFakeOrders {
  private final VenueDriver driver;
  private final Map<String, Instrument> instruments;
  private final Faults faults;
  private final OrderHistory history;
  private final BybitFakeStops stops;

  BybitFakeOrders(
      VenueDriver driver,
      Map<String, Instrument> instruments,
      Faults faults,
      OrderHistory history,
      BybitFakeStops stops) {
    this.driver = driver;
    this.instruments = instruments;
    this.faults = faults;
    this.history = history;
    this.stops = stops;
  }

  /** The reply of the order endpoint {@code path}, or null when it is not one. */
  @Nullable String handle(
      String path,
      String apiKey,
      Exchange ex,
      Map<String, String> q,
      Map<String, @Nullable Object> b,
      long now) {
    return switch (path) {
      case "/v5/order/create" -> ack(create(apiKey, ex, b));
      case "/v5/order/amend" -> ack(amend(apiKey, ex, b));
      case "/v5/order/cancel" -> ack(cancel(apiKey, ex, b));
      case "/v5/order/cancel-all" -> cancelAll(apiKey, ex, str(b, "symbol"));
      case "/v5/order/create-batch" -> batch(apiKey, ex, b, true);
      case "/v5/order/cancel-batch" -> batch(apiKey, ex, b, false);
      case "/v5/order/realtime" -> orders(ex, apiKey, q, true);
      case "/v5/order/history" -> orders(ex, apiKey, q, false);
      case "/v5/execution/list" -> executions(ex, apiKey, q, now);
      default -> null;
    };
  }

  private static String str(Map<String, @Nullable Object> b, String name) {
    return BybitFakeRest.str(b, name);
  }

  private static Failure failure(Throwable t) {
    return BybitFakeRest.failure(t);
  }

  private static String ack(Order o) {
    return new Json()
        .obj()
        .str("orderId", o.orderId())
        .str("orderLinkId", o.clientOrderId() == null ? "" : o.clientOrderId())
        .end()
        .toString();
  }

  private Order create(String apiKey, Exchange ex, Map<String, @Nullable Object> b) {
    OrderRequest r = BybitFakeStops.isConditional(b) ? conditional(ex, b) : request(b);
    int unknown = faults.takeUnknownError();
    if (unknown < 0) {
      throw new Failure(200, 10016, "Internal server error: order status unknown");
    }
    Order o = driver.call(() -> ex.trading().place(r));
    history.record(apiKey, o);
    if (r.type().isConditional()) {
      stops.placed(o, b);
    }
    stops.releaseIfHeld(apiKey, o.orderId());
    if (unknown > 0) {
      throw new Failure(200, 10016, "Internal server error: order status unknown");
    }
    return o;
  }

  /**
   * A conditional order's request: {@code Market} with {@code triggerPrice} and {@code
   * triggerDirection} (see {@link BybitFakeStops}), refused when the price is already past it.
   */
  private OrderRequest conditional(Exchange ex, Map<String, @Nullable Object> b) {
    Instrument i = instrument(b);
    if (!"Market".equals(str(b, "orderType"))) {
      throw new Failure(200, 10001, "params error: the fake holds Market conditional orders only");
    }
    Side side = "Buy".equals(str(b, "side")) ? Side.BUY : Side.SELL;
    String direction = str(b, "triggerDirection");
    OrderType type = BybitFakeStops.type(side, direction);
    BigDecimal qty = new BigDecimal(str(b, "qty"));
    boolean close =
        qty.signum() == 0
            && "true".equals(String.valueOf(b.get("closeOnTrigger")))
            && "true".equals(String.valueOf(b.get("reduceOnly")));
    PositionSide ps = positionSide(b);
    try {
      Trigger t = BybitFakeStops.trigger(b, close);
      BigDecimal watched =
          driver.call(
              () ->
                  t.workingType() == WorkingType.MARK_PRICE
                      ? ex.marketData().markPrice(i.symbol())
                      : ex.marketData().ticker24h(i.symbol()).thenApply(Ticker24h::lastPrice));
      BybitFakeStops.checkNotPast(direction, java.util.Objects.requireNonNull(t.price()), watched);
      return OrderRequest.builder()
          .symbol(i.symbol())
          .side(side)
          .type(type)
          .quantity(close ? AlgoEndpoints.placeholder(i, type) : qty)
          .reduceOnly(
              !close
                  && ps == PositionSide.BOTH
                  && "true".equals(String.valueOf(b.get("reduceOnly"))))
          .positionSide(ps)
          .clientOrderId(linkId(b))
          .trigger(t)
          .build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Failure(200, 10001, "params error: " + e.getMessage());
    }
  }

  private Instrument instrument(Map<String, @Nullable Object> b) {
    Instrument i = instruments.get(str(b, "symbol"));
    if (i == null) {
      throw new Failure(200, 10001, "params error: symbol invalid");
    }
    return i;
  }

  private static PositionSide positionSide(Map<String, @Nullable Object> b) {
    Object idx = b.get("positionIdx");
    return switch (idx == null ? "0" : String.valueOf(idx)) {
      case "1" -> PositionSide.LONG;
      case "2" -> PositionSide.SHORT;
      default -> PositionSide.BOTH;
    };
  }

  private static @Nullable String linkId(Map<String, @Nullable Object> b) {
    Object link = b.get("orderLinkId");
    return link == null || String.valueOf(link).isEmpty() ? null : String.valueOf(link);
  }

  private OrderRequest request(Map<String, @Nullable Object> b) {
    String symbol = instrument(b).symbol();
    boolean market = "Market".equals(str(b, "orderType"));
    String tif = b.get("timeInForce") == null ? "GTC" : str(b, "timeInForce");
    PositionSide ps = positionSide(b);
    try {
      return OrderRequest.builder()
          .symbol(symbol)
          .side("Buy".equals(str(b, "side")) ? Side.BUY : Side.SELL)
          .type(market ? OrderType.MARKET : OrderType.LIMIT)
          .quantity(new BigDecimal(str(b, "qty")))
          .price(market ? null : new BigDecimal(str(b, "price")))
          .timeInForce(
              market
                  ? null
                  : switch (tif) {
                    case "IOC" -> TimeInForce.IOC;
                    case "FOK" -> TimeInForce.FOK;
                    case "PostOnly" -> TimeInForce.GTX;
                    default -> TimeInForce.GTC;
                  })
          .reduceOnly("true".equals(String.valueOf(b.get("reduceOnly"))))
          .positionSide(ps)
          .clientOrderId(linkId(b))
          .build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Failure(200, 10001, "params error: " + e.getMessage());
    }
  }

  private static OrderRef ref(Map<String, @Nullable Object> b) {
    String symbol = str(b, "symbol");
    Object id = b.get("orderId");
    if (id != null && !String.valueOf(id).isEmpty()) {
      return OrderRef.byId(symbol, String.valueOf(id));
    }
    Object link = b.get("orderLinkId");
    if (link == null || String.valueOf(link).isEmpty()) {
      throw new Failure(200, 10001, "params error: orderId or orderLinkId is required");
    }
    return OrderRef.byClientId(symbol, String.valueOf(link));
  }

  private Order cancel(String apiKey, Exchange ex, Map<String, @Nullable Object> b) {
    OrderRef ref = ref(b);
    Order o = driver.call(() -> ex.trading().cancel(ref));
    history.record(apiKey, o);
    return o;
  }

  private Order amend(String apiKey, Exchange ex, Map<String, @Nullable Object> b) {
    OrderRef ref = ref(b);
    Optional<Order> found = driver.call(() -> ex.trading().order(ref));
    Order o =
        found
            .filter(Order::isOpen)
            .orElseThrow(() -> new Failure(200, 110001, "order not exists or too late to replace"));
    if (o.type().isConditional()) {
      throw new Failure(
          200,
          10001,
          "params error: this fake does not amend conditional orders; cancel and place");
    }
    BigDecimal qty = b.get("qty") == null ? o.quantity() : new BigDecimal(str(b, "qty"));
    BigDecimal price =
        b.get("price") == null
            ? java.util.Objects.requireNonNull(o.price())
            : new BigDecimal(str(b, "price"));
    AmendRequest a = new AmendRequest(OrderRef.byId(o.symbol(), o.orderId()), o.side(), qty, price);
    Order amended = driver.call(() -> ex.amendment().orElseThrow().amend(a));
    history.record(apiKey, amended);
    return amended;
  }

  private String cancelAll(String apiKey, Exchange ex, String symbol) {
    List<Order> open = driver.call(() -> ex.trading().openOrders(symbol));
    driver.call(() -> ex.trading().cancelAll(symbol));
    Json j = new Json().obj().key("list").arr();
    for (Order o : open) {
      j.obj()
          .str("orderId", o.orderId())
          .str("orderLinkId", o.clientOrderId() == null ? "" : o.clientOrderId())
          .end();
    }
    return j.endArr().str("success", "1").end().toString();
  }

  @SuppressWarnings("unchecked")
  private String batch(
      String apiKey, Exchange ex, Map<String, @Nullable Object> b, boolean create) {
    Object raw = b.get("request");
    List<Object> items = raw instanceof List<?> l ? (List<Object>) l : List.of();
    if (items.size() > 10) {
      throw new Failure(200, 10001, "params error: at most 10 orders a batch");
    }
    Json list = new Json().arr();
    Json codes = new Json().arr();
    for (Object item : items) {
      Map<String, @Nullable Object> m =
          item instanceof Map<?, ?> mm ? (Map<String, @Nullable Object>) mm : Map.of();
      try {
        Order o = create ? create(apiKey, ex, m) : cancel(apiKey, ex, m);
        list.obj().str("category", "linear").str("symbol", o.symbol()).str("orderId", o.orderId());
        list.str("orderLinkId", o.clientOrderId() == null ? "" : o.clientOrderId()).end();
        codes.obj().num("code", 0).str("msg", "OK").end();
      } catch (RuntimeException e) {
        Failure f = e instanceof Failure ff ? ff : failure(e);
        list.obj().str("category", "linear").str("symbol", String.valueOf(m.get("symbol")));
        list.str("orderId", "").str("orderLinkId", "").end();
        codes.obj().num("code", f.retCode).str("msg", f.getMessage()).end();
      }
    }
    String result = "{\"list\":" + list.endArr() + "}";
    // a batch reply's per-order codes go in the envelope's retExtInfo: handle() writes it
    throw new BatchReply(result, "{\"list\":" + codes.endArr() + "}");
  }

  /** A batch reply, whose envelope has a {@code retExtInfo} of its own (not an error). */
  static final class BatchReply extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String result;
    final String retExtInfo;

    BatchReply(String result, String retExtInfo) {
      super(null, null, false, false);
      this.result = result;
      this.retExtInfo = retExtInfo;
    }
  }

  private String orders(Exchange ex, String apiKey, Map<String, String> q, boolean open) {
    String symbol = q.get("symbol");
    String orderId = q.get("orderId");
    String linkId = q.get("orderLinkId");
    List<Order> found = new ArrayList<>();
    if (open) {
      List<Order> all =
          symbol != null
              ? driver.call(() -> ex.trading().openOrders(symbol))
              : driver.call(() -> ex.trading().openOrders());
      found.addAll(all);
    } else {
      for (String s : symbol != null ? List.of(symbol) : List.copyOf(instruments.keySet())) {
        found.addAll(history.orders(apiKey, s, null, null, 100_000));
      }
      found.sort(Comparator.comparingLong(Order::updateTime).reversed());
    }
    Json j = new Json().obj().str("category", "linear").key("list").arr();
    int n = 0;
    for (Order raw : found) {
      if (stops.firedBy(apiKey, raw.orderId()) != null) {
        continue; // Bybit shows it under the conditional order that placed it
      }
      Order o = stops.asBybit(apiKey, raw, id -> history.find(apiKey, id));
      if ((orderId != null && !orderId.equals(o.orderId()))
          || (linkId != null && !linkId.equals(o.clientOrderId()))) {
        continue;
      }
      if (n++ == 50) {
        break;
      }
      BybitFakeWire.order(j, o, stops.triggerBy(o));
    }
    return j.endArr().str("nextPageCursor", "").end().toString();
  }

  private String executions(Exchange ex, String apiKey, Map<String, String> q, long now) {
    long end = q.containsKey("endTime") ? Long.parseLong(q.get("endTime")) : now;
    long start =
        q.containsKey("startTime")
            ? Long.parseLong(q.get("startTime"))
            : end - UserTradesQuery.MAX_WINDOW_MILLIS + 1;
    if (!q.containsKey("endTime")) {
      end = Math.min(end, start + UserTradesQuery.MAX_WINDOW_MILLIS - 1);
    }
    if (end - start >= UserTradesQuery.MAX_WINDOW_MILLIS) {
      throw new Failure(200, 10001, "params error: time range exceeds 7 days");
    }
    List<Fill> fills = new ArrayList<>();
    String symbol = q.get("symbol");
    long from = start;
    long to = end;
    for (String s : symbol != null ? List.of(symbol) : List.copyOf(instruments.keySet())) {
      UserTradesQuery uq =
          UserTradesQuery.builder().symbol(s).startTime(from).endTime(to).limit(1000).build();
      fills.addAll(driver.call(() -> ex.trading().userTrades(uq)));
    }
    fills.sort(Comparator.comparingLong(Fill::time).reversed());
    int limit = Math.min(100, Integer.parseInt(q.getOrDefault("limit", "50")));
    int offset = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor")) : 0;
    Json j = new Json().obj().str("category", "linear").key("list").arr();
    for (int k = offset; k < Math.min(fills.size(), offset + limit); k++) {
      BybitFakeWire.execution(j, stops.asBybit(apiKey, fills.get(k)));
    }
    String next = offset + limit < fills.size() ? Integer.toString(offset + limit) : "";
    return j.endArr().str("nextPageCursor", next).end().toString();
  }
}
