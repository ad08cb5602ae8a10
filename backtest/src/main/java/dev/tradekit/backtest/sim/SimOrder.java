package dev.tradekit.backtest.sim;

import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.math.BigDecimal;
import java.math.MathContext;
import org.jspecify.annotations.Nullable;

/**
 * The venue's mutable state of one order: quantities in whole lots, the limit price in ticks, and
 * the queue position while it rests. Touched only on the venue's scheduler thread.
 */
final class SimOrder {
  final SimAccount account;
  final SymbolMatcher matcher;
  final long id;
  final String orderId;
  final String clientOrderId;
  final Side side;
  final PositionSide positionSide;
  final OrderType type;
  final @Nullable TimeInForce timeInForce;
  final boolean reduceOnly;
  final long createTime;

  long priceTicks;
  long quantityLots;
  long executedLots;
  BigDecimal cumQuote = BigDecimal.ZERO;
  OrderStatus status = OrderStatus.NEW;
  long updateTime;

  /** Arrival order on the book: sim orders at one price queue behind earlier ones. */
  long queueSeq;

  /** Market quantity ahead of this order at its price. */
  double queueAhead;

  /** Market quantity at this order's price just before the depth event being applied. */
  double levelBefore;

  /**
   * Volume traded at this order's price since the last depth event (counted already); valid only
   * while {@link #tradedEpoch} equals the matcher's depth epoch, else it reads as 0.
   */
  double tradedSinceDepth;

  /** The matcher's depth epoch {@link #tradedSinceDepth} was counted in. */
  long tradedEpoch;

  /** Whether the order is on the matcher's book (rested and not yet removed). */
  boolean resting;

  /** Lots this order adds to the published depth, at {@link #shownTicks}. */
  long shownLots;

  long shownTicks;

  SimOrder(
      SimAccount account,
      SymbolMatcher matcher,
      long id,
      String clientOrderId,
      Side side,
      PositionSide positionSide,
      OrderType type,
      @Nullable TimeInForce timeInForce,
      boolean reduceOnly,
      long priceTicks,
      long quantityLots,
      long createTime) {
    this.account = account;
    this.matcher = matcher;
    this.id = id;
    this.orderId = Long.toString(id);
    this.clientOrderId = clientOrderId;
    this.side = side;
    this.positionSide = positionSide;
    this.type = type;
    this.timeInForce = timeInForce;
    this.reduceOnly = reduceOnly;
    this.priceTicks = priceTicks;
    this.quantityLots = quantityLots;
    this.createTime = createTime;
    this.updateTime = createTime;
  }

  String symbol() {
    return matcher.symbol();
  }

  long remainingLots() {
    return quantityLots - executedLots;
  }

  boolean isOpen() {
    return status.isOpen();
  }

  /**
   * True when the order can only shrink a position: reduce-only, or in hedge mode a SELL of the
   * LONG leg or a BUY of the SHORT leg.
   */
  boolean isClosing() {
    return reduceOnly
        || (positionSide == PositionSide.LONG && side == Side.SELL)
        || (positionSide == PositionSide.SHORT && side == Side.BUY);
  }

  /** The order as the venue reports it. */
  Order toOrder() {
    BigDecimal lot = matcher.lotSize();
    BigDecimal executed = lot.multiply(BigDecimal.valueOf(executedLots));
    BigDecimal average =
        executedLots == 0 ? null : Amounts.plain(cumQuote.divide(executed, MathContext.DECIMAL64));
    return new Order(
        matcher.symbol(),
        orderId,
        clientOrderId,
        side,
        positionSide,
        type,
        timeInForce,
        type == OrderType.LIMIT ? matcher.price(priceTicks) : null,
        lot.multiply(BigDecimal.valueOf(quantityLots)),
        executed,
        average,
        status,
        reduceOnly,
        createTime,
        updateTime);
  }

  @Override
  public String toString() {
    return "SimOrder["
        + orderId
        + " "
        + side
        + " "
        + remainingLots()
        + "@"
        + priceTicks
        + " "
        + status
        + "]";
  }
}
