package dev.tradekit.testkit;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The REST endpoints of Binance USD-M that the adapter uses, answered from the simulated venue. */
final class Endpoints {
  /** Marks an endpoint whose order count is the size of its batch. */
  static final int BATCH = -1;

  enum Security {
    NONE,
    API_KEY,
    SIGNED
  }

  record Spec(String method, String path, int weight, Security security, int orders) {}

  private static final List<Spec> SPECS =
      List.of(
          new Spec("GET", "/fapi/v1/ping", 1, Security.NONE, 0),
          new Spec("GET", "/fapi/v1/time", 1, Security.NONE, 0),
          new Spec("GET", "/fapi/v1/exchangeInfo", 1, Security.NONE, 0),
          new Spec("GET", "/fapi/v1/depth", 10, Security.NONE, 0),
          new Spec("GET", "/fapi/v1/ticker/bookTicker", 2, Security.NONE, 0),
          new Spec("GET", "/fapi/v1/premiumIndex", 1, Security.NONE, 0),
          new Spec("POST", "/fapi/v1/order", 1, Security.SIGNED, 1),
          new Spec("PUT", "/fapi/v1/order", 1, Security.SIGNED, 1),
          new Spec("DELETE", "/fapi/v1/order", 1, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v1/order", 1, Security.SIGNED, 0),
          new Spec("POST", "/fapi/v1/batchOrders", 5, Security.SIGNED, BATCH),
          new Spec("DELETE", "/fapi/v1/batchOrders", 1, Security.SIGNED, 0),
          new Spec("DELETE", "/fapi/v1/allOpenOrders", 1, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v1/openOrders", 1, Security.SIGNED, 0),
          new Spec("POST", AlgoEndpoints.PATH, 0, Security.SIGNED, 1),
          new Spec("DELETE", AlgoEndpoints.PATH, 1, Security.SIGNED, 0),
          new Spec("GET", AlgoEndpoints.PATH, 1, Security.SIGNED, 0),
          new Spec("GET", AlgoEndpoints.OPEN_PATH, 1, Security.SIGNED, 0),
          new Spec("GET", AlgoEndpoints.ALL_PATH, 5, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v2/account", 5, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v3/account", 5, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v2/positionRisk", 5, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v3/positionRisk", 5, Security.SIGNED, 0),
          new Spec("POST", "/fapi/v1/leverage", 1, Security.SIGNED, 0),
          new Spec("POST", "/fapi/v1/marginType", 1, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v1/positionSide/dual", 30, Security.SIGNED, 0),
          new Spec("POST", "/fapi/v1/positionSide/dual", 1, Security.SIGNED, 0),
          new Spec("POST", "/fapi/v1/listenKey", 1, Security.API_KEY, 0),
          new Spec("PUT", "/fapi/v1/listenKey", 1, Security.API_KEY, 0),
          new Spec("DELETE", "/fapi/v1/listenKey", 1, Security.API_KEY, 0),
          new Spec("GET", "/fapi/v1/userTrades", 5, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v1/allOrders", 5, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v1/ticker/24hr", 1, Security.NONE, 0),
          new Spec("GET", "/fapi/v1/klines", 5, Security.NONE, 0),
          new Spec("GET", "/fapi/v1/income", 30, Security.SIGNED, 0),
          new Spec("POST", "/fapi/v1/countdownCancelAll", 10, Security.SIGNED, 0),
          new Spec("GET", "/fapi/v1/rateLimit/order", 1, Security.SIGNED, 0));

  private final SimVenue venue;
  private final VenueDriver driver;
  private final AlgoEndpoints algo;
  private final Map<String, Instrument> instruments;
  private final Map<String, Exchange> accounts;
  private final Map<String, Integer> leverage;
  private final Map<String, MarginType> marginTypes = new ConcurrentHashMap<>();
  private final UserStreamHub users;
  private final Faults faults;
  private final RateLimits limits;
  private final OrderHistory history;

  Endpoints(
      SimVenue venue,
      VenueDriver driver,
      Map<String, Instrument> instruments,
      Map<String, Exchange> accounts,
      Map<String, Integer> leverage,
      UserStreamHub users,
      Faults faults,
      RateLimits limits,
      OrderHistory history) {
    this.venue = venue;
    this.driver = driver;
    this.algo = new AlgoEndpoints(driver, this::instrument, history);
    this.instruments = instruments;
    this.accounts = accounts;
    this.leverage = leverage;
    this.users = users;
    this.faults = faults;
    this.limits = limits;
    this.history = history;
  }

  static @Nullable Spec spec(String method, String path) {
    for (Spec s : SPECS) {
      if (s.method.equals(method) && s.path.equals(path)) {
        return s;
      }
    }
    return null;
  }

  /**
   * The request weight of a call: the spec's, except 24 h tickers without a symbol (40), depth by
   * {@code limit} (up to 50: 2, 100: 5, 500: 10, 1000: 20; default 500) and klines by {@code limit}
   * (below 100: 1, below 500: 2, up to 1000: 5, above: 10).
   */
  static int weight(Spec spec, Map<String, String> p) {
    if (spec.path.equals("/fapi/v1/ticker/24hr") && !p.containsKey("symbol")) {
      return 40;
    }
    if (spec.path.equals("/fapi/v1/depth")) {
      int limit = intParam(p, "limit", 500);
      return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
    }
    if (spec.path.equals("/fapi/v1/klines")) {
      int limit = intParam(p, "limit", 500);
      return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
    }
    return spec.weight;
  }

  static int batchSize(Map<String, String> p) {
    Object parsed = Json.parse(require(p, "batchOrders"));
    if (!(parsed instanceof List<?> l) || l.isEmpty() || l.size() > 5) {
      throw ApiError.badRequest(-1102, "batchOrders must be a JSON array of 1 to 5 orders");
    }
    return l.size();
  }

  String handle(Spec spec, @Nullable String apiKey, Map<String, String> p, long now) {
    String key = spec.method + " " + spec.path;
    switch (key) {
      case "GET /fapi/v1/ping":
        return "{}";
      case "GET /fapi/v1/time":
        return "{\"serverTime\":" + now + "}";
      case "GET /fapi/v1/exchangeInfo":
        return BinanceWire.exchangeInfo(instruments.values(), now, limits);
      case "GET /fapi/v1/depth":
        {
          Instrument i = instrument(require(p, "symbol"));
          int limit = p.containsKey("limit") ? Integer.parseInt(p.get("limit")) : 500;
          return driver.run(() -> BinanceWire.depth(i, venue.publicBook(i.symbol()), limit, now));
        }
      case "GET /fapi/v1/ticker/bookTicker":
        return bookTicker(instrument(require(p, "symbol")), now);
      case "GET /fapi/v1/premiumIndex":
        {
          Instrument i = instrument(require(p, "symbol"));
          BigDecimal mark = driver.run(() -> venue.markPrice(i.symbol()));
          Json j =
              new Json().obj().str("symbol", i.symbol()).str("markPrice", BinanceWire.plain(mark));
          j.str("indexPrice", BinanceWire.plain(mark))
              .str("estimatedSettlePrice", BinanceWire.plain(mark));
          j.str("lastFundingRate", "0").num("nextFundingTime", 0).str("interestRate", "0");
          return j.num("time", now).end().toString();
        }
      case "GET /fapi/v1/ticker/24hr":
        {
          String symbol = p.get("symbol");
          Exchange any = anyAccount();
          if (symbol == null) {
            return HistoryWire.ticker(driver.call(() -> any.marketData().tickers24h()), false);
          }
          String s = instrument(symbol).symbol();
          return HistoryWire.ticker(
              List.of(driver.call(() -> any.marketData().ticker24h(s))), true);
        }
      case "GET /fapi/v1/klines":
        {
          KlineQuery q;
          try {
            q =
                new KlineQuery(
                    instrument(require(p, "symbol")).symbol(),
                    KlineInterval.fromCode(require(p, "interval")),
                    longParam(p, "startTime"),
                    longParam(p, "endTime"),
                    intParam(p, "limit", 500));
          } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(-1120, "Invalid interval or range: " + e.getMessage());
          }
          Exchange any = anyAccount();
          return HistoryWire.klines(driver.call(() -> any.marketData().klines(q)));
        }
      default:
        break;
    }
    Exchange ex = Objects.requireNonNull(accounts.get(Objects.requireNonNull(apiKey)));
    String algoReply = algo.handle(key, ex, p, apiKey);
    if (algoReply != null) {
      return algoReply;
    }
    switch (key) {
      case "POST /fapi/v1/order":
        {
          OrderRequest req = orderRequest(p);
          if (faults.takeRejection()) {
            throw ApiError.badRequest(
                -4131,
                "The counterparty's best price does not meet the PERCENT_PRICE filter limit.");
          }
          int unknown = faults.takeUnknownError();
          if (unknown < 0) {
            throw new ApiError(503, -1000, Faults.UNKNOWN_ERROR);
          }
          Order o = driver.call(() -> ex.trading().place(req));
          history.record(apiKey, o);
          if (unknown > 0) {
            throw new ApiError(503, -1000, Faults.UNKNOWN_ERROR);
          }
          return BinanceWire.order(new Json(), o).toString();
        }
      case "PUT /fapi/v1/order":
        {
          AmendRequest a =
              new AmendRequest(
                  ref(p),
                  Side.valueOf(require(p, "side")),
                  decimal(p, "quantity"),
                  decimal(p, "price"));
          Order o = driver.call(() -> ex.amendment().orElseThrow().amend(a));
          return BinanceWire.order(new Json(), o).toString();
        }
      case "DELETE /fapi/v1/order":
        {
          OrderRef r = ref(p);
          if (driver.call(() -> ex.trading().order(r)).filter(AlgoEndpoints::isAlgo).isPresent()) {
            throw ApiError.badRequest(-2011, "Unknown order sent."); // an algo order: not here
          }
          Order o = driver.call(() -> ex.trading().cancel(r));
          history.record(apiKey, o);
          return BinanceWire.order(new Json(), o).toString();
        }
      case "GET /fapi/v1/order":
        {
          OrderRef r = ref(p);
          Order o =
              driver
                  .call(() -> ex.trading().order(r))
                  .filter(x -> !AlgoEndpoints.isAlgo(x)) // algo orders answer on /algoOrder only
                  .orElseThrow(() -> ApiError.badRequest(-2013, "Order does not exist."));
          return BinanceWire.order(new Json(), o).toString();
        }
      case "POST /fapi/v1/batchOrders":
        {
          List<OrderRequest> reqs = new ArrayList<>();
          for (Object item :
              (List<?>) Objects.requireNonNull(Json.parse(require(p, "batchOrders")))) {
            @SuppressWarnings("unchecked")
            Map<String, String> m = (Map<String, String>) item;
            reqs.add(orderRequest(m));
          }
          return batch(driver.call(() -> ex.trading().placeBatch(reqs)));
        }
      case "DELETE /fapi/v1/batchOrders":
        {
          String symbol = require(p, "symbol");
          List<OrderRef> refs = new ArrayList<>();
          String ids = p.get("orderIdList");
          for (Object o :
              (List<?>)
                  Objects.requireNonNull(
                      Json.parse(ids != null ? ids : require(p, "origClientOrderIdList")))) {
            refs.add(
                ids != null
                    ? OrderRef.byId(symbol, String.valueOf(o))
                    : OrderRef.byClientId(symbol, String.valueOf(o)));
          }
          return batch(driver.call(() -> ex.trading().cancelBatch(refs)));
        }
      case "DELETE /fapi/v1/allOpenOrders":
        {
          String symbol = instrument(require(p, "symbol")).symbol();
          driver.call(() -> ex.trading().cancelAll(symbol));
          return "{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}";
        }
      case "GET /fapi/v1/openOrders":
        {
          String symbol = p.get("symbol");
          List<Order> open =
              driver.call(
                  () ->
                      symbol == null ? ex.trading().openOrders() : ex.trading().openOrders(symbol));
          return BinanceWire.orders(open.stream().filter(o -> !AlgoEndpoints.isAlgo(o)).toList());
        }
      case "GET /fapi/v2/account":
      case "GET /fapi/v3/account":
        return BinanceWire.account(driver.call(() -> ex.account().snapshot()), 20);
      case "GET /fapi/v2/positionRisk":
      case "GET /fapi/v3/positionRisk":
        {
          String symbol = p.get("symbol");
          List<dev.tradekit.api.model.Position> all =
              new ArrayList<>(driver.call(() -> ex.account().positions()));
          all.removeIf(pos -> symbol != null && !pos.symbol().equals(symbol));
          return BinanceWire.positionRisk(all);
        }
      case "POST /fapi/v1/leverage":
        {
          String symbol = instrument(require(p, "symbol")).symbol();
          int lev = Integer.parseInt(require(p, "leverage"));
          driver.call(() -> ex.trading().setLeverage(symbol, lev));
          leverage.put(apiKey + "/" + symbol, lev);
          return new Json()
              .obj()
              .str("symbol", symbol)
              .num("leverage", lev)
              .str("maxNotionalValue", "1000000")
              .end()
              .toString();
        }
      case "POST /fapi/v1/marginType":
        {
          String symbol = instrument(require(p, "symbol")).symbol();
          String wire = require(p, "marginType");
          MarginType type;
          if (wire.equals("ISOLATED")) {
            type = MarginType.ISOLATED;
          } else if (wire.equals("CROSSED")) {
            type = MarginType.CROSS;
          } else {
            throw new ApiError(400, -1116, "Invalid marginType.");
          }
          String slot = apiKey + "/" + symbol;
          if (marginTypes.getOrDefault(slot, MarginType.CROSS) == type) {
            throw new ApiError(400, -4046, "No need to change margin type.");
          }
          driver.call(() -> ex.marginModes().orElseThrow().setMarginType(symbol, type));
          marginTypes.put(slot, type);
          return "{\"code\":200,\"msg\":\"success\"}";
        }
      case "GET /fapi/v1/positionSide/dual":
        {
          PositionMode mode = driver.call(() -> ex.account().snapshot()).positionMode();
          return "{\"dualSidePosition\":" + (mode == PositionMode.HEDGE) + "}";
        }
      case "POST /fapi/v1/positionSide/dual":
        {
          PositionMode mode =
              Boolean.parseBoolean(require(p, "dualSidePosition"))
                  ? PositionMode.HEDGE
                  : PositionMode.ONE_WAY;
          driver.call(() -> ex.trading().setPositionMode(mode));
          return "{\"code\":200,\"msg\":\"success\"}";
        }
      case "GET /fapi/v1/userTrades":
        {
          String symbol = instrument(require(p, "symbol")).symbol();
          Long fromId = longParam(p, "fromId");
          Long start = longParam(p, "startTime");
          Long end = longParam(p, "endTime");
          int limit = Math.min(intParam(p, "limit", 500), 1000);
          List<Fill> all = driver.run(() -> venue.fills(apiKey));
          List<Fill> out = new ArrayList<>();
          for (Fill f : all) {
            long id = BinanceWire.orderId(f.tradeId());
            if (f.symbol().equals(symbol)
                && (fromId == null || id >= fromId)
                && (fromId != null || start == null || f.time() >= start)
                && (fromId != null || end == null || f.time() <= end)
                && out.size() < limit) {
              out.add(f);
            }
          }
          return HistoryWire.userTrades(out, instrument(symbol).marginAsset());
        }
      case "GET /fapi/v1/allOrders":
        {
          String symbol = instrument(require(p, "symbol")).symbol();
          int limit = Math.min(intParam(p, "limit", 500), 1000);
          return BinanceWire.orders(
              history.orders(
                  apiKey,
                  symbol,
                  longParam(p, "orderId"),
                  longParam(p, "startTime"),
                  limit,
                  o -> !AlgoEndpoints.isAlgo(o))); // algo orders: GET /fapi/v1/allAlgoOrders
        }
      case "GET /fapi/v1/income":
        {
          String symbol = p.get("symbol");
          Long start = longParam(p, "startTime");
          Long end = longParam(p, "endTime");
          int limit = Math.min(intParam(p, "limit", 100), 1000);
          List<Income> out = new ArrayList<>();
          for (Income i : driver.run(() -> venue.income(apiKey))) {
            if ((symbol == null || i.symbol().equals(symbol))
                && (start == null || i.time() >= start)
                && (end == null || i.time() <= end)
                && out.size() < limit) {
              out.add(i);
            }
          }
          return HistoryWire.income(out);
        }
      case "POST /fapi/v1/countdownCancelAll":
        {
          String symbol = instrument(require(p, "symbol")).symbol();
          long countdown = Objects.requireNonNull(longParam(p, "countdownTime"), "countdownTime");
          if (countdown < 0) {
            throw ApiError.badRequest(-1102, "countdownTime must not be negative.");
          }
          driver.call(
              () -> ex.deadManSwitch().orElseThrow().arm(symbol, Duration.ofMillis(countdown)));
          return new Json()
              .obj()
              .str("symbol", symbol)
              .str("countdownTime", Long.toString(countdown))
              .end()
              .toString();
        }
      case "GET /fapi/v1/rateLimit/order":
        {
          Json j = new Json().arr();
          j.obj().str("rateLimitType", "ORDERS").str("interval", "SECOND").num("intervalNum", 10);
          j.num("limit", limits.ordersPer10Seconds()).end();
          j.obj().str("rateLimitType", "ORDERS").str("interval", "MINUTE").num("intervalNum", 1);
          return j.num("limit", limits.ordersPerMinute()).end().endArr().toString();
        }
      case "POST /fapi/v1/listenKey":
        return "{\"listenKey\":\"" + users.createKey(apiKey) + "\"}";
      case "PUT /fapi/v1/listenKey":
        return "{\"listenKey\":\"" + users.keepAlive(apiKey) + "\"}";
      case "DELETE /fapi/v1/listenKey":
        users.closeKey(apiKey);
        return "{}";
      default:
        throw new ApiError(
            404, -5000, "Path " + spec.path + ", Method " + spec.method + " is invalid");
    }
  }

  private String bookTicker(Instrument i, long now) {
    return driver.run(
        () -> {
          OrderBookView b = venue.publicBook(i.symbol());
          Json j = new Json().obj().str("symbol", i.symbol());
          j.str("bidPrice", BinanceWire.price(i, b.bestBidTicks()))
              .str("bidQty", BinanceWire.qty(i, b.bestBidQuantity()));
          j.str("askPrice", BinanceWire.price(i, b.bestAskTicks()))
              .str("askQty", BinanceWire.qty(i, b.bestAskQuantity()));
          return j.num("time", now).num("lastUpdateId", b.lastUpdateId()).end().toString();
        });
  }

  private static String batch(List<BatchResult<Order>> results) {
    Json j = new Json().arr();
    for (BatchResult<Order> r : results) {
      if (r.isSuccess()) {
        BinanceWire.order(j, r.value());
      } else {
        ApiError e = ApiError.of(r.error());
        j.obj().num("code", e.code).str("msg", e.getMessage()).end();
      }
    }
    return j.endArr().toString();
  }

  /** Market data is the same for every account; any one answers it. */
  private Exchange anyAccount() {
    return accounts.values().stream()
        .findFirst()
        .orElseGet(
            () ->
                driver.run(
                    () -> {
                      java.util.List<String> names = venue.accountNames();
                      return names.isEmpty()
                          ? venue.openAccount(
                              "fake-binance-market", AccountSetup.usdt(BigDecimal.ONE))
                          : venue.account(names.get(0));
                    }));
  }

  static @Nullable Long longParam(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'.");
    }
  }

  static int intParam(Map<String, String> p, String name, int fallback) {
    Long v = longParam(p, name);
    if (v == null) {
      return fallback;
    }
    if (v < 1 || v > 1500) {
      throw ApiError.badRequest(-1130, "Data sent for parameter '" + name + "' is not valid.");
    }
    return v.intValue();
  }

  private Instrument instrument(String symbol) {
    Instrument i = instruments.get(symbol);
    if (i == null) {
      throw ApiError.badRequest(-1121, "Invalid symbol.");
    }
    return i;
  }

  private OrderRequest orderRequest(Map<String, String> p) {
    Instrument i = instrument(require(p, "symbol"));
    OrderType type = OrderType.valueOf(require(p, "type"));
    String tif = p.get("timeInForce");
    String price = p.get("price");
    String ps = p.get("positionSide");
    try {
      return OrderRequest.builder()
          .symbol(i.symbol())
          .side(Side.valueOf(require(p, "side")))
          .type(type)
          .timeInForce(
              type == OrderType.LIMIT ? TimeInForce.valueOf(tif == null ? "GTC" : tif) : null)
          .quantity(decimal(p, "quantity"))
          .price(price == null ? null : new BigDecimal(price))
          .reduceOnly(Boolean.parseBoolean(p.get("reduceOnly")))
          .positionSide(ps == null ? PositionSide.BOTH : PositionSide.valueOf(ps))
          .clientOrderId(p.get("newClientOrderId"))
          .build();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(-1102, String.valueOf(e.getMessage()));
    }
  }

  private static OrderRef ref(Map<String, String> p) {
    String symbol = require(p, "symbol");
    String id = p.get("orderId");
    String cid = p.get("origClientOrderId");
    if (id != null) {
      return OrderRef.byId(symbol, id);
    }
    if (cid != null) {
      return OrderRef.byClientId(symbol, cid);
    }
    throw ApiError.badRequest(-1102, "Either orderId or origClientOrderId must be sent.");
  }

  private static BigDecimal decimal(Map<String, String> p, String name) {
    try {
      return new BigDecimal(require(p, name));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'.");
    }
  }

  static String require(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      throw ApiError.missing(name);
    }
    return v;
  }
}
