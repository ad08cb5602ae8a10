package dev.tradekit.scanner;

import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life rules of large orders, fed with books and trades; owned by the scheduler thread.
 *
 * <p>On each book of a symbol: every live order of that symbol is sighted ({@link
 * TrackedOrder#sight}); an order that is gone or shrank dies and is forgotten, so if its price
 * fills up again later that is a new order with a new id. A candidate that has lived longer than
 * the promotion age when sighted becomes hot. Then the book's large levels that match no live order
 * (same side and price) become new candidates, except at prices where an order died in this same
 * book. When the last live order of a symbol dies, the symbol is released back to the general pool.
 */
final class OrderTracker {

  /** What happened to orders; called synchronously from {@link #observe} and {@link #restore}. */
  interface Events {
    void detected(TrackedOrder o);

    void promoted(TrackedOrder o);

    /** A hot order was sighted alive. */
    void sighted(TrackedOrder o);

    void died(TrackedOrder o, boolean wasHot);

    /** The last live order of {@code symbol} died. */
    void released(String symbol);
  }

  private final LargeOrderDetector detector;
  private final VolatilityTracker volatility;
  private final double maxSizeLoss;
  private final long promotionAgeMillis;
  private final Events events;
  private final Map<String, List<TrackedOrder>> live = new LinkedHashMap<>();
  private final Set<String> tradesFollowed = new HashSet<>();
  private final LargeOrderDetector.Walls walls = new LargeOrderDetector.Walls();

  OrderTracker(
      LargeOrderDetector detector,
      VolatilityTracker volatility,
      double maxSizeLoss,
      long promotionAgeMillis,
      Events events) {
    this.detector = detector;
    this.volatility = volatility;
    this.maxSizeLoss = maxSizeLoss;
    this.promotionAgeMillis = promotionAgeMillis;
    this.events = events;
  }

  /**
   * Applies one book of {@code symbol} seen at {@code now}.
   *
   * @param complete whether the book shows every level (a local book from a diff stream)
   * @param minUsd the symbol's USD floor for new walls
   * @return the large levels of the book (new and already tracked); reused by the next call
   */
  LargeOrderDetector.Walls observe(
      String symbol,
      OrderBookView book,
      TickScale scale,
      boolean complete,
      double minUsd,
      long now) {
    double mid = 0;
    if (!book.isEmpty(Side.BUY) && !book.isEmpty(Side.SELL)) {
      mid = (scale.toDouble(book.bestBidTicks()) + scale.toDouble(book.bestAskTicks())) / 2.0;
      volatility.onMid(symbol, now, mid);
    }
    double bidMean = detector.referenceMean(book, Side.BUY);
    double askMean = detector.referenceMean(book, Side.SELL);
    List<TrackedOrder> orders = live.get(symbol);
    List<TrackedOrder> dead = List.of();
    if (orders != null) {
      for (Iterator<TrackedOrder> it = orders.iterator(); it.hasNext(); ) {
        TrackedOrder o = it.next();
        switch (o.sight(book, complete, maxSizeLoss)) {
          case ALIVE -> {
            double mean = o.side == Side.BUY ? bidMean : askMean;
            o.seen(book.quantityAt(o.side, o.priceTicks), now, mean, mid);
            if (o.stage == LargeOrder.Stage.CANDIDATE && now - o.firstSeen > promotionAgeMillis) {
              o.stage = LargeOrder.Stage.HOT;
              events.promoted(o);
            } else if (o.stage == LargeOrder.Stage.HOT) {
              events.sighted(o);
            }
          }
          case OUT_OF_VIEW -> {}
          case GONE, SHRUNK -> {
            it.remove();
            if (dead.isEmpty()) {
              dead = new ArrayList<>(2);
            }
            dead.add(o);
            boolean wasHot = o.stage == LargeOrder.Stage.HOT;
            o.mid = mid;
            o.die(tradesFollowed.contains(symbol));
            events.died(o, wasHot);
          }
        }
      }
    }
    walls.clear();
    detector.detect(book, scale, minUsd, walls);
    for (int i = 0; i < walls.size(); i++) {
      Side side = walls.side(i);
      long ticks = walls.priceTicks(i);
      if (find(orders, side, ticks) == null && find(dead, side, ticks) == null) {
        if (orders == null) {
          orders = new ArrayList<>(4);
          live.put(symbol, orders);
        }
        double q = walls.quantity(i);
        TrackedOrder o = new TrackedOrder(symbol, side, ticks, scale.toPrice(ticks), q, now);
        o.seen(q, now, walls.referenceMean(i), mid);
        orders.add(o);
        events.detected(o);
      }
    }
    if (orders != null && orders.isEmpty()) {
      live.remove(symbol);
      events.released(symbol);
    }
    return walls;
  }

  /**
   * Counts a trade of {@code quantity} at {@code priceTicks} against live orders at that price, for
   * the filled-or-pulled verdict when they vanish.
   */
  void onTrade(String symbol, long priceTicks, double quantity) {
    List<TrackedOrder> orders = live.get(symbol);
    if (orders != null) {
      for (TrackedOrder o : orders) {
        if (o.priceTicks == priceTicks) {
          o.tradedSinceSeen += quantity;
        }
      }
    }
  }

  /** Whether trades of {@code symbol} are being fed to {@link #onTrade}. */
  void followTrades(String symbol, boolean followed) {
    if (followed) {
      tradesFollowed.add(symbol);
    } else {
      tradesFollowed.remove(symbol);
    }
  }

  /** Adds a restored order unless one with the same side and price is already live. */
  boolean restore(TrackedOrder o) {
    List<TrackedOrder> orders = live.computeIfAbsent(o.symbol, s -> new ArrayList<>(4));
    if (find(orders, o.side, o.priceTicks) != null) {
      return false;
    }
    orders.add(o);
    return true;
  }

  /** The live orders of {@code symbol} (empty when none); do not modify. */
  List<TrackedOrder> orders(String symbol) {
    return live.getOrDefault(symbol, List.of());
  }

  /** The symbols with live orders. */
  Set<String> symbols() {
    return live.keySet();
  }

  /** Every live order. */
  List<TrackedOrder> all() {
    List<TrackedOrder> out = new ArrayList<>();
    for (Collection<TrackedOrder> c : live.values()) {
      out.addAll(c);
    }
    return out;
  }

  /** How many live orders of {@code symbol} are in {@code stage}. */
  int count(String symbol, LargeOrder.Stage stage) {
    int n = 0;
    for (TrackedOrder o : orders(symbol)) {
      if (o.stage == stage) {
        n++;
      }
    }
    return n;
  }

  private static @org.jspecify.annotations.Nullable TrackedOrder find(
      @org.jspecify.annotations.Nullable List<TrackedOrder> orders, Side side, long ticks) {
    if (orders != null) {
      for (TrackedOrder o : orders) {
        if (o.side == side && o.priceTicks == ticks) {
          return o;
        }
      }
    }
    return null;
  }
}
