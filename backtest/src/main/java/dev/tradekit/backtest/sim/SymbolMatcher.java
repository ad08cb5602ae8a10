package dev.tradekit.backtest.sim;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Matches the simulated orders of every account in one symbol against the recorded market.
 *
 * <p>Takers walk the opposite side of the {@link SymbolMarket} book level by level. Resting orders
 * fill by queue position: an order joins behind the market quantity at its price (and behind
 * earlier simulated orders there); trades at its price consume that queue first and fill the order
 * only with the volume beyond it; a trade through its price, or the opposite best reaching it,
 * fills the rest at the order's price. Depth decreases move the queue per the {@link QueueModel}.
 * With no resting orders the per-event work is a book update and nothing is allocated. Resting
 * orders are also shown in the {@link PublicDepth} the venue publishes (never in the market book
 * takers walk, so an account cannot trade with itself).
 */
final class SymbolMatcher {
  private static final long NO_PRICE = SymbolMarket.NO_PRICE;

  final SymbolMarket market;
  final PublicDepth depth;
  private final QueueModel queueModel;
  private final List<SimOrder> bids = new ArrayList<>();
  private final List<SimOrder> asks = new ArrayList<>();
  private long queueSeq;
  private int iterating;
  private boolean dirty;

  /**
   * Counts the book changes the queues were adjusted to; an order's traded volume of an earlier
   * epoch reads as 0, so no pass over every order resets it.
   */
  private long depthEpoch;

  /** A simulated taker changed the book since the last adjustment: every order is rechecked. */
  private boolean takenSinceDepth;

  /** k when the lot size is 10^-k (0.001: 3), else {@link Integer#MIN_VALUE}. */
  private final int lotDecimals;

  /** The amount {@link #lots(BigDecimal)} last converted (a decimal is immutable) and its lots. */
  private @Nullable BigDecimal lotsOf;

  private long lotsAnswer;

  SymbolMatcher(SymbolMarket market, PublicDepth depth, QueueModel queueModel) {
    this.market = market;
    this.depth = depth;
    this.queueModel = queueModel;
    this.lotDecimals = lotDecimals(market.lotSize);
  }

  /**
   * A signed amount in whole lots, the fraction of a lot cut off (toward zero). The last answer is
   * kept for the amount object it was for (a position's amount is asked for several times between
   * two fills: the reduce-only and margin checks of each order).
   */
  long lots(BigDecimal amount) {
    if (amount == lotsOf) {
      return lotsAnswer;
    }
    long lots = lots(amount, market.lotSize, lotDecimals);
    lotsOf = amount;
    lotsAnswer = lots;
    return lots;
  }

  /** k when {@code lot} is 10^-k, else {@link Integer#MIN_VALUE}. */
  static int lotDecimals(BigDecimal lot) {
    BigDecimal stripped = lot.stripTrailingZeros();
    return stripped.unscaledValue().equals(BigInteger.ONE) ? stripped.scale() : Integer.MIN_VALUE;
  }

  /**
   * {@code amount / lot} truncated toward zero; a lot of 10^-k ({@code lotDecimals} k) moves the
   * point instead of dividing (the same number).
   */
  static long lots(BigDecimal amount, BigDecimal lot, int lotDecimals) {
    if (amount.signum() == 0) {
      return 0;
    }
    if (lotDecimals != Integer.MIN_VALUE) {
      return amount.movePointRight(lotDecimals).setScale(0, RoundingMode.DOWN).longValueExact();
    }
    return amount.divideToIntegralValue(lot).longValueExact();
  }

  String symbol() {
    return market.symbol();
  }

  BigDecimal lotSize() {
    return market.lotSize;
  }

  BigDecimal price(long ticks) {
    return market.price(ticks);
  }

  private OrderBook book() {
    return market.book();
  }

  // ---------------------------------------------------------------- market events

  void onMarketEvent(MarketEvent e) {
    switch (e.type()) {
      case DEPTH_SNAPSHOT, DEPTH_UPDATE, BOOK_TICKER -> onBookEvent(e);
      case TRADE -> {
        market.apply(e);
        onTrade(e.tradePriceTicks(), e.tradeQuantity(), e.aggressorSide(), null);
      }
      case BAR -> {
        market.apply(e);
        onBar(e.lowTicks(), e.highTicks());
      }
    }
  }

