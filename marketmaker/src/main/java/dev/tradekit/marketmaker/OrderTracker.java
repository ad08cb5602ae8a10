package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Side;
import dev.tradekit.marketmaker.OrderSync.LiveOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The bot's resting orders by client order id, and the ids it hands out ({@code
 * <name>-<session>-<n>}). Used on the engine's scheduler thread only.
 */
final class OrderTracker {
  enum State {
    /** Sent, no answer yet. */
    PENDING_NEW,
    /** Resting on the venue. */
    OPEN,
    /** A cancel was sent. */
    PENDING_CANCEL,
    /** The venue could not tell whether the placement landed: reconcile before requoting. */
    UNKNOWN
  }

  /** One tracked order. */
  static final class Tracked {
    final String clientOrderId;
    final Side side;
    final boolean reduceOnly;
    final long createdAt;
    BigDecimal price;
    BigDecimal quantity;
    BigDecimal executed = BigDecimal.ZERO;
    State state;
    @Nullable Order last;

    Tracked(String id, Side side, BigDecimal price, BigDecimal qty, boolean reduceOnly, long now) {
      this.clientOrderId = id;
      this.side = side;
      this.price = price;
      this.quantity = qty;
      this.reduceOnly = reduceOnly;
      this.createdAt = now;
      this.state = State.PENDING_NEW;
    }

    void update(Order o) {
      last = o;
      if (o.price() != null && o.price().signum() > 0) {
        price = o.price();
      }
      quantity = o.quantity();
      executed = o.executedQuantity();
      state = State.OPEN;
    }
  }

  private final String prefix;
  private final String session;
  private long counter;
  private final Map<String, Tracked> orders = new LinkedHashMap<>();

  /** {@code name} must be 1 to 12 letters or digits; {@code sessionMillis} makes ids unique. */
  OrderTracker(String name, long sessionMillis) {
    this.prefix = name + "-";
    this.session = Long.toString(Math.max(0, sessionMillis), 36);
  }

  /** The prefix that marks the bot's orders, e.g. {@code mm1-}. */
  String prefix() {
    return prefix;
  }

  String nextClientId() {
    return prefix + session + "-" + Long.toString(++counter, 36);
  }

  boolean isOurs(@Nullable String clientOrderId) {
    return clientOrderId != null && clientOrderId.startsWith(prefix);
  }

  /** Tracks a limit order about to be sent. */
  void addPending(String id, TargetOrder t, long now) {
    orders.put(id, new Tracked(id, t.side(), t.limitPrice(), t.quantity(), t.reduceOnly(), now));
  }

  /** The venue's answer or update for one of the bot's orders; terminal orders are dropped. */
  void apply(Order o, long now) {
    String id = o.clientOrderId();
    if (id == null) {
      return;
    }
    Tracked t = orders.get(id);
    if (!o.isOpen()) {
      orders.remove(id);
      return;
    }
    if (t == null) {
      BigDecimal price = o.price() != null ? o.price() : BigDecimal.ZERO;
      t = new Tracked(id, o.side(), price, o.quantity(), o.reduceOnly(), now);
      orders.put(id, t);
    }
    if (t.state != State.PENDING_CANCEL) {
      t.update(o);
    } else {
      t.last = o;
      t.executed = o.executedQuantity();
    }
  }

  /** The answer to a placement: like {@link #apply} but ignored when the order is already gone. */
  void placed(Order o, long now) {
    String id = o.clientOrderId();
    if (id != null && orders.containsKey(id)) {
      apply(o, now);
    }
  }

  void markCancelling(String id) {
    Tracked t = orders.get(id);
    if (t != null) {
      t.state = State.PENDING_CANCEL;
    }
  }

  void markUnknown(String id) {
    Tracked t = orders.get(id);
    if (t != null) {
      t.state = State.UNKNOWN;
    }
  }

  /** A cancel that did not go through: the order rests again. */
  void cancelFailed(String id) {
    Tracked t = orders.get(id);
    if (t != null && t.state == State.PENDING_CANCEL) {
      t.state = State.OPEN;
    }
  }

  void remove(String id) {
    orders.remove(id);
  }

  void clear() {
    orders.clear();
  }

  boolean hasUnknown() {
    for (Tracked t : orders.values()) {
      if (t.state == State.UNKNOWN) {
        return true;
      }
    }
    return false;
  }

  Set<String> ids() {
    return Set.copyOf(orders.keySet());
  }

  int size() {
    return orders.size();
  }

  /** The resting orders as the sync sees them (pending cancels and unknowns are left out). */
  List<LiveOrder> live() {
    List<LiveOrder> out = new ArrayList<>();
    for (Tracked t : orders.values()) {
      if (t.state == State.OPEN || t.state == State.PENDING_NEW) {
        out.add(
            new LiveOrder(
                t.clientOrderId,
                t.side,
                t.price,
                t.quantity,
                t.executed,
                t.reduceOnly,
                t.createdAt));
      }
    }
    return out;
  }

  /** The last venue view of every open tracked order. */
  List<Order> openOrders() {
    List<Order> out = new ArrayList<>();
    for (Tracked t : orders.values()) {
      if (t.last != null && t.state != State.UNKNOWN) {
        out.add(t.last);
      }
    }
    return out;
  }
}
