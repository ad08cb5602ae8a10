package dev.tradekit.backtest.sim;

import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One account on the simulated venue: its orders, its {@link Ledger}, its fills, and the delivery
 * of its user events. Every method runs on the venue's scheduler thread.
 *
 * <p>User events (order updates, fills, account updates) are handed to the account's listeners
 * through the scheduler after a market-data latency sample, in the order they happened.
 */
final class SimAccount {
  /** Terminal orders kept queryable, most recent first out of the window. */
  private static final int CLOSED_ORDERS_KEPT = 10_000;

  final String name;
  final SimVenue venue;
  final Ledger ledger;
  final ListenerSet<UserEventListener> listeners = new ListenerSet<>();
  private final Map<Long, SimOrder> open = new LinkedHashMap<>();
  private final Map<String, SimOrder> openByClientId = new HashMap<>();
  private final Map<Long, SimOrder> closed =
      // sized for the window: the map never grows (rehashes) while a backtest fills it
      new LinkedHashMap<>(CLOSED_ORDERS_KEPT * 4 / 3 + 2) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SimOrder> eldest) {
          return size() > CLOSED_ORDERS_KEPT;
        }
      };
  private final List<Fill> fills = new ArrayList<>();

  /** Called with each fill as it is booked ({@link SimVenue#addFillListener}). */
  final ListenerSet<Consumer<Fill>> fillListeners = new ListenerSet<>();

  /**
   * Per symbol, the remaining lots and notional (ticks times lots) of the open orders that carry
   * margin (not closing, priced): buy lots, buy notional, sell lots, sell notional. Kept as orders
   * open, fill, amend and close, so a margin check does not sum every open order.
   */
  private final Map<SymbolMatcher, long[]> orderSums = new HashMap<>();

  private static final long[] NO_SUMS = new long[4];

  /** Open closing orders (reduce-only or a hedge leg's closing side): 0 skips their expiry scan. */
  private int closingOpen;

  private long lastDelivery;

  /** The listener array {@link #accountUpdatesWanted} was computed for. */
  private Object @Nullable [] accountListenersChecked;

  private boolean accountUpdatesWanted;

  /** The acceptance task a fill may still join (see {@link Accepted}), else null. */
  private @Nullable Accepted openAccept;

  /** The last {@link #equity} read without a position: ledger version, asset and equity. */
  private long flatVersion = -1;

  private @Nullable String flatAsset;
  private double flatEquity;
  private long accepted;

  SimAccount(String name, SimVenue venue, AccountSetup setup) {
    this.name = name;
    this.venue = venue;
    this.ledger = new Ledger(setup);
  }

  // ---------------------------------------------------------------- registry

  Collection<SimOrder> openOrders() {
    return open.values();
  }

  @Nullable SimOrder openByClientId(String clientOrderId) {
    return openByClientId.get(clientOrderId);
  }

  /** An order by venue id or client id, open or recently closed. */
  @Nullable SimOrder find(String symbol, @Nullable String orderId, @Nullable String clientId) {
    SimOrder o = null;
    if (orderId != null) {
      try {
        long id = Long.parseLong(orderId);
        o = open.get(id);
        if (o == null) {
          o = closed.get(id);
        }
      } catch (NumberFormatException e) {
        return null;
      }
    } else if (clientId != null) {
      o = openByClientId.get(clientId);
      if (o == null) {
        for (SimOrder c : closed.values()) {
          if (c.clientOrderId.equals(clientId)) {
            o = c; // keep scanning: the latest order with this id wins
          }
        }
      }
    }
    return o != null && o.symbol().equals(symbol) ? o : null;
  }

  /** The account's conditional orders, waiting for their triggers. */
  final Conditionals conditionals = new Conditionals(this);

  /**
   * Registers a new order and reports it. Until {@link #matched} (its placing call has matched it),
   * the report's task may take the order's first fill (see {@link #emitOrderAndFill}).
   */
  void accept(SimOrder o) {
    accepted++;
    open.put(o.id, o);
    o.listed = true;
    openByClientId.put(o.clientOrderId, o);
    count(o, 1);
    if (listeners.isEmpty()) {
      return;
    }
    long delay = scheduleAt();
    Accepted task = new Accepted(o, o.toOrder(), venue.now() + delay);
    venue.scheduler().schedule(task, delay, TimeUnit.MILLISECONDS);
    openAccept = task;
  }

  /**
   * The order {@link #accept} reported has been matched by its placing call (or something else was
   * scheduled meanwhile): a later fill gets its own task.
   */
  void matched() {
    openAccept = null;
  }

  /** Moves an order to a terminal state, off the book, and reports it. */
  void finish(SimOrder o, OrderStatus status) {
    if (!o.isOpen()) {
      return;
    }
    o.status = status;
    o.updateTime = venue.now();
    uncount(o);
    open.remove(o.id);
    o.listed = false;
    openByClientId.remove(o.clientOrderId);
    closed.put(o.id, o);
    o.matcher.remove(o);
    emitOrder(o.toOrder());
  }

  /** Reports an order that is not on the book (a conditional order waiting or fired). */
  void reportOrder(Order order) {
    emitOrder(order);
  }

  /** Reports an order's current state (after an amendment). */
  void report(SimOrder o) {
    emitOrder(o.toOrder());
  }

  /**
   * The margin-carrying sums of the open orders in one symbol (see {@link #orderSums}): buy lots,
   * buy notional, sell lots, sell notional. Read only.
   */
  long[] openOrderSums(SymbolMatcher m) {
    long[] sums = orderSums.get(m);
    return sums == null ? NO_SUMS : sums;
  }

  /** Whether {@code o} is one of the open orders the sums count. */
  boolean isCounted(SimOrder o) {
    return o.listed;
  }

  /**
   * Takes an open order out of the sums before its price or size changes; false (nothing done) when
   * it is not open. After the change, {@link #recount} puts it back.
   */
  boolean uncount(SimOrder o) {
    if (!isCounted(o)) {
      return false;
    }
    count(o, -1);
    return true;
  }

  /** Counts {@code o} again after a change that {@link #uncount} preceded. */
  void recount(SimOrder o) {
    count(o, 1);
  }

  private void count(SimOrder o, int sign) {
    if (o.isClosing()) {
      closingOpen += sign;
      return;
    }
    if (o.priceTicks <= 0) {
      return;
    }
    long[] sums = orderSums.computeIfAbsent(o.matcher, k -> new long[4]);
    int at = o.side == Side.BUY ? 0 : 2;
    long lots = o.remainingLots();
    sums[at] += sign * lots;
    sums[at + 1] += sign * Math.multiplyExact(lots, o.priceTicks);
  }

  // ---------------------------------------------------------------- execution

  /** The leg an order trades: {@code BOTH} in one-way mode, its position side in hedge mode. */
  PositionSide legOf(SimOrder o) {
    return ledger.mode == PositionMode.ONE_WAY ? PositionSide.BOTH : o.positionSide;
  }

  /** A signed amount in whole lots of the matcher's symbol. */
  long lots(SymbolMatcher m, BigDecimal amount) {
    return m.lots(amount);
  }

  /** How many lots a closing order may still fill without flipping its leg. */
  long reducibleLots(SimOrder o) {
    long pos = lots(o.matcher, ledger.amount(o.symbol(), legOf(o)));
    return o.side == Side.SELL ? Math.max(0, pos) : Math.max(0, -pos);
  }

  /**
   * Fills up to {@code lots} of {@code o} at {@code priceTicks}; closing orders are capped so they
   * never flip the position (and expire when nothing is left to reduce). Returns the lots filled.
   */
  long execute(SimOrder o, long priceTicks, long lots, boolean maker) {
    if (!o.isOpen()) {
      return 0;
    }
    long n = Math.min(lots, o.remainingLots());
    if (o.isClosing()) {
      n = Math.min(n, reducibleLots(o));
      if (n <= 0) {
        finish(o, OrderStatus.EXPIRED);
        return 0;
      }
    }
    long now = venue.now();
    SymbolMarket market = o.matcher.market;
    String asset = market.instrument.marginAsset();
    BigDecimal price = market.price(priceTicks);
    BigDecimal qty = market.quantity(n);
    BigDecimal notional = price.multiply(qty);
    BigDecimal fee = Amounts.plain(notional.multiply(maker ? venue.makerFee : venue.takerFee));
    Ledger.Leg leg = ledger.leg(o.symbol(), legOf(o), asset);
    String tradeId = Long.toString(venue.nextTradeId());
    BigDecimal realized = ledger.applyFill(leg, o.side, price, qty, fee, now, tradeId);
    boolean counted = uncount(o);
    o.filled(n, priceTicks, price, notional);
    if (counted) {
      count(o, 1);
    }
    o.updateTime = now;
    o.status = o.remainingLots() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    o.matcher.show(o);
    Fill fill =
        new Fill(
            o.symbol(),
            tradeId,
            o.orderId,
            o.clientOrderId,
            o.side,
            o.positionSide,
            price,
            qty,
            fee,
            asset,
            realized, // plain already (Ledger.applyFill)
            maker,
            now);
    fills.add(fill);
    if (o.status == OrderStatus.FILLED) {
      uncount(o);
      open.remove(o.id);
      o.listed = false;
      openByClientId.remove(o.clientOrderId);
      closed.put(o.id, o);
      o.matcher.remove(o);
    }
    publishFill(fill); // once the order's own bookkeeping is done too
    emitOrderAndFill(o, o.toOrder(), fill);
    emitAccount(
        "ORDER", asset, () -> List.of(ledger.toPosition(leg, venue.markOrNull(o.symbol()))));
    expireStaleClosingOrders(o.matcher);
    return n;
  }

  /** A booked fill to the fill listeners, at once (no latency: they observe the ledger). */
  private void publishFill(Fill fill) {
    Object[] ls = fillListeners.snapshot();
    for (int i = 0; i < ls.length; i++) {
      Consumer<Fill> l = ListenerSet.get(ls, i);
      try {
        l.accept(fill);
      } catch (RuntimeException e) {
        ListenerSet.failed(l, e);
      }
    }
  }

  /** Expires resting closing orders of a symbol whose position is gone (as Binance does). */
  private void expireStaleClosingOrders(SymbolMatcher matcher) {
    if (closingOpen == 0) {
      return;
    }
    List<SimOrder> stale = null;
    for (SimOrder o : open.values()) {
      if (o.matcher == matcher && o.isClosing() && reducibleLots(o) == 0) {
        if (stale == null) {
          stale = new ArrayList<>();
        }
        stale.add(o);
      }
    }
    if (stale != null) {
      stale.forEach(o -> finish(o, OrderStatus.EXPIRED));
    }
  }

  /** Pays funding on the legs of one symbol. */
  void fund(SymbolMatcher matcher, BigDecimal mark, BigDecimal rate) {
    String asset = matcher.market.instrument.marginAsset();
    List<Ledger.Leg> paid =
        ledger.applyFunding(
            matcher.symbol(), mark, rate, venue.now(), Long.toString(venue.nextTradeId()));
    if (!paid.isEmpty()) {
      emitAccount(
          Ledger.FUNDING_FEE,
          asset,
          () -> {
            List<Position> positions = new ArrayList<>();
            paid.forEach(l -> positions.add(ledger.toPosition(l, mark)));
            return positions;
          });
    }
  }

  // ---------------------------------------------------------------- views

  Balance balance(String asset) {
    return ledger.balance(asset, Margin.available(this, asset), venue::markOrNull);
  }

  List<Position> positions(boolean includeFlat) {
    List<Position> out = new ArrayList<>();
    List<Ledger.Leg> legs = ledger.legs();
    for (int i = 0, n = legs.size(); i < n; i++) {
      Ledger.Leg leg = legs.get(i);
      if (includeFlat || leg.amount.signum() != 0) {
        out.add(ledger.toPosition(leg, venue.markOrNull(leg.symbol)));
      }
    }
    return out;
  }

  /**
   * The margin balance in {@code asset} (wallet plus unrealised PnL at the current marks) and the
   * notional of every open leg (amount times mark, else entry), into {@code out[0]} and {@code
   * out[1]}: the numbers of {@link #snapshot()}'s balance and positions without building them.
   */
  void equity(String asset, double[] out) {
    if (flatVersion == ledger.version() && asset.equals(flatAsset)) {
      // no position and no booking since the last read: the wallet as it was, no decimals
      out[0] = flatEquity;
      out[1] = 0;
      return;
    }
    BigDecimal unrealized = BigDecimal.ZERO;
    double notional = 0;
    boolean flat = true;
    List<Ledger.Leg> legs = ledger.legs();
    for (int i = 0, n = legs.size(); i < n; i++) {
      Ledger.Leg leg = legs.get(i);
      if (leg.amount.signum() == 0) {
        continue;
      }
      flat = false;
      BigDecimal mark = venue.markOrNull(leg.symbol);
      if (leg.asset.equals(asset)) {
        unrealized = unrealized.add(Ledger.unrealized(leg, mark));
      }
      notional += leg.amount.multiply(mark != null ? mark : leg.entry).doubleValue();
    }
    out[0] = ledger.wallet(asset).add(unrealized).doubleValue();
    out[1] = notional;
    if (flat) {
      // without a position the numbers depend on the ledger alone: reuse them until it changes
      flatVersion = ledger.version();
      flatAsset = asset;
      flatEquity = out[0];
    }
  }

  AccountSnapshot snapshot() {
    List<Balance> balances = new ArrayList<>();
    for (String asset : ledger.assets()) {
      balances.add(balance(asset));
    }
    return new AccountSnapshot(venue.now(), ledger.mode, balances, positions(true));
  }

  long ordersAccepted() {
    return accepted;
  }

  List<Fill> fills() {
    return fills;
  }

  // ---------------------------------------------------------------- user events

  private void emitOrder(Order order) {
    deliver(0, order);
  }

  /**
   * A fill's order update then the fill itself, as {@link #emitOrder} then a fill would be: each
   * draws its latency in turn, and when both are due at the same time they go in one task, the
   * update to every listener first, then the fill (what two tasks queued one after the other at
   * that time would do: nothing can be queued between them, and what a listener queues at that time
   * runs after both either way).
   */
  private void emitOrderAndFill(SimOrder o, Order order, Fill fill) {
    if (listeners.isEmpty()) {
      return;
    }
    long orderDelay = scheduleAt();
    long fillDelay = scheduleAt();
    Accepted open = openAccept;
    openAccept = null;
    if (open != null
        && open.join(o, venue.now() + orderDelay, fillDelay == orderDelay, order, fill)) {
      return; // the acceptance's task, next in the queue at that time, reports the fill too
    }
    Scheduler scheduler = venue.scheduler();
    if (orderDelay == fillDelay) {
      scheduler.schedule(
          () -> dispatchOrderAndFill(order, fill), orderDelay, TimeUnit.MILLISECONDS);
    } else {
      scheduler.schedule(() -> dispatch(0, order), orderDelay, TimeUnit.MILLISECONDS);
      scheduler.schedule(() -> dispatch(1, fill), fillDelay, TimeUnit.MILLISECONDS);
    }
  }

  private void emitAccount(String reason, String asset, Supplier<List<Position>> positions) {
    if (listeners.isEmpty()) {
      return;
    }
    if (!accountUpdatesWanted()) {
      // no listener handles account updates: none is built (its balance costs a margin pass), but
      // its latency is drawn as if it were, so later events keep their delivery times
      scheduleAt();
      return;
    }
    deliver(2, new AccountUpdate(venue.now(), reason, List.of(balance(asset)), positions.get()));
  }

  /**
   * Whether a listener overrides {@link UserEventListener#onAccountUpdate} (the default ignores
   * it); asked again only when the listeners change.
   */
  private boolean accountUpdatesWanted() {
    Object[] ls = listeners.snapshot();
    if (ls != accountListenersChecked) {
      boolean wanted = false;
      for (Object l : ls) {
        wanted |= overridesAccountUpdate(l.getClass());
      }
      accountUpdatesWanted = wanted;
      accountListenersChecked = ls;
    }
    return accountUpdatesWanted;
  }

  private static boolean overridesAccountUpdate(Class<?> type) {
    try {
      return type.getMethod("onAccountUpdate", AccountUpdate.class).getDeclaringClass()
          != UserEventListener.class;
    } catch (NoSuchMethodException e) {
      return true; // cannot tell: deliver
    }
  }

  /** Schedules one user event for the listeners after a market-data latency, keeping order. */
  private void deliver(int kind, Object event) {
    if (listeners.isEmpty()) {
      return;
    }
    openAccept = null; // a task between an acceptance and its fill: they are no longer adjacent
    long delay = scheduleAt();
    venue.scheduler().schedule(() -> dispatch(kind, event), delay, TimeUnit.MILLISECONDS);
  }

  /** Draws the next user event's market-data latency; returns its delay from now, keeping order. */
  private long scheduleAt() {
    long now = venue.now();
    long at = Math.max(lastDelivery, now + venue.sampleMarketDataLatency());
    lastDelivery = at;
    return at - now;
  }

  /**
   * The task of an order's acceptance report ({@link #accept}). The order's first fill, when it
   * comes in the same placing call with nothing scheduled since and is drawn to the same time,
   * joins it: the acceptance to every listener, then the fill's order update, then the fill — what
   * the acceptance's task and the fill's task, queued one right after the other at that time, would
   * do (nothing can run between them, and what a listener queues at that time runs after both
   * either way). One task less per market order.
   */
  private final class Accepted implements Runnable {
    private final SimOrder order;
    private final Order accepted;
    private final long at;
    private @Nullable Order filled;
    private @Nullable Fill fill;
    private boolean ran;

    Accepted(SimOrder order, Order accepted, long at) {
      this.order = order;
      this.accepted = accepted;
      this.at = at;
    }

    /** Takes {@code o}'s fill drawn to {@code time} (both events at one time) if it can. */
    boolean join(SimOrder o, long time, boolean oneTime, Order update, Fill f) {
      if (ran || o != order || time != at || !oneTime || filled != null) {
        return false;
      }
      filled = update;
      fill = f;
      return true;
    }

    @Override
    public void run() {
      ran = true;
      try {
        dispatch(0, accepted);
      } finally {
        Order update = filled;
        Fill f = fill;
        if (update != null && f != null) {
          dispatchOrderAndFill(update, f);
        }
      }
    }
  }

  /** A fill's order update to every listener, then the fill (one task's work, see above). */
  private void dispatchOrderAndFill(Order order, Fill fill) {
    try {
      dispatch(0, order);
    } finally {
      dispatch(1, fill);
    }
  }

  private void dispatch(int kind, Object event) {
    Object[] ls = listeners.snapshot();
    for (Object l : ls) {
      UserEventListener listener = (UserEventListener) l;
      try {
        switch (kind) {
          case 0 -> listener.onOrderUpdate((Order) event);
          case 1 -> listener.onFill((Fill) event);
          default -> listener.onAccountUpdate((AccountUpdate) event);
        }
      } catch (RuntimeException e) {
        ListenerSet.failed(listener, e);
      }
    }
  }
}
