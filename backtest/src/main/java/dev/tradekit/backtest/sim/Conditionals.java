package dev.tradekit.backtest.sim;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trigger;
import dev.tradekit.api.model.WorkingType;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The conditional orders (stop-market, take-profit-market, trailing-stop-market) of one account:
 * they wait here, off the book, until their trigger fires, then place a market order.
 *
 * <p>The trigger rule: after each market event of the symbol the watched price is compared with the
 * trigger. {@link WorkingType#CONTRACT_PRICE} watches the trade price of a TRADE event and the low
 * and high of a BAR event (a SELL stop or BUY take-profit fires when the low reaches the trigger, a
 * BUY stop or SELL take-profit when the high does); {@link WorkingType#MARK_PRICE} watches the
 * venue's mark after the event. A trailing stop tracks the best watched price since it was placed
 * (or since its activation price was reached) and fires when the price retraces by the callback
 * rate from it; within one bar the retrace is checked against the best price before the bar, then
 * the best is updated. A fired order places its market order before the <em>next</em> market event
 * of the symbol is applied, so it fills at the next price, never at the price that fired it; it is
 * then reported {@link OrderStatus#TRIGGERED} with the market order's id (or {@link
 * OrderStatus#EXPIRED} when there was nothing to close). Runs on the venue's scheduler thread.
 */
final class Conditionals {
  private final SimAccount account;
  private final OrderEntry entry;
  private final List<Pending> waiting = new ArrayList<>();
  private final List<Pending> fired = new ArrayList<>();
  private final List<Pending> done = new ArrayList<>();

  Conditionals(SimAccount account) {
    this.account = account;
    this.entry = new OrderEntry(account);
  }

  /** One conditional order and its trailing state. */
  private static final class Pending {
    final OrderRequest request;
    final Trigger trigger;
    final long id;
    final String clientOrderId;
    final long createTime;
    OrderStatus status = OrderStatus.NEW;
    @Nullable String triggeredOrderId;
    long updateTime;
    boolean active;
    double best = Double.NaN;

    Pending(OrderRequest request, Trigger trigger, long id, String clientOrderId, long now) {
      this.request = request;
      this.trigger = trigger;
      this.id = id;
      this.clientOrderId = clientOrderId;
      this.createTime = now;
      this.updateTime = now;
      this.active = trigger.activationPrice() == null;
    }

    boolean sells() {
      return request.side() == Side.SELL;
    }
  }

  boolean isEmpty() {
    return waiting.isEmpty() && fired.isEmpty();
  }

  /** Accepts a checked conditional request: it waits for its trigger. */
  Order place(OrderRequest req, Trigger trigger, long id, String clientOrderId) {
    Pending p = new Pending(req, trigger, id, clientOrderId, account.venue.now());
    BigDecimal mark = account.venue.markOrNull(req.symbol());
    if (p.active && mark != null) {
      p.best = mark.doubleValue();
    }
    waiting.add(p);
    account.venue.watchConditionals(account);
    account.venue.conditionalDelta(1);
    return report(p);
  }

  boolean hasClientId(String clientOrderId) {
    for (int i = 0, n = waiting.size(); i < n; i++) { // no iterator per order placed
      if (waiting.get(i).clientOrderId.equals(clientOrderId)) {
        return true;
      }
    }
    return false;
  }

  /** The waiting orders of {@code symbol} (all symbols when null), as orders. */
  List<Order> open(@Nullable String symbol) {
    List<Order> out = new ArrayList<>();
    for (List<Pending> list : List.of(waiting, fired)) {
      for (Pending p : list) {
        if (symbol == null || p.request.symbol().equals(symbol)) {
          out.add(order(p));
        }
      }
    }
    return out;
  }

  /** A waiting or finished conditional order matching {@code ref}, or null. */
  @Nullable Order find(OrderRef ref) {
    Pending p = match(waiting, ref);
    if (p == null) {
      p = match(fired, ref);
    }
    if (p == null) {
      p = match(done, ref);
    }
    return p == null ? null : order(p);
  }

  /**
   * Cancels a waiting order.
   *
   * @throws OrderNotFoundException when {@code ref} names no waiting conditional order
   */
  Order cancel(OrderRef ref) {
    Pending p = match(waiting, ref);
    if (p == null) {
      throw new OrderNotFoundException(
          OrderEntry.VENUE, -2011, "Unknown order sent: no waiting conditional order " + ref);
    }
    return end(p, OrderStatus.CANCELED);
  }

  /** True when {@code ref} names a waiting conditional order. */
  boolean isWaiting(OrderRef ref) {
    return match(waiting, ref) != null;
  }

  void cancelAll(String symbol) {
    for (Pending p : new ArrayList<>(waiting)) {
      if (p.request.symbol().equals(symbol)) {
        end(p, OrderStatus.CANCELED);
      }
    }
  }

  /** Places the market orders of the orders fired by an earlier event of {@code symbol}. */
  void placeFired(String symbol) {
    if (fired.isEmpty()) {
      return;
    }
    for (Iterator<Pending> it = fired.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (!p.request.symbol().equals(symbol)) {
        continue;
      }
      it.remove();
      done.add(p);
      OrderRequest r = p.request;
      BigDecimal qty = r.quantity();
      boolean reduce = r.reduceOnly() || p.trigger.closePosition();
      if (p.trigger.closePosition()) {
        PositionSide leg = r.positionSide();
        BigDecimal held = account.ledger.amount(r.symbol(), leg).abs();
        if (held.signum() == 0) {
          p.status = OrderStatus.EXPIRED; // nothing left to close: the fired order places nothing
          p.updateTime = account.venue.now();
          account.venue.conditionalDelta(-1);
          report(p);
          continue;
        }
        qty = held;
      }
      OrderRequest market =
          OrderRequest.builder()
              .symbol(r.symbol())
              .side(r.side())
              .type(OrderType.MARKET)
              .quantity(qty)
              .reduceOnly(reduce && r.positionSide() == PositionSide.BOTH)
              .positionSide(r.positionSide())
              .build();
      p.updateTime = account.venue.now();
      try {
        p.triggeredOrderId = entry.place(market).orderId();
        p.status = OrderStatus.TRIGGERED;
      } catch (ExchangeException | IllegalArgumentException e) {
        // e.g. a reduce-only stop with no position left: the fired order places nothing
        p.status = OrderStatus.EXPIRED;
      }
      account.venue.conditionalDelta(-1);
      report(p);
    }
  }

  /** Fires the waiting orders of the event's symbol whose trigger the event reached. */
  void check(MarketEvent e, SymbolMarket market) {
    if (waiting.isEmpty()) {
      return;
    }
    String symbol = e.symbol();
    for (Pending p : new ArrayList<>(waiting)) {
      if (!p.request.symbol().equals(symbol)) {
        continue;
      }
      double lo;
      double hi;
      if (p.trigger.workingType() == WorkingType.MARK_PRICE) {
        BigDecimal mark = market.mark();
        if (mark == null) {
          continue;
        }
        lo = hi = mark.doubleValue();
      } else if (e.type() == MarketEvent.Type.TRADE) {
        lo = hi = market.scale.toDouble(e.tradePriceTicks());
      } else if (e.type() == MarketEvent.Type.BAR) {
        lo = market.scale.toDouble(e.lowTicks());
        hi = market.scale.toDouble(e.highTicks());
      } else {
        continue;
      }
      if (reached(p, lo, hi)) {
        waiting.remove(p);
        fired.add(p);
      }
    }
  }

  private static boolean reached(Pending p, double lo, double hi) {
    OrderType type = p.request.type();
    boolean sell = p.sells();
    if (type == OrderType.TRAILING_STOP_MARKET) {
      return trail(p, lo, hi);
    }
    double t = p.trigger.price() == null ? Double.NaN : p.trigger.price().doubleValue();
    boolean fallsTo = (type == OrderType.STOP_MARKET) == sell;
    return fallsTo ? lo <= t : hi >= t;
  }

  private static boolean trail(Pending p, double lo, double hi) {
    boolean sell = p.sells();
    BigDecimal activation = p.trigger.activationPrice();
    if (!p.active) {
      double a = activation == null ? 0 : activation.doubleValue();
      if (sell ? hi >= a : lo <= a) {
        p.active = true;
        p.best = a;
      }
      return false;
    }
    double rate = p.trigger.callbackRate() == null ? 0 : p.trigger.callbackRate().doubleValue();
    if (Double.isNaN(p.best)) {
      p.best = sell ? hi : lo;
      return false;
    }
    boolean fires = sell ? lo <= p.best * (1 - rate / 100.0) : hi >= p.best * (1 + rate / 100.0);
    if (!fires) {
      p.best = sell ? Math.max(p.best, hi) : Math.min(p.best, lo);
    }
    return fires;
  }

  private Order end(Pending p, OrderStatus status) {
    waiting.remove(p);
    done.add(p);
    p.status = status;
    p.updateTime = account.venue.now();
    account.venue.conditionalDelta(-1);
    return report(p);
  }

  private Order report(Pending p) {
    Order o = order(p);
    account.reportOrder(o);
    return o;
  }

  private static @Nullable Pending match(List<Pending> list, OrderRef ref) {
    String id = ref.orderId();
    String cid = ref.clientOrderId();
    Pending found = null;
    for (Pending p : list) {
      if (!p.request.symbol().equals(ref.symbol())) {
        continue;
      }
      if (id != null ? Long.toString(p.id).equals(id) : p.clientOrderId.equals(cid)) {
        found = p;
      }
    }
    return found;
  }

  private static Order order(Pending p) {
    OrderRequest r = p.request;
    return Order.builder()
        .symbol(r.symbol())
        .orderId(Long.toString(p.id))
        .clientOrderId(p.clientOrderId)
        .side(r.side())
        .positionSide(r.positionSide())
        .type(r.type())
        .quantity(r.quantity())
        .status(p.status)
        .reduceOnly(r.reduceOnly())
        .createTime(p.createTime)
        .updateTime(p.updateTime)
        .triggerPrice(p.trigger.price())
        .triggeredOrderId(p.triggeredOrderId)
        .build();
  }
}
