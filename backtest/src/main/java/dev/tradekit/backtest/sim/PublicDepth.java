package dev.tradekit.backtest.sim;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.MarketEvent;
import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The depth one symbol's venue publishes: the recorded market book plus the quantity of the
 * accounts' resting orders, kept consistent between snapshots and diffs.
 *
 * <p>Recorded snapshots and diffs go out with the account quantity added at each level they carry
 * (and a snapshot also gets the account levels it lacks). A level the simulation changes by itself
 * — an account order resting, filling, being cancelled or amended, or a simulated taker consuming
 * recorded quantity — goes out as a one-level diff with {@code U = u = pu =} the market book's last
 * update id: Binance's futures rules accept it (its {@code pu} equals the previous {@code u}, and
 * {@code u} is not below a snapshot of that id) and it sets an absolute quantity, so a consumer
 * that replays it over a snapshot that already holds it stays correct. Changes made while a
 * recorded event is being matched, or while the market book is not synced to the recorded diff
 * chain, wait and ride on the next diff that consumers will apply (or go out right after the
 * event).
 *
 * <p>Account quantity is kept in whole lots (exact), in an {@link OrderBook} used as a level map.
 * With no account orders and nothing pending, {@link #published} returns the recorded event itself;
 * otherwise the merged event is built in place in the visible feed's ring (see {@link #target}), so
 * nothing is allocated or copied twice per event once warm.
 */
final class PublicDepth {
  /** Where published depth events go (the visible feed and the venue's depth listeners). */
  interface Sink {
    void publish(MarketEvent e);
  }

  private static final Side[] SIDES = {Side.BUY, Side.SELL};

  private final SymbolMarket market;
  private final LongSupplier clock;
  private final OrderBook ownLots;
  private final MarketEvent scratch = new MarketEvent();
  private Supplier<MarketEvent> target = () -> scratch;
  private MarketEvent out = scratch;
  private Sink sink = e -> {};
  private long[] pendingBids = new long[8];
  private long[] pendingAsks = new long[8];
  private int bidsPending;
  private int asksPending;
  private boolean inEvent;

  PublicDepth(SymbolMarket market, LongSupplier clock) {
    this.market = market;
    this.clock = clock;
    this.ownLots = new OrderBook(market.symbol(), 16);
  }

  void sink(Sink value) {
    this.sink = value;
  }

  /**
   * Where merged events are built: the visible feed's next ring slot, so that the feed queues them
   * without copying. Each published event is taken from it just before it is filled.
   */
  void target(Supplier<MarketEvent> value) {
    this.target = value;
  }

  /** Lots of resting account orders at a level (tests and diagnostics). */
  long accountLots(Side side, long priceTicks) {
    return (long) ownLots.quantityAt(side, priceTicks);
  }

  /** The published quantity of a level: recorded plus account orders. */
  double quantityAt(Side side, long priceTicks) {
    return market.book().quantityAt(side, priceTicks)
        + ownLots.quantityAt(side, priceTicks) * market.lot;
  }

  /** Adds {@code deltaLots} (may be negative) of account quantity at a level. */
  void addAccountLots(Side side, long priceTicks, long deltaLots) {
    double lots = ownLots.quantityAt(side, priceTicks) + deltaLots;
    ownLots.setLevel(side, priceTicks, Math.max(0, lots));
    levelChanged(side, priceTicks);
  }

  /** The market book changed at a level outside the recorded events (a simulated taker took). */
  void levelChanged(Side side, long priceTicks) {
    if (!market.depthSeen()) {
      return; // no depth stream to keep in sync; account levels join the first snapshot
    }
    if (inEvent || !market.depthSynced()) {
      addPending(side, priceTicks);
      return;
    }
    long id = market.book().lastUpdateId();
    out = target.get();
    out.reset(MarketEvent.Type.DEPTH_UPDATE, market.symbol(), clock.getAsLong(), 0);
    out.updateIds(id, id, id);
    out.addLevel(side, priceTicks, quantityAt(side, priceTicks));
    sink.publish(out);
  }

  /** A recorded event is about to be matched: level changes wait until {@link #published}. */
  void beginEvent() {
    inEvent = true;
  }

  /**
   * Ends a recorded event the matcher has applied and returns what to publish for it: the event
   * itself, or its merged copy for depth; pending level changes ride on a diff consumers apply, or
   * go to the sink as their own diff after a non-depth event.
   */
  MarketEvent published(MarketEvent e) {
    inEvent = false;
    boolean flush = bidsPending + asksPending > 0 && market.depthSynced();
    boolean noOwn = ownLots.isEmpty(Side.BUY) && ownLots.isEmpty(Side.SELL);
    switch (e.type()) {
      case DEPTH_SNAPSHOT -> {
        return noOwn ? e : mergeSnapshot(e);
      }
      case DEPTH_UPDATE -> {
        if (noOwn && !flush) {
          return e;
        }
        mergeDiff(e, flush);
        return out;
      }
      default -> {
        if (flush) {
          long id = market.book().lastUpdateId();
          out = target.get();
          out.reset(MarketEvent.Type.DEPTH_UPDATE, market.symbol(), clock.getAsLong(), 0);
          out.updateIds(id, id, id);
          addPending(out);
          sink.publish(out);
        }
        return e;
      }
    }
  }

  private MarketEvent mergeSnapshot(MarketEvent e) {
    out = target.get();
    out.reset(e.type(), e.symbol(), e.eventTime(), e.receiveTimeNanos());
    out.transactionTime(e.transactionTime());
    out.updateIds(e.firstUpdateId(), e.lastUpdateId(), e.prevUpdateId());
    for (Side side : SIDES) {
      int n = e.levelCount(side);
      for (int i = 0; i < n; i++) {
        long p = e.levelPriceTicks(side, i);
        out.addLevel(side, p, e.levelQuantity(side, i) + ownLots.quantityAt(side, p) * market.lot);
      }
      for (int j = 0, m = ownLots.depth(side); j < m; j++) {
        long p = ownLots.priceTicks(side, j);
        if (!carries(e, side, n, p)) {
          out.addLevel(side, p, ownLots.quantity(side, j) * market.lot);
        }
      }
    }
    return out;
  }

  private void mergeDiff(MarketEvent e, boolean flush) {
    out = target.get();
    out.reset(e.type(), e.symbol(), e.eventTime(), e.receiveTimeNanos());
    out.transactionTime(e.transactionTime());
    out.updateIds(e.firstUpdateId(), e.lastUpdateId(), e.prevUpdateId());
    for (Side side : SIDES) {
      for (int i = 0, n = e.levelCount(side); i < n; i++) {
        long p = e.levelPriceTicks(side, i);
        out.addLevel(side, p, e.levelQuantity(side, i) + ownLots.quantityAt(side, p) * market.lot);
      }
    }
    if (flush) {
      addPending(out);
    }
  }

  private static boolean carries(MarketEvent e, Side side, int n, long priceTicks) {
    for (int i = 0; i < n; i++) {
      if (e.levelPriceTicks(side, i) == priceTicks) {
        return true;
      }
    }
    return false;
  }

  /** Appends every pending level with its published quantity and clears the pending set. */
  private void addPending(MarketEvent into) {
    for (int i = 0; i < bidsPending; i++) {
      into.addLevel(Side.BUY, pendingBids[i], quantityAt(Side.BUY, pendingBids[i]));
    }
    for (int i = 0; i < asksPending; i++) {
      into.addLevel(Side.SELL, pendingAsks[i], quantityAt(Side.SELL, pendingAsks[i]));
    }
    bidsPending = 0;
    asksPending = 0;
  }

  private void addPending(Side side, long priceTicks) {
    long[] prices = side == Side.BUY ? pendingBids : pendingAsks;
    int n = side == Side.BUY ? bidsPending : asksPending;
    for (int i = 0; i < n; i++) {
      if (prices[i] == priceTicks) {
        return;
      }
    }
    if (n == prices.length) {
      prices = Arrays.copyOf(prices, n * 2);
    }
    prices[n] = priceTicks;
    if (side == Side.BUY) {
      pendingBids = prices;
      bidsPending = n + 1;
    } else {
      pendingAsks = prices;
      asksPending = n + 1;
    }
  }

  /** A copy of the published book: the market book with account quantity added (allocates). */
  OrderBook copyBook() {
    OrderBook copy = new OrderBook(market.symbol(), Math.max(16, market.book().depth(Side.BUY)));
    copyInto(copy);
    return copy;
  }

  /**
   * Makes {@code into} the published book (levels, update id and timestamp of the market book),
   * reusing its arrays.
   */
  void copyInto(OrderBook into) {
    into.copyFrom(market.book());
    for (Side side : SIDES) {
      for (int j = 0, m = ownLots.depth(side); j < m; j++) {
        long p = ownLots.priceTicks(side, j);
        into.setLevel(side, p, quantityAt(side, p));
      }
    }
  }

  /**
   * Whether everything published so far is the whole published book: the market book follows the
   * recorded diff chain, no level change waits to ride on a diff and no event is being matched.
   */
  boolean settled() {
    return !inEvent && bidsPending + asksPending == 0 && market.depthSynced();
  }
}
