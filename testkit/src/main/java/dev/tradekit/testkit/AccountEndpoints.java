package dev.tradekit.testkit;

import static dev.tradekit.testkit.Params.intParam;
import static dev.tradekit.testkit.Params.longParam;
import static dev.tradekit.testkit.Params.require;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.backtest.sim.SimVenue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binance's account endpoints (balances, positions, leverage, margin type, position mode, income,
 * the dead-man switch, order rate limits) and the user-stream listen key, on one simulated account.
 */
final class AccountEndpoints {
  private final SimVenue venue;
  private final VenueDriver driver;
  private final Function<String, Instrument> instrument;
  private final Map<String, Integer> leverage;
  private final Map<String, MarginType> marginTypes = new ConcurrentHashMap<>();
  private final UserStreamHub users;
  private final RateLimits limits;

  AccountEndpoints(
      SimVenue venue,
      VenueDriver driver,
      Function<String, Instrument> instrument,
      Map<String, Integer> leverage,
      UserStreamHub users,
      RateLimits limits) {
    this.venue = venue;
    this.driver = driver;
    this.instrument = instrument;
    this.leverage = leverage;
    this.users = users;
    this.limits = limits;
  }

  /** The reply to an account endpoint, or null when {@code key} ("METHOD /path") is not one. */
  @Nullable String handle(String key, String apiKey, Exchange ex, Map<String, String> p) {
    switch (key) {
      case "GET /fapi/v2/account":
      case "GET /fapi/v3/account":
        return BinanceWire.account(driver.call(() -> ex.account().snapshot()), 20);
      case "GET /fapi/v2/positionRisk":
      case "GET /fapi/v3/positionRisk":
        {
          String symbol = p.get("symbol");
          List<Position> all = new ArrayList<>(driver.call(() -> ex.account().positions()));
          all.removeIf(pos -> symbol != null && !pos.symbol().equals(symbol));
          return BinanceWire.positionRisk(all);
        }
      case "POST /fapi/v1/leverage":
        {
          String symbol = instrument.apply(require(p, "symbol")).symbol();
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
          String symbol = instrument.apply(require(p, "symbol")).symbol();
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
          String symbol = instrument.apply(require(p, "symbol")).symbol();
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
        return null;
    }
  }
}