  private void onBookEvent(MarketEvent e) {
    if ((bids.isEmpty() && asks.isEmpty())
        || (e.type() == MarketEvent.Type.BOOK_TICKER && market.depthSeen())) {
      market.apply(e); // nothing to requeue: no orders, or a ticker that leaves the book as is
      return;
    }
    if (e.type() == MarketEvent.Type.DEPTH_UPDATE && market.depthSynced() && !takenSinceDepth) {
      onSyncedDiff(e);
      return;
    }
    recordLevels(bids);
    recordLevels(asks);
    if (market.apply(e)) {
      adjustQueues(bids);
      adjustQueues(asks);
      takenSinceDepth = false;
      depthEpoch++;
      fillCrossed();
    }
  }

  /**
   * A diff on a synced book changes exactly its own levels (or nothing, on a gap), so only the
   * orders resting at those prices are looked at: the queues elsewhere already fit their unchanged
   * levels. The cost is per level of the diff, not per resting order.
   */
  private void onSyncedDiff(MarketEvent e) {
    visitDiff(e, true);
    if (market.apply(e)) {
      visitDiff(e, false);
      depthEpoch++;
      fillCrossed();
    }
  }

  /**
   * Records the level before ({@code before}) or adjusts the queues of the orders at each level.
   */
  private void visitDiff(MarketEvent e, boolean before) {
    for (int i = 0, n = e.levelCount(Side.BUY); i < n && !bids.isEmpty(); i++) {
      visitLevel(bids, Side.BUY, e.levelPriceTicks(Side.BUY, i), before);
    }
    for (int i = 0, n = e.levelCount(Side.SELL); i < n && !asks.isEmpty(); i++) {
      visitLevel(asks, Side.SELL, e.levelPriceTicks(Side.SELL, i), before);
    }
  }

  private void visitLevel(List<SimOrder> orders, Side side, long priceTicks, boolean before) {
    int at = firstAt(orders, side, priceTicks);
    if (at < 0) {
      return;
    }
    double level = book().quantityAt(side, priceTicks);
    for (int i = at, n = orders.size(); i < n; i++) {
      SimOrder o = orders.get(i);
      if (o.priceTicks != priceTicks) {
        break;
      }
      if (before) {
        o.levelBefore = level;
      } else {
        adjust(o, level);
      }
    }
  }

  /** Index of the first order at {@code priceTicks} in a side's list (best first), else -1. */
  private static int firstAt(List<SimOrder> orders, Side side, long priceTicks) {
    int lo = 0;
    int hi = orders.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      long p = orders.get(mid).priceTicks;
      if (side == Side.BUY ? p > priceTicks : p < priceTicks) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < orders.size() && orders.get(lo).priceTicks == priceTicks ? lo : -1;
  }

  private void recordLevels(List<SimOrder> side) {
    for (int i = 0, n = side.size(); i < n; i++) {
      SimOrder o = side.get(i);
      o.levelBefore = book().quantityAt(o.side, o.priceTicks);
    }
  }

  private void adjustQueues(List<SimOrder> side) {
    for (int i = 0, n = side.size(); i < n; i++) {
      SimOrder o = side.get(i);
      adjust(o, book().quantityAt(o.side, o.priceTicks));
    }
  }

  /**
   * Moves an order's queue after its level went from {@code levelBefore} to {@code after}; a second
   * call for the same change does nothing (a diff may carry a level twice).
   */
  private void adjust(SimOrder o, double after) {
    double decrease = o.levelBefore - after;
    if (queueModel == QueueModel.PROPORTIONAL && decrease > 0 && o.levelBefore > 0) {
      double traded = o.tradedEpoch == depthEpoch ? o.tradedSinceDepth : 0;
      double cancelled = Math.max(0, decrease - traded);
      o.queueAhead -= cancelled * o.queueAhead / o.levelBefore;
    }
    o.queueAhead = Math.max(0, Math.min(o.queueAhead, after));
    o.levelBefore = after;
  }

  /** Fills resting orders that the opposite best has reached, at their own price, as makers. */
  private void fillCrossed() {
    if (!market.bookUsable()) {
      return;
    }
    iterating++;
    try {
      long bestAsk = book().bestAskTicks();
      for (int i = 0; bestAsk != NO_PRICE && i < bids.size(); i++) {
        SimOrder o = bids.get(i);
        if (o.priceTicks < bestAsk) {
          break;
        }
        fillRest(o);
      }
      long bestBid = book().bestBidTicks();
      for (int i = 0; bestBid != NO_PRICE && i < asks.size(); i++) {
        SimOrder o = asks.get(i);
        if (o.priceTicks > bestBid) {
          break;
        }
        fillRest(o);
      }
    } finally {
      done();
    }
  }

