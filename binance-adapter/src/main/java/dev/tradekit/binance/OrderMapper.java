package dev.tradekit.binance;

import static dev.tradekit.binance.WireNumbers.dec;
import static dev.tradekit.binance.WireNumbers.decOrZero;
import static dev.tradekit.binance.WireNumbers.positiveOrNull;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order and user-trade replies → {@link Order} and {@link Fill}.
 *
 * <p>The regular order endpoints carry LIMIT and MARKET orders for Tradekit: conditional orders
 * found there (STOP, TAKE_PROFIT, ... from before Binance moved them to the Algo Order API, where
 * {@link AlgoOrders} reads them) and statuses outside {@link OrderStatus} (the liquidation engine's
 * NEW_INSURANCE / NEW_ADL) are left out of lists, and are an error when asked for one by one.
 */
final class OrderMapper {
  private static final Logger LOG = LoggerFactory.getLogger(OrderMapper.class);

  private OrderMapper() {}

  /**
   * The order, or empty when its type or status is one Tradekit does not model.
   *
   * @throws IllegalArgumentException when a field is missing or malformed
   */
  static Optional<Order> tryOrder(OrderDto o) {
    OrderType type = enumOrNull(OrderType.class, o.type);
    OrderStatus status = enumOrNull(OrderStatus.class, o.status);
    if (type == null || type.isConditional() || status == null) {
      return Optional.empty();
    }
    BigDecimal quantity = dec(o.origQty, "origQty");
    BigDecimal executed = decOrZero(o.executedQty, "executedQty");
    long updateTime = o.updateTime;
    return Optional.of(
        Order.builder()
            .symbol(o.symbol)
            .orderId(Long.toString(o.orderId))
            .clientOrderId(o.clientOrderId.isEmpty() ? null : o.clientOrderId)
            .side(Side.valueOf(o.side))
            .positionSide(positionSide(o.positionSide))
            .type(type)
            .timeInForce(
                type == OrderType.MARKET ? null : enumOrNull(TimeInForce.class, o.timeInForce))
            .price(type == OrderType.MARKET ? null : positiveOrNull(o.price, "price"))
            // closePosition orders report origQty 0 but may execute: never below what executed.
            .quantity(quantity.max(executed))
            .executedQuantity(executed)
            .averagePrice(executed.signum() > 0 ? positiveOrNull(o.avgPrice, "avgPrice") : null)
            .status(status)
            .reduceOnly(o.reduceOnly)
            .createTime(o.time != 0 ? o.time : updateTime)
            .updateTime(updateTime)
            .build());
  }

  /**
   * The order.
   *
   * @throws ExchangeException when its type or status is one Tradekit does not model
   */
  static Order order(OrderDto o) {
    return tryOrder(o)
        .orElseThrow(
            () ->
                new ExchangeException(
                    BinanceErrorCodes.VENUE,
                    ExchangeException.NO_CODE,
                    "order "
                        + o.orderId
                        + " of "
                        + o.symbol
                        + " has type "
                        + o.type
                        + " and status "
                        + o.status
                        + ", which Tradekit does not model here (LIMIT and MARKET orders only; conditional orders"
                        + " are read from the Algo Order API)"));
  }

  /** The orders Tradekit models, in reply order; others are logged and left out. */
  static List<Order> orders(List<OrderDto> dtos) {
    List<Order> out = new ArrayList<>(dtos.size());
    for (OrderDto o : dtos) {
      Optional<Order> order = tryOrder(o);
      if (order.isPresent()) {
        out.add(order.get());
      } else {
        LOG.debug("left out order {} of {}: {} {}", o.orderId, o.symbol, o.type, o.status);
      }
    }
    return out;
  }

  /** One user trade. Binance does not report the client order id here: it is null. */
  static Fill fill(UserTradeDto t) {
    return Fill.builder()
        .symbol(t.symbol)
        .tradeId(Long.toString(t.id))
        .orderId(Long.toString(t.orderId))
        .side(Side.valueOf(t.side))
        .positionSide(positionSide(t.positionSide))
        .price(dec(t.price, "price"))
        .quantity(dec(t.qty, "qty"))
        .commission(decOrZero(t.commission, "commission"))
        .commissionAsset(t.commissionAsset.isEmpty() ? t.marginAsset : t.commissionAsset)
        .realizedPnl(decOrZero(t.realizedPnl, "realizedPnl"))
        .maker(t.maker)
        .time(t.time)
        .build();
  }

  /** User trades in reply order. */
  static List<Fill> fills(List<UserTradeDto> dtos) {
    List<Fill> out = new ArrayList<>(dtos.size());
    for (UserTradeDto t : dtos) {
      out.add(fill(t));
    }
    return out;
  }

  /** {@code BOTH} / {@code LONG} / {@code SHORT}; empty means one-way ({@code BOTH}). */
  static PositionSide positionSide(String wire) {
    return wire.isEmpty() ? PositionSide.BOTH : PositionSide.valueOf(wire);
  }

  private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
