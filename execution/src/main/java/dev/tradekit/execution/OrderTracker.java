package dev.tradekit.execution;

import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Side;
import dev.tradekit.execution.OrderSync.LiveOrder;
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
 *
 * <pre>{@code
 * OrderTracker tracker = new OrderTracker("mm1", scheduler.currentTimeMillis());
 * List<OrderSync.LiveOrder> live = tracker.live();
 * }</pre>
 */
public final class OrderTracker {
  /** Where a tracked order stands. */
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
  public OrderTracker(String name, long sessionMillis) {
    this.prefix = name + "-";
    this.session = Long.toString(Math.max(0, sessionMillis), 36);
  }

  /** The prefix that marks the bot's orders, e.g. {@code mm1-}. */
  public String prefix() {
    return prefix;
  }

  /** A fresh client order id carrying the prefix. */
  public String nextClientId() {
    return prefix + session + "-" + Long.toString(++counter, 36);
  }

  /** Whether the id carries this tracker's prefix. */
  public boolean isOurs(@Nullable String clientOrderId) {
    return clientOrderId != null && clientOrderId.startsWith(prefix);
  }

  /** Tracks a limit order about to be sent. */
  public void addPending(String id, TargetOrder t, long now) {
    orders.put(id, new Tracked(id, t.side(), t.limitPrice(), t.quantity(), t.reduceOnly(), now));
  }

  /** The venue's answer or update for one of the bot's orders; terminal orders are dropped. */
  public void apply(Order o, long now) {
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
  public void placed(Order o, long now) {
    String id = o.clientOrderId();
    if (id != null && orders.containsKey(id)) {
      apply(o, now);
    }
  }

  /** A cancel was sent for the order. */
  public void markCancelling(String id) {
    Tracked t = orders.get(id);
    if (t != null) {
      t.state = State.PENDING_CANCEL;
    }
  }

  /** The venue could not say whether the order landed. */
  public void markUnknown(String id) {
    Tracked t = orders.get(id);
    if (t != null) {
      t.state = State.UNKNOWN;
    }
  }

  /** A cancel that did not go through: the order rests again. */
  public void cancelFailed(String id) {
    Tracked t = orders.get(id);
    if (t != null && t.state == State.PENDING_CANCEL) {
      t.state = State.OPEN;
    }
  }

  /** Forgets the order. */
  public void remove(String id) {
    orders.remove(id);
  }

  /** Forgets every order. */
  public void clear() {
    orders.clear();
  }

  /** Whether some order's fate is unknown (reconcile before sending more). */
  public boolean hasUnknown() {
    for (Tracked t : orders.values()) {
      if (t.state == State.UNKNOWN) {
        return true;
      }
    }
    return false;
  }

  /** The tracked client ids. */
  public Set<String> ids() {
    return Set.copyOf(orders.keySet());
  }

  /** How many orders are tracked. */
  public int size() {
    return orders.size();
  }

  /** The resting orders as the sync sees them (pending cancels and unknowns are left out). */
  public List<LiveOrder> live() {
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
  public List<Order> openOrders() {
    List<Order> out = new ArrayList<>();
    for (Tracked t : orders.values()) {
      if (t.last != null && t.state != State.UNKNOWN) {
        out.add(t.last);
      }
    }
    return out;
  }
}
