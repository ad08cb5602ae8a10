package dev.tradekit.testkit;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Ticker24h;
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.api.model.UserTradesQuery;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Bybit v5 REST (category {@code linear}) on the simulated venue: Bybit's envelope ({@code
 * retCode}, {@code retMsg}, {@code result}, {@code retExtInfo}, {@code time}), its retCodes, the
 * {@code X-BAPI-*} signature over {@code timestamp + apiKey + recvWindow + (query | body)} checked
 * on every private call, the {@code X-Bapi-Limit*} headers of a per-account order limit (retCode
 * 10006 when spent), and the {@link Faults}: latency, 5xx, unknown order outcome (retCode 10016,
 * with or without the order placed), clock skew.
 */
final class BybitFakeRest extends Handler.Abstract {
  /** An error reply: HTTP status and Bybit's retCode. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int http;
    final int retCode;

    Failure(int http, int retCode, String msg) {
      super(msg, null, false, false);
      this.http = http;
      this.retCode = retCode;
    }
  }

  private final SimVenue venue;
  private final VenueDriver driver;
  private final Map<String, Instrument> instruments;
  private final Map<String, Exchange> accounts;
  private final Exchange market;
  private final Map<String, String> secrets;
  private final Faults faults;
  private final OrderHistory history;
  private final int ordersPerSecond;
  private final BybitFakeDcp dcp;
  private final Map<String, MarginType> marginModes = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> orderTimes = new ConcurrentHashMap<>();

  BybitFakeRest(
      SimVenue venue,
      VenueDriver driver,
      Map<String, Instrument> instruments,
      Map<String, Exchange> accounts,
      Exchange market,
      Map<String, String> secrets,
      Faults faults,
      OrderHistory history,
      int ordersPerSecond,
      BybitFakeDcp dcp) {
    this.dcp = dcp;
    this.venue = venue;
    this.driver = driver;
    this.instruments = instruments;
    this.accounts = accounts;
    this.market = market;
    this.secrets = secrets;
    this.faults = faults;
    this.history = history;
    this.ordersPerSecond = ordersPerSecond;
  }

  long serverTime() {
    return driver.now() + faults.skewMillis();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String rawQuery = request.getHttpURI().getQuery();
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    long latency = faults.latencyMillis();
    if (latency > 0) {
      Thread.sleep(latency);
    }
    long now = serverTime();
    int http = 200;
    String reply;
    Map<String, String> headers = new LinkedHashMap<>();
    try {
      int serverError = faults.takeServerError();
      if (serverError != 0) {
        throw new Failure(serverError, 0, "Service Unavailable");
      }
      Map<String, String> q = RestHandler.params(rawQuery, "");
      Map<String, @Nullable Object> b = body.startsWith("{") ? object(body) : Map.of();
      String result;
      if (path.startsWith("/v5/market/")) {
        result = market(path, q);
      } else {
        String apiKey = authenticate(request, rawQuery, body, now);
        if (path.startsWith("/v5/order/create") || path.equals("/v5/order/amend")) {
          limit(apiKey, now, path, headers);
        }
        result = account(path, apiKey, q, b, now);
      }
      reply = envelope(0, "OK", result, now);
    } catch (BatchReply r) {
      reply =
          "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":"
              + r.result
              + ",\"retExtInfo\":"
              + r.retExtInfo
              + ",\"time\":"
              + now
              + "}";
    } catch (Failure f) {
      http = f.http;
      reply = http == 200 ? envelope(f.retCode, f.getMessage(), "{}", now) : f.getMessage();
    } catch (RuntimeException e) {
      Failure f = failure(e);
      reply = envelope(f.retCode, f.getMessage(), "{}", now);
    }
    response.setStatus(http);
    headers.forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, reply, callback);
    return true;
  }

  private static String envelope(int code, @Nullable String msg, String result, long now) {
    return "{\"retCode\":"
        + code
        + ",\"retMsg\":"
        + new Json().str(msg == null ? "" : msg)
        + ",\"result\":"
        + result
        + ",\"retExtInfo\":{},\"time\":"
        + now
        + "}";
  }

  /** The API key of a correctly signed request within its receive window. */
  private String authenticate(Request request, @Nullable String rawQuery, String body, long now) {
    String key = request.getHeaders().get("X-BAPI-API-KEY");
    String ts = request.getHeaders().get("X-BAPI-TIMESTAMP");
    String recv = request.getHeaders().get("X-BAPI-RECV-WINDOW");
    String sign = request.getHeaders().get("X-BAPI-SIGN");
    String secret = key == null ? null : secrets.get(key);
    if (secret == null || ts == null || sign == null) {
      throw new Failure(200, 10003, "API key is invalid.");
    }
    long window = recv == null ? 5000 : Long.parseLong(recv);
    long t = Long.parseLong(ts);
    if (t > now + 1000 || now - t > window) {
      throw new Failure(
          200,
          10002,
          "invalid request, please check your server timestamp or recv_window param. req_timestamp["
              + t
              + "],server_timestamp["
              + now
              + "],recv_window["
              + window
              + "]");
    }
    String payload =
        ts
            + key
            + (recv == null ? "" : recv)
            + ("POST".equals(request.getMethod()) ? body : rawQuery == null ? "" : rawQuery);
    if (!MessageDigest.isEqual(
        Auth.sign(secret, payload).getBytes(StandardCharsets.US_ASCII),
        sign.getBytes(StandardCharsets.US_ASCII))) {
      throw new Failure(200, 10004, "error sign! origin_string[hidden]");
    }
    return key;
  }

