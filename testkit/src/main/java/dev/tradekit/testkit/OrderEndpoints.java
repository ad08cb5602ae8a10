package dev.tradekit.testkit;

import static dev.tradekit.testkit.Params.decimal;
import static dev.tradekit.testkit.Params.intParam;
import static dev.tradekit.testkit.Params.longParam;
import static dev.tradekit.testkit.Params.require;

import dev.tradekit.api.BatchResult;
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
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Binance's order endpoints (place, amend, cancel, query, batches, open orders) and the order and
 * trade history, on one simulated account.
 */
final class OrderEndpoints {
  private final SimVenue venue;
  private final VenueDriver driver;
  private final Function<String, Instrument> instrument;
  private final Faults faults;
  private final OrderHistory history;

  OrderEndpoints(
      SimVenue venue,
      VenueDriver driver,
      Function<String, Instrument> instrument,
      Faults faults,
      OrderHistory history) {
    this.venue = venue;
    this.driver = driver;
    this.instrument = instrument;
    this.faults = faults;
    this.history = history;
  }

  /** The reply to an order endpoint, or null when {@code key} ("METHOD /path") is not one. */
  @Nullable String handle(String key, String apiKey, Exchange ex, Map<String, String> p) {
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
          String symbol = instrument.apply(require(p, "symbol")).symbol();
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
      case "GET /fapi/v1/userTrades":
        {
          String symbol = instrument.apply(require(p, "symbol")).symbol();
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
          return HistoryWire.userTrades(out, instrument.apply(symbol).marginAsset());
        }
      case "GET /fapi/v1/allOrders":
        {
          String symbol = instrument.apply(require(p, "symbol")).symbol();
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
      default:
        return null;
    }
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

  private OrderRequest orderRequest(Map<String, String> p) {
    Instrument i = instrument.apply(require(p, "symbol"));
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
}
