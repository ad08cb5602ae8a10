package dev.tradekit.backtest.sim;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.DepthSynchronizer;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The recorded truth of one symbol at the matcher's time: the L2 book kept with a {@link
 * DepthSynchronizer}, the last book ticker and the last trade. Taker fills subtract what they take
 * from this book; the next depth update of that level restores the recorded quantity. When the data
 * has no depth at all, book tickers stand in for a one-level book.
 */
final class SymbolMarket {
  private static final BigDecimal HALF = new BigDecimal("0.5");
  static final long NO_PRICE = OrderBookView.NO_PRICE;

  final Instrument instrument;
  final TickScale scale;
  final BigDecimal lotSize;
  final double lot;
  private final OrderBook book;

  /**
   * Bar mode's one-level book waits here until read ({@link #book()}): the price it is set around,
   * its quantity and time. Most bars' books are replaced by the next bar's before anyone reads
   * them.
   */
  private boolean barPending;

  private long pendingTicks;
  private double pendingQty;
  private long pendingTime;

  /**
   * What is left of the waiting bar book's level on each side after takers took from it without
   * setting it ({@link #take}): the bar's quantity until then, 0 once the level is gone.
   */
  private double pendingBidQty;

  private double pendingAskQty;

  /** Bar mode's one-level book, one entry a side (reused arrays). */
  private final long[] barBid = new long[1];

  private final long[] barAsk = new long[1];
  private final double[] barBidQty = new double[1];
  private final double[] barAskQty = new double[1];
  private final DepthSynchronizer sync;
  private boolean depthSeen;

  /**
   * Counts the depth events that were not a diff chained onto a synced book (snapshots, gaps,
   * dropped or buffered diffs): while it stays the same, every published depth event is one a
   * consumer synced to the same chain applies as it comes (see {@link VisibleFeed}).
   */
  private long syncEpoch;

  private long tickerBid = NO_PRICE;

  /** The last mid {@link #mark} built and the ticks (bid + ask) it was built from. */
  private @Nullable BigDecimal midMark;

  private long midMarkTicks = NO_PRICE;
  private long tickerAsk = NO_PRICE;
  private long lastTradeTicks = NO_PRICE;

  SymbolMarket(Instrument instrument) {
    this.instrument = instrument;
    this.scale = TickScale.of(instrument.tickSize());
    BigDecimal step = instrument.stepSize();
    BigDecimal marketStep = instrument.marketStepSize();
    this.lotSize = marketStep.signum() > 0 && marketStep.compareTo(step) < 0 ? marketStep : step;
    this.lot = lotSize.doubleValue();
    this.book = new OrderBook(instrument.symbol(), 256);
    this.sync = new DepthSynchronizer(book);
  }

  String symbol() {
    return instrument.symbol();
  }

  /**
   * The matcher's book (with bar mode's one-level book set first if one is waiting). Takers
   * subtract what they take from it.
   */
  OrderBook book() {
    if (barPending) {
      setBarBook();
    }
    return book;
  }

  /** Applies one event of this symbol; true when the book changed. */
  boolean apply(MarketEvent e) {
    switch (e.type()) {
      case DEPTH_SNAPSHOT, DEPTH_UPDATE -> {
        book(); // a waiting bar book is the state the first depth event starts from
        depthSeen = true;
        boolean wasSynced = sync.isSynced();
        boolean changed = sync.onEvent(e);
        if (!changed
            || !wasSynced
            || e.type() == MarketEvent.Type.DEPTH_SNAPSHOT
            || !sync.isSynced()) {
          syncEpoch++;
        }
        return changed;
      }
      case BOOK_TICKER -> {
        tickerBid = e.bestBidTicks();
        tickerAsk = e.bestAskTicks();
        if (!depthSeen) {
          barPending = false; // replaced as a whole
          book.clear();
          book.setLevel(Side.BUY, tickerBid, e.bestBidQuantity());
          book.setLevel(Side.SELL, tickerAsk, e.bestAskQuantity());
          book.setLastUpdateId(e.lastUpdateId());
          book.setTimestamp(e.eventTime());
          return true;
        }
        return false;
      }
      case TRADE -> {
        lastTradeTicks = e.tradePriceTicks();
        return false;
      }
      case BAR -> {
        lastTradeTicks = e.closeTicks();
        return false;
      }
    }
    return false;
  }

  /**
   * Bar mode: shows a bar price as the one-level book a bar replay has, {@code ticks ± 1} tick with
   * {@code quantity} on each side. The book itself is set when next read ({@link #book()}), as a
   * one-entry snapshot a side (no object); the ticker and last price are set now. Ignored once
   * depth data has been seen (the recorded book is the truth then).
   */
  void barBook(long ticks, double quantity, long time) {
    if (depthSeen) {
      return;
    }
    tickerBid = ticks - 1;
    tickerAsk = ticks + 1;
    lastTradeTicks = ticks;
    barPending = true;
    pendingTicks = ticks;
    pendingQty = quantity;
    pendingBidQty = quantity;
    pendingAskQty = quantity;
    pendingTime = time;
  }

  private void setBarBook() {
    barPending = false;
    barBid[0] = pendingTicks - 1;
    barAsk[0] = pendingTicks + 1;
    barBidQty[0] = pendingBidQty;
    barAskQty[0] = pendingAskQty;
    // one level a side, set as a snapshot of one entry each: no search, no shifting of levels (a
    // side a taker emptied meanwhile has quantity 0, which the snapshot skips)
    book.applySnapshot(
        book.lastUpdateId(), pendingTime, barBid, barBidQty, 1, barAsk, barAskQty, 1);
  }