  private synchronized void limit(String apiKey, long now, String path, Map<String, String> h) {
    Deque<Long> times = orderTimes.computeIfAbsent(apiKey + path, k -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - 1000) {
      times.pollFirst();
    }
    long reset = times.isEmpty() ? now + 1000 : times.peekFirst() + 1000;
    h.put("X-Bapi-Limit", Integer.toString(ordersPerSecond));
    h.put("X-Bapi-Limit-Reset-Timestamp", Long.toString(reset));
    if (times.size() >= ordersPerSecond) {
      h.put("X-Bapi-Limit-Status", "0");
      throw new Failure(200, 10006, "Too many visits!");
    }
    times.addLast(now);
    h.put("X-Bapi-Limit-Status", Integer.toString(ordersPerSecond - times.size()));
  }

  // ------------------------------------------------------------------ market

  private String market(String path, Map<String, String> q) {
    return switch (path) {
      case "/v5/market/time" -> {
        long now = serverTime();
        yield "{\"timeSecond\":\"" + now / 1000 + "\",\"timeNano\":\"" + now * 1_000_000 + "\"}";
      }
      case "/v5/market/instruments-info" -> {
        Json j = new Json().obj().str("category", "linear").key("list").arr();
        for (Instrument i : instruments.values()) {
          if (!q.containsKey("symbol") || q.get("symbol").equals(i.symbol())) {
            BybitFakeWire.instrument(j, i);
          }
        }
        yield j.endArr().str("nextPageCursor", "").end().toString();
      }
      case "/v5/market/orderbook" ->
          book(symbol(q), Integer.parseInt(q.getOrDefault("limit", "25")));
      case "/v5/market/tickers" -> tickers(q.get("symbol"));
      case "/v5/market/kline" -> klines(q);
      default -> throw new Failure(404, 0, "Not Found");
    };
  }

  private String symbol(Map<String, String> q) {
    String s = q.get("symbol");
    if (s == null || !instruments.containsKey(s)) {
      throw new Failure(200, 10001, "params error: symbol invalid");
    }
    return s;
  }

  private String book(String symbol, int limit) {
    Instrument i = java.util.Objects.requireNonNull(instruments.get(symbol));
    return driver.run(
        () -> {
          OrderBookView v = venue.publicBook(symbol);
          Json j = new Json().obj().str("s", symbol).key("b").arr();
          for (int k = 0; k < Math.min(limit, v.depth(Side.BUY)); k++) {
            j.arr().str(BinanceWire.price(i, v.priceTicks(Side.BUY, k)));
            j.str(BinanceWire.qty(i, v.quantity(Side.BUY, k))).endArr();
          }
          j.endArr().key("a").arr();
          for (int k = 0; k < Math.min(limit, v.depth(Side.SELL)); k++) {
            j.arr().str(BinanceWire.price(i, v.priceTicks(Side.SELL, k)));
            j.str(BinanceWire.qty(i, v.quantity(Side.SELL, k))).endArr();
          }
          j.endArr()
              .num("ts", serverTime())
              .num("u", v.lastUpdateId())
              .num("seq", v.lastUpdateId());
          return j.num("cts", serverTime()).end().toString();
        });
  }

