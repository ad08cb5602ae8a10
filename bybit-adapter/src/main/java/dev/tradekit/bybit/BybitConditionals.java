package dev.tradekit.bybit;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trigger;
import dev.tradekit.api.model.WorkingType;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bybit v5 conditional orders: {@code STOP_MARKET} and {@code TAKE_PROFIT_MARKET} go out as a
 * {@code Market} order/create with {@code triggerPrice}, {@code triggerDirection} and {@code
 * triggerBy}; they rest as {@code Untriggered} with {@code stopOrderType} {@code Stop} and keep
 * their {@code orderId} when they fire (the fills carry it).
 *
 * <p>Direction: 1 fires when the watched price rises to the trigger, 2 when it falls to it. A SELL
 * stop and a BUY take-profit fall (2); a BUY stop and a SELL take-profit rise (1). {@link
 * WorkingType#CONTRACT_PRICE} is {@code LastPrice}, {@link WorkingType#MARK_PRICE} {@code
 * MarkPrice}. A reduce-only order also sends {@code closeOnTrigger} (Bybit frees margin from other
 * orders rather than failing the close); {@code closePosition} sends quantity {@code "0"} with
 * {@code reduceOnly} and {@code closeOnTrigger}, which Bybit fills with the whole position.
 *
 * <p>{@code TRAILING_STOP_MARKET} is refused before sending: Bybit's trailing stop is a setting of
 * the position ({@code /v5/position/trading-stop}, a price distance), not an order. It has no order
 * id or client id to cancel, list or follow, one per position rather than per order, and a fixed
 * distance rather than the SPI's percentage of the best price, so it cannot honestly be a {@code
 * TRAILING_STOP_MARKET}; an engine keeps a trailing stop as its own rule on Bybit.
 */
final class BybitConditionals {
  /** The conditional types the adapter places (its {@code capabilities().conditionalOrders()}). */
  static final Set<OrderType> TYPES =
      Set.copyOf(EnumSet.of(OrderType.STOP_MARKET, OrderType.TAKE_PROFIT_MARKET));

  static final int RISE = 1;
  static final int FALL = 2;

  private BybitConditionals() {}

  /**
   * Refuses, before anything is sent, a conditional type the adapter does not place ({@code
   * TRAILING_STOP_MARKET}); without this it would go out as a plain order and execute at once.
   */
  static void refuseUnsupported(OrderRequest r) {
    if (r.type().isConditional() && !TYPES.contains(r.type())) {
      throw new InvalidOrderException(
          BybitErrorCodes.VENUE,
          ExchangeException.NO_CODE,
          r.symbol()
              + ": the Bybit adapter does not place "
              + r.type()
              + " orders (Bybit's trailing stop is a position setting in price distance, not an"
              + " order); keep it as an engine rule, e.g. StrategyEngine's trailingStop");
    }
  }

  /** Bybit's {@code triggerDirection} of a conditional order: 1 rise, 2 fall. */
  static int direction(Side side, OrderType type) {
    boolean stop = type == OrderType.STOP_MARKET;
    return (side == Side.SELL) == stop ? FALL : RISE;
  }

  /** Bybit's {@code triggerBy} of a working type. */
  static String triggerBy(WorkingType w) {
    return w == WorkingType.MARK_PRICE ? "MarkPrice" : "LastPrice";
  }

  /**
   * Adds the trigger fields of the conditional order {@code r} (its trigger already on the tick
   * grid) to the create-order fields {@code f}.
   */
  static void put(Map<String, Object> f, Instrument i, OrderRequest r) {
    Trigger t = Objects.requireNonNull(r.trigger(), "a conditional order has a trigger");
    BigDecimal price = Objects.requireNonNull(t.price(), "a stop or take-profit has a price");
    f.put("triggerPrice", i.formatPrice(price));
    f.put("triggerDirection", direction(r.side(), r.type()));
    f.put("triggerBy", triggerBy(t.workingType()));
    if (t.closePosition()) {
      f.put("qty", "0");
    }
    if (t.closePosition() || r.reduceOnly()) {
      f.put("reduceOnly", true);
      f.put("closeOnTrigger", true);
    }
  }

  /**
   * The SPI type of a {@code Market} order whose {@code stopOrderType} is {@code Stop} (placed with
   * a trigger price): which of stop and take-profit follows from its side and direction; with no
   * direction it reads as a stop.
   */
  static OrderType typeOf(Side side, int triggerDirection) {
    if (triggerDirection != RISE && triggerDirection != FALL) {
      return OrderType.STOP_MARKET;
    }
    boolean falls = triggerDirection == FALL;
    return falls == (side == Side.SELL) ? OrderType.STOP_MARKET : OrderType.TAKE_PROFIT_MARKET;
  }
}