  /**
   * A trade of {@code quantity} at {@code priceTicks} whose taker was on {@code aggressor}: resting
   * orders on the other side better than the price fill completely; those at the price consume
   * their queue and fill with the volume beyond it. Orders of {@code taker} (a simulated taker's
   * own account) keep their queue accounting but are not filled (no self-trade).
   */
  void onTrade(long priceTicks, double quantity, Side aggressor, @Nullable SimAccount taker) {
    List<SimOrder> hit = aggressor == Side.SELL ? bids : asks;
    if (hit.isEmpty()) {
      return;
    }
    iterating++;
    try {
      double simAhead = 0;
      for (int i = 0; i < hit.size(); i++) {
        SimOrder o = hit.get(i);
        if (!o.isOpen()) {
          continue;
        }
        long diff = o.side == Side.BUY ? o.priceTicks - priceTicks : priceTicks - o.priceTicks;
        if (diff < 0) {
          break;
        }
        if (diff > 0) {
          if (o.account != taker) {
            fillRest(o);
          }
          continue;
        }
        double ahead = o.queueAhead + simAhead;
        double remaining = o.remainingLots() * market.lot;
        o.queueAhead = Math.max(0, o.queueAhead - quantity);
        if (o.tradedEpoch != depthEpoch) {
          o.tradedSinceDepth = 0; // the last count was before a depth change
          o.tradedEpoch = depthEpoch;
        }
        o.tradedSinceDepth += quantity;
        simAhead += remaining;
        long lots = Math.min(o.remainingLots(), market.lotsOf(quantity - ahead));
        if (lots > 0 && o.account != taker) {
          o.account.execute(o, o.priceTicks, lots, true);
        }
      }
    } finally {
      done();
    }
  }

  /**
   * Bar mode, the open of {@code bar}: the book becomes the open ± 1 tick, and resting orders it
   * crosses fill at their price. Market orders that arrive until the bar's close take this book.
   */
  void onBarOpen(MarketEvent bar) {
    showBar(bar.openTicks(), bar.volume(), bar.openTime());
    if (!bids.isEmpty() || !asks.isEmpty()) {
      fillCrossed();
    }
  }

  /** Bar mode, after the bar was matched: the book becomes the close ± 1 tick. */
  void onBarClose(MarketEvent bar) {
    showBar(bar.closeTicks(), bar.volume(), bar.closeTime());
  }

  /**
   * Bar mode: the book becomes {@code ticks} ± 1 tick, showing the bar's volume each side (1 for a
   * bar without volume).
   */
  void showBar(long ticks, double volume, long time) {
    market.barBook(ticks, volume > 0 ? volume : 1, time);
  }

  /** Whether any order rests on the symbol (bar mode's fast lane needs none). */
  boolean hasOrders() {
    return !bids.isEmpty() || !asks.isEmpty();
  }

  private void onBar(long lowTicks, long highTicks) {
    iterating++;
    try {
      for (int i = 0; i < bids.size() && bids.get(i).priceTicks > lowTicks; i++) {
        fillRest(bids.get(i));
      }
      for (int i = 0; i < asks.size() && asks.get(i).priceTicks < highTicks; i++) {
        fillRest(asks.get(i));
      }
    } finally {
      done();
    }
  }

  private void fillRest(SimOrder o) {
    if (o.isOpen() && o.remainingLots() > 0) {
      o.account.execute(o, o.priceTicks, o.remainingLots(), true);
    }
  }

  // ---------------------------------------------------------------- takers

  /** Whether an order at {@code priceTicks} on {@code side} would take liquidity now. */
  boolean wouldCross(Side side, long priceTicks) {
    long best = market.bestTicks(side.opposite());
    return best != NO_PRICE && (side == Side.BUY ? best <= priceTicks : best >= priceTicks);
  }

  /** Lots available to a taker on {@code side} up to {@code limitTicks} (NO_PRICE: any price). */
  long liquidity(Side side, long limitTicks, long wanted) {
    Side opposite = side.opposite();
    long sum = 0;
    for (int i = 0, n = market.depth(opposite); i < n && sum < wanted; i++) {
      long p = market.levelTicks(opposite, i);
      if (beyond(side, p, limitTicks)) {
        break;
      }
      sum += market.lotsOf(market.levelQuantity(opposite, i));
    }
    return sum;
  }