  private String tickers(@Nullable String symbol) {
    List<Ticker24h> all = driver.call(() -> market.marketData().tickers24h());
    Json j = new Json().obj().str("category", "linear").key("list").arr();
    for (Ticker24h t : all) {
      if (symbol != null && !symbol.equals(t.symbol())) {
        continue;
      }
      Instrument i = instruments.get(t.symbol());
      j.obj().str("symbol", t.symbol()).str("lastPrice", BybitFakeWire.plain(t.lastPrice()));
      j.str("prevPrice24h", BybitFakeWire.plain(t.openPrice()));
      j.str("price24hPcnt", BybitFakeWire.plain(t.priceChangePercent().movePointLeft(2)));
      j.str("highPrice24h", BybitFakeWire.plain(t.highPrice()));
      j.str("lowPrice24h", BybitFakeWire.plain(t.lowPrice()));
      j.str("volume24h", BybitFakeWire.plain(t.volume()));
      j.str("turnover24h", BybitFakeWire.plain(t.quoteVolume()));
      BigDecimal mark;
      try {
        mark = driver.call(() -> market.marketData().markPrice(t.symbol()));
      } catch (RuntimeException e) {
        mark = t.lastPrice();
      }
      j.str(
          "markPrice",
          i == null
              ? BybitFakeWire.plain(mark)
              : BybitFakeWire.plain(i.roundPrice(mark, java.math.RoundingMode.HALF_UP)));
      j.end();
    }
    return j.endArr().end().toString();
  }

  private String klines(Map<String, String> q) {
    String symbol = symbol(q);
    KlineInterval interval = interval(q.getOrDefault("interval", ""));
    KlineQuery.Builder kb =
        KlineQuery.builder()
            .symbol(symbol)
            .interval(interval)
            .limit(Math.min(1000, Integer.parseInt(q.getOrDefault("limit", "200"))));
    if (q.containsKey("start")) {
      kb.startTime(Long.parseLong(q.get("start")));
    }
    if (q.containsKey("end")) {
      kb.endTime(Long.parseLong(q.get("end")));
    }
    KlineQuery query = kb.build();
    List<Kline> bars = driver.call(() -> market.marketData().klines(query));
    Json j = new Json().obj().str("category", "linear").str("symbol", symbol).key("list").arr();
    for (int k = bars.size() - 1; k >= 0; k--) {
      Kline b = bars.get(k);
      j.arr().str(Long.toString(b.openTime())).str(b.open().toPlainString());
      j.str(b.high().toPlainString()).str(b.low().toPlainString()).str(b.close().toPlainString());
      j.str(b.volume().toPlainString()).str(b.quoteVolume().toPlainString()).endArr();
    }
    return j.endArr().end().toString();
  }

  private static KlineInterval interval(String code) {
    return switch (code) {
      case "1" -> KlineInterval.M1;
      case "3" -> KlineInterval.M3;
      case "5" -> KlineInterval.M5;
      case "15" -> KlineInterval.M15;
      case "30" -> KlineInterval.M30;
      case "60" -> KlineInterval.H1;
      case "120" -> KlineInterval.H2;
      case "240" -> KlineInterval.H4;
      case "360" -> KlineInterval.H6;
      case "720" -> KlineInterval.H12;
      case "D" -> KlineInterval.D1;
      case "W" -> KlineInterval.W1;
      case "M" -> KlineInterval.MN1;
      default -> throw new Failure(200, 10001, "params error: interval invalid");
    };
  }

  // ----------------------------------------------------------------- account

