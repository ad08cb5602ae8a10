package dev.tradekit.testkit;

import static dev.tradekit.testkit.Params.intParam;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.sim.SimVenue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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

  private final MarketEndpoints market;
  private final AlgoEndpoints algo;
  private final OrderEndpoints orders;
  private final AccountEndpoints account;
  private final Map<String, Exchange> accounts;

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
    Function<String, Instrument> instrument = symbol -> Params.instrument(instruments, symbol);
    this.market = new MarketEndpoints(venue, driver, instruments, accounts, limits);
    this.algo = new AlgoEndpoints(driver, instrument, history);
    this.orders = new OrderEndpoints(venue, driver, instrument, faults, history);
    this.account = new AccountEndpoints(venue, driver, instrument, leverage, users, limits);
    this.accounts = accounts;
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
    Object parsed = Json.parse(Params.require(p, "batchOrders"));
    if (!(parsed instanceof List<?> l) || l.isEmpty() || l.size() > 5) {
      throw ApiError.badRequest(-1102, "batchOrders must be a JSON array of 1 to 5 orders");
    }
    return l.size();
  }

  String handle(Spec spec, @Nullable String apiKey, Map<String, String> p, long now) {
    String key = spec.method + " " + spec.path;
    String reply = market.handle(key, p, now);
    if (reply != null) {
      return reply;
    }
    String user = Objects.requireNonNull(apiKey);
    Exchange ex = Objects.requireNonNull(accounts.get(user));
    reply = algo.handle(key, ex, p, user);
    if (reply == null) {
      reply = orders.handle(key, user, ex, p);
    }
    if (reply == null) {
      reply = account.handle(key, user, ex, p);
    }
    if (reply == null) {
      throw new ApiError(
          404, -5000, "Path " + spec.path + ", Method " + spec.method + " is invalid");
    }
    return reply;
  }
}