  /**
   * The notional (price in ticks times lots) a taker of {@code lots} on {@code side} would pay,
   * walking the book; lots beyond the book are priced at the worst level seen, or at {@code
   * fallbackTicks} when the side is empty.
   */
  long takerNotionalTicksLots(Side side, long lots, long fallbackTicks) {
    Side opposite = side.opposite();
    long left = lots;
    long notional = 0;
    long last = fallbackTicks;
    for (int i = 0, n = market.depth(opposite); i < n && left > 0; i++) {
      last = market.levelTicks(opposite, i);
      long take = Math.min(left, market.lotsOf(market.levelQuantity(opposite, i)));
      notional = Math.addExact(notional, Math.multiplyExact(last, take));
      left -= take;
    }
    return Math.addExact(notional, Math.multiplyExact(last, left));
  }

  /**
   * Executes a taker order against the book up to {@code maxLots} and its limit price; each level
   * taken is one fill and is subtracted from the market book. Returns the lots filled. The book is
   * read through the market's taker view: in bar mode a waiting one-level book is matched and taken
   * from without being set.
   */
  long take(SimOrder o, long maxLots) {
    if (!market.bookUsable()) {
      return 0;
    }
    Side opposite = o.side.opposite();
    long limit = o.type == OrderType.LIMIT ? o.priceTicks : NO_PRICE;
    long filled = 0;
    while (filled < maxLots && o.isOpen() && market.depth(opposite) > 0) {
      long p = market.levelTicks(opposite, 0);
      if (beyond(o.side, p, limit)) {
        break;
      }
      long avail = market.lotsOf(market.levelQuantity(opposite, 0));
      long lots = Math.min(avail, maxLots - filled);
      if (lots <= 0) {
        o.account.matched(); // a depth listener may be told: a fill no longer joins the report
        market.clearLevel(opposite, p); // dust below one lot
        takenSinceDepth = true;
        depth.levelChanged(opposite, p);
        continue;
      }
      long done = o.account.execute(o, p, lots, false);
      if (done <= 0) {
        break;
      }
      market.take(opposite, p, done);
      takenSinceDepth = true;
      depth.levelChanged(opposite, p);
      filled += done;
      onTrade(p, done * market.lot, o.side, o.account);
    }
    return filled;
  }

  private static boolean beyond(Side takerSide, long priceTicks, long limitTicks) {
    return limitTicks != NO_PRICE
        && (takerSide == Side.BUY ? priceTicks > limitTicks : priceTicks < limitTicks);
  }

  // ---------------------------------------------------------------- resting orders

  /** Puts an order on the simulated book behind the market quantity at its price. */
  void rest(SimOrder o) {
    o.queueAhead = book().quantityAt(o.side, o.priceTicks);
    o.tradedSinceDepth = 0;
    o.tradedEpoch = depthEpoch;
    o.queueSeq = queueSeq++;
    List<SimOrder> side = o.side == Side.BUY ? bids : asks;
    // behind every order at the same or a better price: binary search in the sorted list
    int lo = 0;
    int hi = side.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      long p = side.get(mid).priceTicks;
      if (o.side == Side.BUY ? p < o.priceTicks : p > o.priceTicks) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    side.add(lo, o);
    o.resting = true;
    show(o);
  }

  /** Takes an order off the simulated book (deferred while a matching loop runs). */
  void remove(SimOrder o) {
    o.resting = false;
    show(o);
    if (iterating > 0) {
      dirty = true;
    } else {
      (o.side == Side.BUY ? bids : asks).remove(o);
    }
  }

  /**
   * Brings the order's share of the published depth up to date: its remaining lots at its price
   * while it rests and is open, else nothing. Called after it rests, fills or leaves the book.
   */
  void show(SimOrder o) {
    long target = o.resting && o.isOpen() ? o.remainingLots() : 0;
    if (target == o.shownLots && (target == 0 || o.shownTicks == o.priceTicks)) {
      return;
    }
    if (o.shownLots > 0) {
      depth.addAccountLots(o.side, o.shownTicks, -o.shownLots);
    }
    o.shownLots = target;
    o.shownTicks = o.priceTicks;
    if (target > 0) {
      depth.addAccountLots(o.side, o.priceTicks, target);
    }
  }

  private void done() {
    if (--iterating == 0 && dirty) {
      dirty = false;
      bids.removeIf(o -> !o.isOpen());
      asks.removeIf(o -> !o.isOpen());
    }
  }

  /** Resting orders of one side, best first (tests and diagnostics). */
  List<SimOrder> resting(Side side) {
    return side == Side.BUY ? bids : asks;
  }
}