  private String account(
      String path,
      String apiKey,
      Map<String, String> q,
      Map<String, @Nullable Object> b,
      long now) {
    Exchange ex = accounts.get(apiKey);
    if (ex == null) {
      throw new Failure(200, 10003, "API key is invalid.");
    }
    return switch (path) {
      case "/v5/order/create" -> ack(create(apiKey, ex, b));
      case "/v5/order/amend" -> ack(amend(apiKey, ex, b));
      case "/v5/order/cancel" -> ack(cancel(apiKey, ex, b));
      case "/v5/order/cancel-all" -> cancelAll(apiKey, ex, str(b, "symbol"));
      case "/v5/order/disconnected-cancel-all" -> {
        int window = new BigDecimal(str(b, "timeWindow")).intValueExact();
        if (window < 3 || window > 300) {
          throw new Failure(200, 10001, "params error: timeWindow must be 3 to 300");
        }
        if ("DERIVATIVES".equals(b.get("product"))) {
          dcp.window(apiKey, window);
        }
        yield "{}";
      }
      case "/v5/account/set-margin-mode" -> setMarginMode(apiKey, ex, str(b, "setMarginMode"));
      case "/v5/order/create-batch" -> batch(apiKey, ex, b, true);
      case "/v5/order/cancel-batch" -> batch(apiKey, ex, b, false);
      case "/v5/order/realtime" -> orders(ex, apiKey, q, true);
      case "/v5/order/history" -> orders(ex, apiKey, q, false);
      case "/v5/execution/list" -> executions(ex, q, now);
      case "/v5/position/list" -> positions(ex, q);
      case "/v5/position/set-leverage" -> {
        int lev = new BigDecimal(str(b, "buyLeverage")).intValueExact();
        String symbol = str(b, "symbol");
        driver.call(() -> ex.trading().setLeverage(symbol, lev));
        yield "{}";
      }
      case "/v5/position/switch-mode" -> {
        PositionMode mode = "3".equals(str(b, "mode")) ? PositionMode.HEDGE : PositionMode.ONE_WAY;
        driver.call(() -> ex.trading().setPositionMode(mode));
        yield "{}";
      }
      case "/v5/account/wallet-balance" -> {
        Json j = new Json().obj().key("list").arr();
        BybitFakeWire.wallet(j, driver.call(() -> ex.account().snapshot()).balances());
        yield j.endArr().end().toString();
      }
      case "/v5/account/transaction-log" -> transactions(apiKey, q);
      default -> throw new Failure(404, 0, "Not Found");
    };
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
    OrderRequest r = request(b);
    int unknown = faults.takeUnknownError();
    if (unknown < 0) {
      throw new Failure(200, 10016, "Internal server error: order status unknown");
    }
    Order o = driver.call(() -> ex.trading().place(r));
    history.record(apiKey, o);
    if (unknown > 0) {
      throw new Failure(200, 10016, "Internal server error: order status unknown");
    }
    return o;
  }

  private OrderRequest request(Map<String, @Nullable Object> b) {
    String symbol = str(b, "symbol");
    if (!instruments.containsKey(symbol)) {
      throw new Failure(200, 10001, "params error: symbol invalid");
    }
    boolean market = "Market".equals(str(b, "orderType"));
    String tif = b.get("timeInForce") == null ? "GTC" : str(b, "timeInForce");
    Object idx = b.get("positionIdx");
    PositionSide ps =
        switch (idx == null ? "0" : String.valueOf(idx)) {
          case "1" -> PositionSide.LONG;
          case "2" -> PositionSide.SHORT;
          default -> PositionSide.BOTH;
        };
    Object link = b.get("orderLinkId");
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
          .clientOrderId(
              link == null || String.valueOf(link).isEmpty() ? null : String.valueOf(link))
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

  /**
   * Bybit's account-wide margin mode ({@code REGULAR_MARGIN} is cross, {@code ISOLATED_MARGIN}),
   * applied to every symbol of the sim account; refused (retCode 3400045 with a reason) while the
   * account has a position or an open order, and a no-op when already set.
   */
  private String setMarginMode(String apiKey, Exchange ex, String wire) {
    MarginType type =
        switch (wire) {
          case "REGULAR_MARGIN" -> MarginType.CROSS;
          case "ISOLATED_MARGIN" -> MarginType.ISOLATED;
          case "PORTFOLIO_MARGIN" ->
              throw new Failure(200, 3400045, "Set margin mode failed: portfolio margin");
          default -> throw new Failure(200, 10001, "params error: setMarginMode invalid");
        };
    if (marginModes.getOrDefault(apiKey, MarginType.CROSS) == type) {
      return "{\"reasons\":[]}";
    }
    boolean busy =
        driver.call(() -> ex.account().snapshot()).positions().stream()
            .anyMatch(p -> p.amount().signum() != 0);
    for (String symbol : instruments.keySet()) {
      busy |= !driver.call(() -> ex.trading().openOrders(symbol)).isEmpty();
    }
    if (busy) {
      throw new Failure(
          200, 3400045, "Set margin mode failed: close positions and cancel orders first");
    }
    for (String symbol : instruments.keySet()) {
      driver.call(() -> ex.marginModes().orElseThrow().setMarginType(symbol, type));
    }
    marginModes.put(apiKey, type);
    return "{\"reasons\":[]}";
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
    for (Order o : found) {
      if ((orderId != null && !orderId.equals(o.orderId()))
          || (linkId != null && !linkId.equals(o.clientOrderId()))) {
        continue;
      }
      if (n++ == 50) {
        break;
      }
      BybitFakeWire.order(j, o, instruments.get(o.symbol()));
    }
    return j.endArr().str("nextPageCursor", "").end().toString();
  }

  private String executions(Exchange ex, Map<String, String> q, long now) {
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
      BybitFakeWire.execution(j, fills.get(k), instruments.get(fills.get(k).symbol()));
    }
    String next = offset + limit < fills.size() ? Integer.toString(offset + limit) : "";
    return j.endArr().str("nextPageCursor", next).end().toString();
  }

