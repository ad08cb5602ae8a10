package dev.tradekit.backtest.sim;

import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.api.model.Trigger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The order operations of one account as they reach the matcher: checks in Binance's order (symbol,
 * filters, position side, duplicate client id, reduce-only, post-only, margin), then matching.
 * Errors carry Binance's codes. Runs on the venue's scheduler thread.
 */
final class OrderEntry {
  static final String VENUE = SimExchangeProvider.ID;

  private final SimAccount account;

  OrderEntry(SimAccount account) {
    this.account = account;
  }

  private SimVenue venue() {
    return account.venue;
  }

  SymbolMatcher matcher(String symbol) {
    SymbolMatcher m = venue().matcher(symbol);
    if (m == null) {
      throw new UnknownSymbolException(
          VENUE, -1121, "Invalid symbol " + symbol + ": the sim venue lists " + venue().symbols());
    }
    return m;
  }

  Order place(OrderRequest req) {
    SymbolMatcher m = matcher(req.symbol());
    BigDecimal mark = venue().markOrNull(req.symbol());
    m.market.instrument.validate(req, mark);
    checkPositionSide(req.positionSide());
    String clientId = req.clientOrderId();
    if (clientId != null
        && (account.openByClientId(clientId) != null
            || account.conditionals.hasClientId(clientId))) {
      throw new DuplicateClientOrderIdException(
          VENUE, -4116, "Duplicate clientOrderId " + clientId + ": an open order already has it");
    }
    long id = venue().nextOrderId();
    Trigger trigger = req.trigger();
    if (trigger != null) {
      return account.conditionals.place(
          req, trigger, id, clientId != null ? clientId : "sim-" + id);
    }
    long priceTicks =
        req.type() == OrderType.LIMIT ? m.market.scale.toTicks(price(req)) : SymbolMarket.NO_PRICE;
    SimOrder o =
        new SimOrder(
            account,
            m,
            id,
            clientId != null ? clientId : "sim-" + id,
            req.side(),
            req.positionSide(),
            req.type(),
            req.timeInForce(),
            req.reduceOnly(),
            priceTicks,
            account.lots(m, req.quantity()),
            venue().now());
    if (o.isClosing() && account.reducibleLots(o) == 0) {
      throw new OrderRejectedException(
          VENUE,
          -2022,
          "ReduceOnly Order is rejected: the "
              + account.legOf(o)
              + " position of "
              + req.symbol()
              + " cannot be reduced by a "
              + req.side()
              + " order");
    }
    if (req.isPostOnly() && m.wouldCross(o.side, priceTicks)) {
      throw new OrderRejectedException(
          VENUE,
          -5022,
          "Due to the order could not be executed as maker, the Post Only order will be rejected");
    }
    checkMargin(m, o, null);
    account.accept(o);
    try {
      match(m, o);
    } finally {
      account.matched();
    }
    return o.toOrder();
  }

  private static BigDecimal price(OrderRequest req) {
    BigDecimal p = req.price();
    if (p == null) {
      throw new IllegalStateException("a LIMIT request always has a price");
    }
    return p;
  }

  /** Takes what crosses, then rests (GTC/GTX), expires the rest (IOC, market) or all (FOK). */
  private void match(SymbolMatcher m, SimOrder o) {
    long want = o.remainingLots();
    if (o.isClosing()) {
      want = Math.min(want, account.reducibleLots(o));
    }
    TimeInForce tif = o.timeInForce;
    if (tif == TimeInForce.FOK && m.liquidity(o.side, o.priceTicks, want) < want) {
      account.finish(o, OrderStatus.EXPIRED);
      return;
    }
    if (o.type == OrderType.MARKET || m.wouldCross(o.side, o.priceTicks)) {
      m.take(o, want);
    }
    if (!o.isOpen()) {
      return;
    }
    if (o.type == OrderType.MARKET || tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
      account.finish(o, OrderStatus.EXPIRED);
    } else {
      m.rest(o);
    }
  }

  private void checkPositionSide(PositionSide side) {
    boolean hedge = account.ledger.mode == PositionMode.HEDGE;
    if (hedge == (side == PositionSide.BOTH)) {
      throw new InvalidOrderException(
          VENUE,
          -4061,
          "Order's position side does not match user's setting: the account is in "
              + account.ledger.mode
              + " mode, the order has positionSide "
              + side
              + (hedge ? " (use LONG or SHORT)" : " (use BOTH)"));
    }
  }

