package dev.tradekit.binance;

import static dev.tradekit.binance.WireNumbers.positiveOrNull;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trigger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Conditional orders (STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET) through Binance's Algo
 * Order API, where USD-M conditional orders live since the late-2025 change: {@code POST
 * /fapi/v1/algoOrder} ({@code algoType=CONDITIONAL}), {@code DELETE /fapi/v1/algoOrder}, {@code GET
 * /fapi/v1/openAlgoOrders}, and {@code ALGO_UPDATE} on the user stream.
 *
 * <p>An algo order is an {@link Order} whose id is {@value #ID_PREFIX} and the algo id (algo ids
 * and order ids are separate sequences), its client id the {@code clientAlgoId}. Statuses: {@code
 * NEW}/{@code TRIGGERING} are NEW; {@code TRIGGERED}/{@code FINISHED} are {@link
 * OrderStatus#TRIGGERED} with {@link Order#triggeredOrderId()} the market order it placed (whose
 * updates and fills arrive as for any order); {@code CANCELED}, {@code EXPIRED}, {@code REJECTED}
 * as named.
 */
final class AlgoOrders {
  /** The prefix of the order id of an algo order. */
  static final String ID_PREFIX = "algo-";

  private static final BigDecimal MIN_CALLBACK = new BigDecimal("0.1");
  private static final BigDecimal MAX_CALLBACK = BigDecimal.TEN;

  private final BinanceRest rest;
  private final InstrumentCache instruments;

  AlgoOrders(BinanceRest rest, InstrumentCache instruments) {
    this.rest = rest;
    this.instruments = instruments;
  }

  static boolean isAlgoId(@Nullable String orderId) {
    return orderId != null && orderId.startsWith(ID_PREFIX);
  }

  /** The algo id in an order id of an algo order, else null. */
  static @Nullable String algoId(@Nullable String orderId) {
    return orderId != null && orderId.startsWith(ID_PREFIX)
        ? orderId.substring(ID_PREFIX.length())
        : null;
  }

  /**
   * Places a conditional order (checked against its instrument first; nothing sent if it fails).
   */
  CompletableFuture<Order> place(OrderRequest request) {
    OrderRequest r = OrderParams.withClientOrderId(Objects.requireNonNull(request, "request"));
    String cid = Objects.requireNonNull(r.clientOrderId());
    return instruments
        .get(r.symbol())
        .thenCompose(i -> rest.newAlgoOrder(params(r, i), cid))
        .thenApply(AlgoOrders::order);
  }

  CompletableFuture<Order> cancel(OrderRef ref) {
    String algoId = algoId(ref.orderId());
    String cid = algoId == null ? ref.clientOrderId() : null;
    // the cancel reply names the order only: read the cancelled order back
    return rest.cancelAlgoOrder(ref.symbol(), algoId, cid)
        .thenCompose(ack -> rest.queryAlgoOrder(ref.symbol(), Long.toString(ack.algoId), null))
        .thenApply(AlgoOrders::order);
  }

  /** The algo order {@code ref} names (open or finished). */
  CompletableFuture<Order> get(OrderRef ref) {
    String algoId = algoId(ref.orderId());
    return rest.queryAlgoOrder(ref.symbol(), algoId, algoId == null ? ref.clientOrderId() : null)
        .thenApply(AlgoOrders::order);
  }

  CompletableFuture<List<Order>> open(@Nullable String symbol) {
    return rest.openAlgoOrders(symbol).thenApply(AlgoOrders::orders);
  }