  private String positions(Exchange ex, Map<String, String> q) {
    String symbol = q.get("symbol");
    List<Position> all = driver.call(() -> ex.account().positions());
    Json j = new Json().obj().str("category", "linear").key("list").arr();
    for (Position p : all) {
      if (symbol == null || symbol.equals(p.symbol())) {
        BybitFakeWire.position(j, p, instruments.get(p.symbol()), false);
      }
    }
    return j.endArr().str("nextPageCursor", "").end().toString();
  }

  private String transactions(String apiKey, Map<String, String> q) {
    long start = Long.parseLong(q.getOrDefault("startTime", "0"));
    long end = Long.parseLong(q.getOrDefault("endTime", Long.toString(Long.MAX_VALUE)));
    List<Income> all = driver.run(() -> venue.income(apiKey));
    Json j = new Json().obj().key("list").arr();
    for (Income i : all) {
      if (i.time() < start || i.time() > end) {
        continue;
      }
      j.obj().str("id", i.tranId()).str("symbol", i.symbol()).str("category", "linear");
      j.str("currency", i.asset()).str("transactionTime", Long.toString(i.time()));
      String amount = BybitFakeWire.plain(i.amount());
      switch (i.type()) {
        case "REALIZED_PNL" -> j.str("type", "TRADE").str("cashFlow", amount).str("fee", "0");
        case "COMMISSION" ->
            j.str("type", "TRADE")
                .str("cashFlow", "0")
                .str("fee", BybitFakeWire.plain(i.amount().negate()));
        case "FUNDING_FEE" -> j.str("type", "SETTLEMENT").str("change", amount);
        default -> j.str("type", "TRANSFER_IN").str("change", amount);
      }
      j.end();
    }
    return j.endArr().str("nextPageCursor", "").end().toString();
  }

  // ----------------------------------------------------------------- errors

  /** Bybit's retCode for a failure of the simulator (which speaks Binance's codes). */
  static Failure failure(Throwable t) {
    Throwable e = t;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof Failure f) {
      return f;
    }
    String msg = String.valueOf(e.getMessage());
    if (e instanceof ApiError a) {
      return switch (a.code) {
        case -2013, -2011 -> new Failure(200, 110001, "order not exists or too late to cancel");
        case -4116, -4015 -> new Failure(200, 110072, "OrderLinkedID is duplicate");
        case -2019, -2018 -> new Failure(200, 110007, "ab not enough for new order");
        case -4164 -> new Failure(200, 110094, "Order does not meet minimum order value");
        case -1121 -> new Failure(200, 10001, "params error: symbol invalid");
        default -> new Failure(200, a.status >= 500 ? 10016 : 10001, msg);
      };
    }
    if (e instanceof UnknownSymbolException) {
      return new Failure(200, 10001, "params error: symbol invalid");
    }
    if (e instanceof OrderNotFoundException) {
      return new Failure(200, 110001, "order not exists or too late to cancel");
    }
    if (e instanceof DuplicateClientOrderIdException) {
      return new Failure(200, 110072, "OrderLinkedID is duplicate");
    }
    if (e instanceof InsufficientMarginException) {
      return new Failure(200, 110007, "ab not enough for new order");
    }
    if (e instanceof InvalidOrderException
        || e instanceof OrderRejectedException
        || e instanceof ExchangeException
        || e instanceof IllegalArgumentException) {
      return new Failure(200, 10001, "params error: " + msg);
    }
    return new Failure(200, 10016, "Internal server error");
  }

  private static String str(Map<String, @Nullable Object> b, String name) {
    Object v = b.get(name);
    if (v == null) {
      throw new Failure(200, 10001, "params error: " + name + " is required");
    }
    return String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> object(String text) {
    Object o = Json.parse(text);
    return o instanceof Map<?, ?> m ? (Map<String, @Nullable Object>) m : Map.of();
  }
}
