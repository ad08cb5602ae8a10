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

  /** Whether the order is among the account's open orders (the ones its margin sums count). */
  boolean listed;

  /** The price in ticks of every fill so far while {@link #onePrice}; unset before the first. */
  private long fillTicks;

  /**
   * The first fill's price (plain, as the matcher gives it): the average while {@link #onePrice}.
   */
  private @Nullable BigDecimal fillPrice;

  /** True while every fill of the order was at one price: its average is that price. */
  private boolean onePrice = true;

  /** The last {@link #toOrder} answer and the state it was built from (reused while unchanged). */
  private @Nullable Order reported;

  private OrderStatus reportedStatus = OrderStatus.NEW;
  private long reportedExecuted = -1;
  private long reportedQuantity;
  private long reportedPrice;
  private long reportedTime;

  /** {@link #quantity()}'s last answer and the lots it was made for. */
  private @Nullable BigDecimal quantityDecimal;

  private long quantityOf;

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

  /**
   * Books one fill of {@code lots} at {@code ticks} ({@code price}, the matcher's plain decimal of
   * those ticks) worth {@code notional} (price times quantity).
   */
  void filled(long lots, long ticks, BigDecimal price, BigDecimal notional) {
    if (executedLots == 0) {
      fillTicks = ticks;
      fillPrice = price;
    } else if (ticks != fillTicks) {
      onePrice = false;
    }
    executedLots += lots;
    cumQuote = cumQuote.add(notional);
  }

  /**
   * The order as the venue reports it; the same instance while nothing reported changed (an {@link
   * Order} is immutable).
   */
  Order toOrder() {
    Order last = reported;
    if (last != null
        && reportedStatus == status
        && reportedExecuted == executedLots
        && reportedQuantity == quantityLots
        && reportedPrice == priceTicks
        && reportedTime == updateTime) {
      return last;
    }
    Order order = build();
    reported = order;
    reportedStatus = status;
    reportedExecuted = executedLots;
    reportedQuantity = quantityLots;
    reportedPrice = priceTicks;
    reportedTime = updateTime;
    return order;
  }

  /**
   * The average fill price: {@code cumQuote / executed} to 16 digits, without trailing zeros. When
   * every fill was at one price p of at most 16 digits, cumQuote is exactly p times executed and
   * that quotient is p itself: p is returned without dividing (the same value and scale).
   */
  private @Nullable BigDecimal average(BigDecimal executed) {
    if (executedLots == 0) {
      return null;
    }
    BigDecimal p = fillPrice;
    if (onePrice && p != null && p.precision() <= MathContext.DECIMAL64.getPrecision()) {
      return p; // the matcher's prices are plain already (no trailing zeros, scale >= 0)
    }
    return Amounts.plain(cumQuote.divide(executed, MathContext.DECIMAL64));
  }

  /**
   * The quantity as a decimal, made once per quantity (an order is reported two or three times with
   * the same one); the executed quantity of a filled order is the same number.
   */
  private BigDecimal quantity() {
    BigDecimal q = quantityDecimal;
    if (q == null || quantityOf != quantityLots) {
      q = matcher.lotSize().multiply(BigDecimal.valueOf(quantityLots));
      quantityDecimal = q;
      quantityOf = quantityLots;
    }
    return q;
  }

  private Order build() {
    BigDecimal lot = matcher.lotSize();
    BigDecimal quantity = quantity();
    BigDecimal executed =
        executedLots == quantityLots ? quantity : lot.multiply(BigDecimal.valueOf(executedLots));
    BigDecimal average = average(executed);
    return new Order(
        matcher.symbol(),
        orderId,
        clientOrderId,
        side,
        positionSide,
        type,
        timeInForce,
        type == OrderType.LIMIT ? matcher.price(priceTicks) : null,
        quantity,
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