  /**
   * The parameters of {@code POST /fapi/v1/algoOrder}. Trigger and activation prices go out on the
   * tick grid (rounded toward the market by {@link Instrument#roundTrigger}); closePosition sends
   * no quantity.
   *
   * @throws InvalidOrderException when a filter is broken or the callback rate is outside 0.1–10
   */
  static Map<String, String> params(OrderRequest request, Instrument instrument) {
    OrderRequest r = instrument.roundTrigger(request);
    Trigger t = Objects.requireNonNull(r.trigger(), "a conditional order has a trigger");
    instrument.validate(r, null);
    BigDecimal rate = t.callbackRate();
    if (rate != null && (rate.compareTo(MIN_CALLBACK) < 0 || rate.compareTo(MAX_CALLBACK) > 0)) {
      throw new InvalidOrderException(
          BinanceErrorCodes.VENUE,
          ExchangeException.NO_CODE,
          r.symbol()
              + ": callbackRate "
              + rate.toPlainString()
              + " is outside Binance's 0.1 to 10 (percent); choose a rate in that range");
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("algoType", "CONDITIONAL");
    p.put("symbol", r.symbol());
    p.put("side", r.side().name());
    p.put("positionSide", r.positionSide().name());
    p.put("type", r.type().name());
    if (t.closePosition()) {
      p.put("closePosition", "true");
    } else {
      p.put("quantity", instrument.formatQuantity(r.quantity()));
    }
    BigDecimal price = t.price();
    if (price != null) {
      p.put("triggerPrice", instrument.formatPrice(price));
    }
    if (rate != null) {
      p.put("callbackRate", rate.stripTrailingZeros().toPlainString());
    }
    BigDecimal activation = t.activationPrice();
    if (activation != null) {
      p.put("activatePrice", instrument.formatPrice(activation));
    }
    p.put("workingType", t.workingType().name());
    if (r.reduceOnly() && r.positionSide() == PositionSide.BOTH) {
      p.put("reduceOnly", "true");
    }
    p.put("clientAlgoId", Objects.requireNonNull(r.clientOrderId()));
    return p;
  }

  /** An algo order of a REST reply. */
  static Order order(AlgoOrderDto d) {
    return build(
        d.symbol,
        d.algoId,
        d.clientAlgoId,
        d.side,
        d.positionSide,
        d.orderType,
        d.quantity,
        d.algoStatus,
        d.triggerPrice,
        d.actualOrderId,
        d.reduceOnly,
        d.createTime,
        d.updateTime);
  }

  /** The algo order of an {@code ALGO_UPDATE} event. */
  static Order order(UserEventDto.AlgoUpdate u) {
    UserEventDto.AlgoData d = u.order;
    long time = u.transactionTime != 0 ? u.transactionTime : u.eventTime;
    return build(
        d.symbol,
        d.algoId,
        d.clientAlgoId,
        d.side,
        d.positionSide,
        d.orderType,
        d.quantity,
        d.status,
        d.triggerPrice,
        d.actualOrderId,
        d.reduceOnly,
        time,
        time);
  }

  static List<Order> orders(List<AlgoOrderDto> dtos) {
    List<Order> out = new ArrayList<>(dtos.size());
    for (AlgoOrderDto d : dtos) {
      out.add(order(d));
    }
    return out;
  }

  /**
   * Binance's algo status as an order status.
   *
   * @throws IllegalArgumentException for a status Binance does not document
   */
  static OrderStatus status(String algoStatus) {
    return switch (algoStatus) {
      case "NEW", "TRIGGERING" -> OrderStatus.NEW;
      case "TRIGGERED", "FINISHED" -> OrderStatus.TRIGGERED;
      case "CANCELED" -> OrderStatus.CANCELED;
      case "EXPIRED" -> OrderStatus.EXPIRED;
      case "REJECTED" -> OrderStatus.REJECTED;
      default -> throw new IllegalArgumentException("unknown algoStatus '" + algoStatus + "'");
    };
  }

  private static Order build(
      String symbol,
      long algoId,
      String clientAlgoId,
      String side,
      String positionSide,
      String orderType,
      String quantity,
      String status,
      @Nullable String triggerPrice,
      @Nullable String actualOrderId,
      boolean reduceOnly,
      long createTime,
      long updateTime) {
    OrderType type = OrderType.valueOf(orderType);
    if (!type.isConditional()) {
      throw new IllegalArgumentException("algo order " + algoId + " has type " + orderType);
    }
    OrderStatus st = status(status);
    BigDecimal qty = quantity.isEmpty() ? BigDecimal.ZERO : new BigDecimal(quantity);
    return Order.builder()
        .symbol(symbol)
        .orderId(ID_PREFIX + algoId)
        .clientOrderId(clientAlgoId.isEmpty() ? null : clientAlgoId)
        .side(Side.valueOf(side))
        .positionSide(OrderMapper.positionSide(positionSide))
        .type(type)
        .quantity(qty)
        .status(st)
        .reduceOnly(reduceOnly)
        .createTime(createTime)
        .updateTime(Math.max(createTime, updateTime))
        .triggerPrice(positiveOrNull(triggerPrice, "triggerPrice"))
        .triggeredOrderId(
            st == OrderStatus.TRIGGERED && actualOrderId != null && !actualOrderId.isEmpty()
                ? actualOrderId
                : null)
        .build();
  }
}
