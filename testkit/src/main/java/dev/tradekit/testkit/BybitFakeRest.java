package dev.tradekit.testkit;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final BybitFakeMarket marketEndpoints;
  private final BybitFakeOrders orders;
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
      BybitFakeDcp dcp,
      BybitFakeStops stops) {
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
    this.marketEndpoints =
        new BybitFakeMarket(venue, driver, instruments, market, this::serverTime);
    this.orders = new BybitFakeOrders(driver, instruments, faults, history, stops);
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
        result = marketEndpoints.handle(path, q);
      } else {
        String apiKey = authenticate(request, rawQuery, body, now);
        if (path.startsWith("/v5/order/create") || path.equals("/v5/order/amend")) {
          limit(apiKey, now, path, headers);
        }
        result = account(path, apiKey, q, b, now);
      }
      reply = envelope(0, "OK", result, now);
    } catch (BybitFakeOrders.BatchReply r) {
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
    String order = orders.handle(path, apiKey, ex, q, b, now);
    if (order != null) {
      return order;
    }
    return switch (path) {
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

  static String str(Map<String, @Nullable Object> b, String name) {
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