  /**
   * Rejects an order (or an amended order replacing {@code replaced}) beyond the available margin.
   */
  private void checkMargin(SymbolMatcher m, SimOrder o, @Nullable SimOrder replaced) {
    if (o.isClosing()) {
      return;
    }
    long notional;
    if (o.type == OrderType.MARKET) {
      // the mark prices the lots beyond the book only when the side is empty (else the worst
      // level seen does): it is rounded onto the grid only then
      BigDecimal mark =
          m.market.depth(o.side.opposite()) > 0 ? null : venue().markOrNull(m.symbol());
      long fallback =
          mark == null
              ? 0
              : m.market.scale.toTicks(m.market.instrument.roundPrice(mark, RoundingMode.HALF_UP));
      notional = m.takerNotionalTicksLots(o.side, o.remainingLots(), fallback);
    } else {
      notional = Math.multiplyExact(o.priceTicks, o.remainingLots());
    }
    BigDecimal before = Margin.orderMargin(account, m, null, null, 0, 0);
    BigDecimal after = Margin.orderMargin(account, m, replaced, o, o.remainingLots(), notional);
    BigDecimal required = after.subtract(before);
    if (required.signum() <= 0) {
      return;
    }
    String asset = m.market.instrument.marginAsset();
    BigDecimal available = Margin.available(account, asset);
    if (required.compareTo(available) > 0) {
      throw new InsufficientMarginException(
          VENUE,
          -2019,
          "Margin is insufficient: the order needs "
              + Amounts.plain(required.setScale(8, RoundingMode.UP))
              + " "
              + asset
              + " of initial margin at leverage "
              + account.ledger.leverage(m.symbol())
              + ", available is "
              + Amounts.plain(available.setScale(8, RoundingMode.DOWN))
              + " "
              + asset);
    }
  }

  SimOrder openOrder(OrderRef ref) {
    SimOrder o = account.find(ref.symbol(), ref.orderId(), ref.clientOrderId());
    if (o == null || !o.isOpen()) {
      throw new OrderNotFoundException(
          VENUE,
          o == null ? -2013 : -2011,
          (o == null ? "Order does not exist: " : "Unknown order sent (no longer open): ")
              + ref.symbol()
              + " "
              + (ref.orderId() != null
                  ? "orderId " + ref.orderId()
                  : "clientOrderId " + ref.clientOrderId()));
    }
    return o;
  }

  Order cancel(OrderRef ref) {
    matcher(ref.symbol());
    if (account.conditionals.isWaiting(ref)) {
      return account.conditionals.cancel(ref);
    }
    SimOrder o = openOrder(ref);
    account.finish(o, OrderStatus.CANCELED);
    return o.toOrder();
  }

  void cancelAll(String symbol) {
    matcher(symbol);
    List<SimOrder> mine = new ArrayList<>();
    for (SimOrder o : account.openOrders()) {
      if (o.symbol().equals(symbol)) {
        mine.add(o);
      }
    }
    mine.forEach(o -> account.finish(o, OrderStatus.CANCELED));
    account.conditionals.cancelAll(symbol);
  }

  /**
   * Changes price and quantity of a resting LIMIT order in place; it goes to the back of the queue.
   */
  Order amend(AmendRequest req) {
    SymbolMatcher m = matcher(req.symbol());
    SimOrder o = openOrder(req.ref());
    if (o.type != OrderType.LIMIT) {
      throw new InvalidOrderException(
          VENUE,
          ExchangeException.NO_CODE,
          "only LIMIT orders can be amended; " + o.orderId + " is " + o.type);
    }
    if (req.side() != o.side) {
      throw new InvalidOrderException(
          VENUE,
          ExchangeException.NO_CODE,
          "amend side " + req.side() + " does not match order " + o.orderId + " side " + o.side);
    }
    OrderRequest asRequest =
        OrderRequest.builder()
            .symbol(req.symbol())
            .side(o.side)
            .timeInForce(o.timeInForce)
            .quantity(req.quantity())
            .price(req.price())
            .reduceOnly(o.reduceOnly)
            .positionSide(o.positionSide)
            .build();
    m.market.instrument.validate(asRequest, venue().markOrNull(req.symbol()));
    long lots = account.lots(m, req.quantity());
    long ticks = m.market.scale.toTicks(req.price());
    if (lots <= o.executedLots) {
      throw new InvalidOrderException(
          VENUE,
          ExchangeException.NO_CODE,
          "amended quantity "
              + req.quantity().toPlainString()
              + " must exceed the executed quantity "
              + m.market.quantity(o.executedLots).toPlainString());
    }
    if (lots == o.quantityLots && ticks == o.priceTicks) {
      throw new OrderRejectedException(
          VENUE, -5027, "No need to modify the order: price and quantity are unchanged");
    }
    if (o.timeInForce == TimeInForce.GTX && m.wouldCross(o.side, ticks)) {
      throw new OrderRejectedException(
          VENUE,
          -5022,
          "Due to the order could not be executed as maker, the Post Only order will be rejected");
    }
    SimOrder candidate =
        new SimOrder(
            account,
            m,
            o.id,
            o.clientOrderId,
            o.side,
            o.positionSide,
            o.type,
            o.timeInForce,
            o.reduceOnly,
            ticks,
            lots,
            o.createTime);
    candidate.executedLots = o.executedLots;
    checkMargin(m, candidate, o);
    m.remove(o);
    boolean counted = account.uncount(o);
    o.priceTicks = ticks;
    o.quantityLots = lots;
    if (counted) {
      account.recount(o);
    }
    o.updateTime = venue().now();
    account.report(o);
    if (m.wouldCross(o.side, ticks)) {
      long want = o.remainingLots();
      if (o.isClosing()) {
        want = Math.min(want, account.reducibleLots(o));
      }
      m.take(o, want);
    }
    if (o.isOpen()) {
      m.rest(o);
    }
    return o.toOrder();
  }
}