  /**
   * Whether the waiting bar book can be read without setting it: its one level a side is {@code
   * pendingTicks -/+ 1} (both positive) with a finite quantity, as {@link #setBarBook} would set
   * it.
   */
  private boolean barReadable() {
    return barPending && pendingTicks > 1 && Double.isFinite(pendingQty);
  }

  // ------------------------------------------------------- the taker's view of the book

  /**
   * Levels on {@code side} of the matcher's book. This and the other taker reads below see a
   * waiting bar book as it would be set, without setting it: a market order in bar mode matches
   * against the bar's price with no book built per order.
   */
  int depth(Side side) {
    if (barReadable()) {
      return (side == Side.BUY ? pendingBidQty : pendingAskQty) > 0 ? 1 : 0;
    }
    return book().depth(side);
  }

  /** The price in ticks of level {@code i} (best first, below {@link #depth}) on {@code side}. */
  long levelTicks(Side side, int i) {
    if (barReadable()) {
      return side == Side.BUY ? pendingTicks - 1 : pendingTicks + 1;
    }
    return book().priceTicks(side, i);
  }

  /** The quantity of level {@code i} (best first, below {@link #depth}) on {@code side}. */
  double levelQuantity(Side side, int i) {
    if (barReadable()) {
      return side == Side.BUY ? pendingBidQty : pendingAskQty;
    }
    return book().quantity(side, i);
  }

  /** The best price in ticks on {@code side}, or {@link #NO_PRICE} when the side is empty. */
  long bestTicks(Side side) {
    if (barReadable()) {
      return depth(side) > 0 ? levelTicks(side, 0) : NO_PRICE;
    }
    return side == Side.BUY ? book().bestBidTicks() : book().bestAskTicks();
  }

  /** Removes the level at {@code priceTicks} on {@code side} (dust below one lot). */
  void clearLevel(Side side, long priceTicks) {
    if (barReadable() && priceTicks == levelTicks(side, 0)) {
      setPendingQuantity(side, 0);
      return;
    }
    book().setLevel(side, priceTicks, 0);
  }

  private void setPendingQuantity(Side side, double quantity) {
    if (side == Side.BUY) {
      pendingBidQty = quantity;
    } else {
      pendingAskQty = quantity;
    }
  }

  /** Whether bar mode's one-level book waits to be set (see {@link #barBook}). */
  boolean barBookPending() {
    return barPending;
  }

  /** Whether a depth snapshot or diff has been seen (else the book, if any, is from tickers). */
  boolean depthSeen() {
    return depthSeen;
  }

  /** See {@link #syncEpoch}: changes whenever a depth event is not a chained, applied diff. */
  long syncEpoch() {
    return syncEpoch;
  }

  /** Whether the book follows the recorded diff chain (a diff applied since the last snapshot). */
  boolean depthSynced() {
    return depthSeen && sync.isSynced();
  }

  /**
   * Whether the book may be matched against: loaded from a snapshot and no gap since (or built from
   * tickers).
   */
  boolean bookUsable() {
    return !depthSeen || sync.state() != DepthSynchronizer.State.WAITING_SNAPSHOT;
  }

  /** Whole lots in a book quantity, tolerant of binary rounding. */
  long lotsOf(double quantity) {
    return quantity <= 0 ? 0 : (long) Math.floor(quantity / lot + 1e-6);
  }

  /**
   * Removes {@code lots} from a book level (the level goes when less than a millionth of a lot
   * remains).
   */
  void take(Side side, long priceTicks, long lots) {
    if (barReadable() && depth(side) > 0 && priceTicks == levelTicks(side, 0)) {
      // the waiting bar book stays waiting: its side keeps what is left, set when it is read
      double left = levelQuantity(side, 0) - lots * lot;
      setPendingQuantity(side, left < lot * 1e-6 ? 0 : left);
      return;
    }
    double left = book().quantityAt(side, priceTicks) - lots * lot;
    book.setLevel(side, priceTicks, left < lot * 1e-6 ? 0 : left);
  }

  /**
   * The mark price: the mid of the book, else of the last book ticker, else the last trade; null
   * before any price is known.
   */
  @Nullable BigDecimal mark() {
    long bid;
    long ask;
    if (barReadable()) {
      // a waiting bar book's best prices, read without setting the book (its one level a side is
      // ticks - 1 and ticks + 1 with a positive quantity): equity samples and order checks that
      // only need the mark leave it waiting
      bid = pendingTicks - 1;
      ask = pendingTicks + 1;
    } else {
      OrderBook b = book();
      bid = b.bestBidTicks();
      ask = b.bestAskTicks();
    }
    if (bid == NO_PRICE || ask == NO_PRICE) {
      bid = tickerBid;
      ask = tickerAsk;
    }
    if (bid != NO_PRICE && ask != NO_PRICE && bid > 0 && ask > 0) {
      long sum = bid + ask;
      BigDecimal mid = midMark;
      if (mid == null || sum != midMarkTicks) {
        // the same quotes give the same mark: built again only when the mid moved; a mid on the
        // grid (a bar book's, always) is that price itself, plain as toPrice makes it
        mid =
            (sum & 1) == 0
                ? scale.toPrice(sum >> 1)
                : Amounts.plain(scale.toPrice(sum).multiply(HALF));
        midMark = mid;
        midMarkTicks = sum;
      }
      return mid;
    }
    return lastTradeTicks == NO_PRICE ? null : scale.toPrice(lastTradeTicks);
  }

  /** The price of {@code ticks}: plain (no trailing zeros, a scale of at least zero). */
  BigDecimal price(long ticks) {
    return scale.toPrice(ticks);
  }

  BigDecimal quantity(long lots) {
    return lotSize.multiply(BigDecimal.valueOf(lots));
  }
}
