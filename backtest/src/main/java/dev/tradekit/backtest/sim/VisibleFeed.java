package dev.tradekit.backtest.sim;

import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.BarColumns;
import dev.tradekit.backtest.data.DepthSynchronizer;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What the accounts see of one symbol: the market as it was one market-data latency ago.
 *
 * <p>Each event the matcher has used is copied into a FIFO ring of preallocated {@link
 * MarketEvent}s (the venue's merged depth diffs are built in their slot, see {@link #claim}, so
 * they are not copied twice) with its release time ({@code now + latency}, never earlier than the
 * previous release so the order holds); {@link #release(long)} makes every event whose time has
 * come visible: tickers, trades and bars at once, and depth diffs to the visible book. With zero
 * latency events are applied at once without copying.
 *
 * <p><b>Bars as numbers.</b> A bar of bar mode's fast lane ({@link #offerBar}) takes its slot of
 * the same ring, but as eight numbers in a primitive row of that slot rather than in its {@link
 * MarketEvent}: no event is filled per bar, and the bar keeps its place in the FIFO among the other
 * events. At its release it goes to the kline feeds as numbers ({@link KlineFeed#onBar}). A bar
 * that finds nothing waiting waits in fields of its own ahead of the ring, with no slot; when the
 * replay knows that nothing can come before its release (a bar strategy's steady state: each bar is
 * released at the next one's open), it does not wait at all ({@link #soleRelease}, {@link
 * #deliverBar}). Subscriptions and the hand-over to listeners are {@link VisibleListeners}.
 *
 * <p>The earliest release over all feeds of a venue is kept in one shared {@link Releases}: a feed
 * lowers it when an event enters its empty queue, and the venue recomputes it after releasing, so
 * the replay's question "is anything due before this time?" is one comparison.
 *
 * <p><b>The visible book is built lazily.</b> While no account listens to the book, released depth
 * diffs stay in the ring, unapplied, and {@link #book()} (an account reading the book, the ticker
 * or the mark) applies them first. So that a feed nobody reads does not apply every diff to a
 * second book, every {@value #CHECKPOINT_EVERY} events a <em>checkpoint</em> copies the venue's
 * published book (two array copies per side) as it is right after the newest queued event; once
 * that event is released, the visible book becomes the checkpoint and the diffs before it are
 * dropped unapplied. A checkpoint is used only when every depth event since the visible book's
 * state chains onto a synced book (no snapshot, gap or dropped diff: {@link
 * SymbolMarket#syncEpoch}) and nothing waits to be published ({@link PublicDepth#settled}), so the
 * book is the same as applying the diffs one by one; otherwise, and beyond {@value #MAX_LAG}
 * unapplied events, the diffs are applied. The ring starts at 64 slots and doubles when full, so it
 * stays as small as the latency and the checkpoint interval need, and each slot's level arrays stop
 * growing once warm (the only allocations).
 */
final class VisibleFeed {
  private static final int INITIAL_RING = 64;

  /** Numbers per bar row: open time, close time, open, high, low, close, volume, quote volume. */
  private static final int BAR_FIELDS = 8;

  /** Events between two checkpoints of the published book. */
  static final int CHECKPOINT_EVERY = 256;

  /** Released events left unapplied at most before they are applied (no usable checkpoint). */
  static final int MAX_LAG = 1024;

  private final SymbolMarket market;
  private final OrderBook book;
  private final DepthSynchronizer sync;
  private final OrderBook checkpoint;
  final MinuteBars bars;
  private final VisibleListeners listeners;
  final ListenerSet<OrderBookListener> bookListeners;
  final ListenerSet<TradeListener> tradeListeners;
  final ListenerSet<BookTickerListener> tickerListeners;
  final ListenerSet<KlineFeed> klineListeners;
  private @Nullable PublicDepth published;
  private final Releases releases;

  private MarketEvent[] ring = new MarketEvent[INITIAL_RING];
  private long[] releaseAt = new long[INITIAL_RING];

  /** Whether a slot holds a bar row ({@link #barRows}) instead of its event. */
  private boolean[] isBar = new boolean[INITIAL_RING];

  /** The bar rows, {@value #BAR_FIELDS} numbers per slot (volumes as raw double bits). */
  private long[] barRows = new long[INITIAL_RING * BAR_FIELDS];

  private int mask = INITIAL_RING - 1;

  /**
   * Whether a bar waits in the {@code held*} fields: a bar of {@link #offerBar} that found the ring
   * empty waits there rather than in a slot. It is older than anything in the ring, so it is
   * released first.
   */
  private boolean held;

  private long heldRelease;
  private long heldOpenTime;
  private long heldCloseTime;
  private long heldOpen;
  private long heldHigh;
  private long heldLow;
  private long heldClose;
  private double heldVolume;
  private double heldQuoteVolume;

  /** Sequence numbers: next event to apply to the book, to release, to queue. */
  private long applied;

  private long released;
  private long tail;
  private long lastRelease = Long.MIN_VALUE;
  private boolean stale;

  /** The last event the checkpoint covers, or -1 when there is none. */
  private long checkpointSeq = -1;

  private long lastEpoch = Long.MIN_VALUE;
  private long lastEpochChange = -1;
  private long lastDepthSeq = -1;
  private long lastDepthTime;
  private long checkpointsUsed;

  private long tickerUpdateId;
  private long tickerBid = SymbolMarket.NO_PRICE;
  private double tickerBidQty;
  private long tickerAsk = SymbolMarket.NO_PRICE;
  private double tickerAskQty;
  private long tickerTime;
  private long lastTradeTicks = SymbolMarket.NO_PRICE;

  /** A feed that keeps its own earliest release (tests, a lone feed). */
  VisibleFeed(SymbolMarket market) {
    this(market, new Releases());
  }

  /** A feed of a venue whose feeds share {@code releases}. */
  VisibleFeed(SymbolMarket market, Releases releases) {
    this.market = market;
    this.releases = releases;
    this.listeners = new VisibleListeners(market.symbol(), market.scale::toPrice);
    this.bookListeners = listeners.books;
    this.tradeListeners = listeners.trades;
    this.tickerListeners = listeners.tickers;
    this.klineListeners = listeners.klines;
    this.book = new OrderBook(market.symbol(), 256);
    this.checkpoint = new OrderBook(market.symbol(), 256);
    this.sync = new DepthSynchronizer(book);
    this.bars = new MinuteBars(market);
    for (int i = 0; i < ring.length; i++) {
      ring[i] = new MarketEvent();
    }
  }

  /** The venue's published book, which checkpoints copy; without it every diff is applied. */
  void published(PublicDepth depth) {
    this.published = depth;
  }

  /**
   * The ring slot the next {@link #offer} fills: an event built here (the venue's merged depth) is
   * queued without a copy. Valid until the next offer.
   */
  MarketEvent claim() {
    if (tail - applied == ring.length) {
      grow();
    }
    return ring[(int) (tail & mask)];
  }

  /**
   * Queues an event seen by the matcher at {@code now}, visible after {@code latency} ms: copied
   * into the ring, unless it is the slot {@link #claim} handed out.
   */
  void offer(MarketEvent e, long now, long latency) {
    noteOffered(e);
    if (latency == 0 && tail == applied && !held) {
      lastRelease = Math.max(lastRelease, now);
      apply(e);
      return;
    }
    if (tail - applied == ring.length) {
      grow();
    }
    int slot = (int) (tail & mask);
    if (ring[slot] != e) { // else built in its slot by claim(): nothing to copy
      ring[slot].copyTypedFrom(e); // a trade, ticker or bar slot takes its own numbers only
    }
    isBar[slot] = false;
    enqueued(slot, now, latency);
  }

  /**
   * Queues row {@code row} of {@code bars}, a closed bar the matcher saw at {@code now}, visible
   * after {@code latency} ms: as numbers, in order with every other queued event; with zero latency
   * and nothing queued it goes to the kline feeds at once. When nothing waits (the usual case of a
   * bar strategy: the previous bar was released at this bar's open) it waits in fields of its own,
   * with no ring slot.
   */
  void offerBar(BarColumns bars, int row, long now, long latency) {
    noteEpoch();
    if (latency != 0 && released == tail && !held) {
      hold(bars, row, now, latency);
      return;
    }
    if (latency == 0 && tail == applied && !held) {
      handOver(bars, row, Math.max(lastRelease, now));
      return;
    }
    if (tail - applied == ring.length) {
      grow();
    }
    int slot = (int) (tail & mask);
    isBar[slot] = true;
    long[] r = barRows;
    int at = slot * BAR_FIELDS;
    r[at] = bars.openTime(row);
    r[at + 1] = bars.closeTime(row);
    r[at + 2] = bars.openTicks(row);
    r[at + 3] = bars.highTicks(row);
    r[at + 4] = bars.lowTicks(row);
    r[at + 5] = bars.closeTicks(row);
    r[at + 6] = Double.doubleToRawLongBits(bars.volume(row));
    r[at + 7] = Double.doubleToRawLongBits(bars.quoteVolume(row));
    enqueued(slot, now, latency);
  }

  /**
   * The time a bar offered now with {@code latency} would become visible if it were the only thing
   * waiting here ({@link #offerBar} would hold it), or {@link Long#MIN_VALUE} when something waits
   * already (it would queue behind it). See {@link #deliverBar}.
   */
  long soleRelease(long now, long latency) {
    return released == tail && !held ? Math.max(lastRelease, now + latency) : Long.MIN_VALUE;
  }

  /**
   * {@link #offerBar} and its {@link #release} in one step, for a bar of {@link #soleRelease}
   * {@code release} when the clock is at that time and nothing else became due on the way: the bar
   * goes to the kline feeds now, as it would have at its release, without waiting in the feed.
   */
  void deliverBar(BarColumns bars, int row, long release) {
    noteEpoch();
    handOver(bars, row, release);
  }

  /** A bar row visible at {@code release} (the current time) to the kline feeds, as numbers. */
  private void handOver(BarColumns bars, int row, long release) {
    lastRelease = release;
    toKlines(
        bars.openTime(row),
        bars.closeTime(row),
        bars.openTicks(row),
        bars.highTicks(row),
        bars.lowTicks(row),
        bars.closeTicks(row),
        bars.volume(row),
        bars.quoteVolume(row));
  }

  /** A visible closed bar to the kline feeds, then its close as the last visible price. */
  private void toKlines(
      long openTime,
      long closeTime,
      long open,
      long high,
      long low,
      long close,
      double volume,
      double quoteVolume) {
    listeners.klineBar(openTime, closeTime, open, high, low, close, volume, quoteVolume);
    lastTradeTicks = close; // after the klines, as apply() does for a BAR event
  }

  /** {@link #offerBar} with nothing waiting: the bar waits in the {@code held*} fields. */
  private void hold(BarColumns bars, int row, long now, long latency) {
    long release = Math.max(lastRelease, now + latency);
    lastRelease = release;
    heldRelease = release;
    heldOpenTime = bars.openTime(row);
    heldCloseTime = bars.closeTime(row);
    heldOpen = bars.openTicks(row);
    heldHigh = bars.highTicks(row);
    heldLow = bars.lowTicks(row);
    heldClose = bars.closeTicks(row);
    heldVolume = bars.volume(row);
    heldQuoteVolume = bars.quoteVolume(row);
    held = true;
    if (release < releases.next) {
      releases.next = release; // nothing else waits here: this bar is the feed's head
    }
  }

  /** Stamps the slot just filled with its release time and moves the tail past it. */
  private void enqueued(int slot, long now, long latency) {
    lastRelease = Math.max(lastRelease, now + latency);
    releaseAt[slot] = lastRelease;
    if (released == tail && lastRelease < releases.next) {
      releases.next = lastRelease; // the queue was empty: this event is its head
    }
    tail++;
    maybeCheckpoint();
    if (latency == 0 && released == tail - 1) {
      release(now);
    }
  }

  /** Tracks the matcher's sync epoch and the ids a checkpoint of the published book carries. */
  private void noteOffered(MarketEvent e) {
    noteEpoch();
    if (isDepth(e)) {
      lastDepthSeq = tail;
      lastDepthTime = e.eventTime();
    }
  }

  private void noteEpoch() {
    long epoch = market.syncEpoch();
    if (epoch != lastEpoch) {
      lastEpoch = epoch;
      lastEpochChange = tail;
    }
  }

  /**
   * Copies the published book after the newest queued event when enough events wait unapplied and
   * it is the whole truth (settled, synced) and nobody reads the book event by event.
   */
  private void maybeCheckpoint() {
    PublicDepth depth = published;
    if (depth == null
        || checkpointSeq >= applied
        || tail - applied < CHECKPOINT_EVERY
        || lastDepthSeq <= lastEpochChange
        || !bookListeners.isEmpty()
        || !depth.settled()) {
      return;
    }
    // the newest depth event chained onto the synced book: it carries the market book's update id
    // (copied with the levels) and is the last one the visible book would have applied
    depth.copyInto(checkpoint);
    checkpoint.setTimestamp(lastDepthTime);
    checkpointSeq = tail - 1;
  }

  /** Release time of the oldest queued event, or {@link Long#MAX_VALUE} when none waits. */
  long nextRelease() {
    if (held) {
      return heldRelease;
    }
    return released == tail ? Long.MAX_VALUE : releaseAt[(int) (released & mask)];
  }

  /** Makes every queued event due at or before {@code now} visible. */
  void release(long now) {
    if (held) {
      if (heldRelease > now) {
        return; // the ring's events are younger: none is due either
      }
      held = false;
      toKlines(
          heldOpenTime,
          heldCloseTime,
          heldOpen,
          heldHigh,
          heldLow,
          heldClose,
          heldVolume,
          heldQuoteVolume);
    }
    while (released < tail && releaseAt[(int) (released & mask)] <= now) {
      int slot = (int) (released & mask);
      if (isBar[slot]) {
        released++;
        if (applied == released - 1) {
          applied = released;
        }
        applyBar(slot);
        continue;
      }
      MarketEvent e = ring[slot];
      if (!isDepth(e)) {
        released++;
        if (applied == released - 1) {
          applied = released;
        }
        apply(e);
      } else if (bookListeners.isEmpty()) {
        released++; // applied when the book is read, or skipped by a checkpoint
        listeners.klines(e);
      } else {
        bringUpToDate();
        released++;
        applied = released;
        apply(e);
      }
    }
    if (applied < released) {
      jumpToCheckpoint();
      if (released - applied > MAX_LAG) {
        bringUpToDate();
      }
    }
  }

  /** The visible book, with every released depth event applied. */
  OrderBook book() {
    bringUpToDate();
    return book;
  }

  /** Checkpoints the visible book has jumped to instead of applying diffs (tests, diagnostics). */
  long checkpointsUsed() {
    return checkpointsUsed;
  }

  /** Applies the released depth events not yet in the book, in order. */
  private void bringUpToDate() {
    jumpToCheckpoint();
    for (; applied < released; applied++) {
      int slot = (int) (applied & mask);
      MarketEvent e = ring[slot];
      if (!isBar[slot] && isDepth(e)) {
        applyDepth(e);
      }
    }
  }

  /**
   * Makes the book the checkpoint when every event it covers is released and every depth event
   * since the book's state chained onto the same synced book the checkpoint was copied from.
   */
  private void jumpToCheckpoint() {
    if (checkpointSeq >= applied
        && checkpointSeq < released
        && lastEpochChange < applied
        && sync.isSynced()) {
      book.copyFrom(checkpoint);
      applied = checkpointSeq + 1;
      checkpointSeq = -1;
      checkpointsUsed++;
    }
  }

  private static boolean isDepth(MarketEvent e) {
    return e.type() == MarketEvent.Type.DEPTH_UPDATE || e.type() == MarketEvent.Type.DEPTH_SNAPSHOT;
  }

  private void grow() {
    int n = ring.length;
    MarketEvent[] r = new MarketEvent[n * 2];
    long[] t = new long[n * 2];
    boolean[] kinds = new boolean[n * 2];
    long[] rows = new long[n * 2 * BAR_FIELDS];
    int m = n * 2 - 1;
    for (long s = applied; s < tail; s++) {
      int from = (int) (s & mask);
      int to = (int) (s & m);
      r[to] = ring[from];
      t[to] = releaseAt[from];
      kinds[to] = isBar[from];
      System.arraycopy(barRows, from * BAR_FIELDS, rows, to * BAR_FIELDS, BAR_FIELDS);
    }
    for (int i = 0; i < r.length; i++) {
      if (r[i] == null) {
        r[i] = new MarketEvent();
      }
    }
    ring = r;
    releaseAt = t;
    isBar = kinds;
    barRows = rows;
    mask = m;
  }

  /** A kline subscription's aggregator; called on the venue's thread. */
  KlineFeed klineFeed(KlineInterval interval, KlineListener listener) {
    return new KlineFeed(market, interval, listener);
  }

  /** A released bar row: the last visible price, and the bar to the kline feeds as numbers. */
  private void applyBar(int slot) {
    long[] r = barRows;
    int at = slot * BAR_FIELDS;
    toKlines(
        r[at],
        r[at + 1],
        r[at + 2],
        r[at + 3],
        r[at + 4],
        r[at + 5],
        Double.longBitsToDouble(r[at + 6]),
        Double.longBitsToDouble(r[at + 7]));
  }

  private void applyDepth(MarketEvent e) {
    boolean changed = sync.onEvent(e);
    boolean usable = sync.state() != DepthSynchronizer.State.WAITING_SNAPSHOT;
    if (changed && usable) {
      stale = false;
      listeners.publishBook(book);
    } else if (!usable && !stale && book.lastUpdateId() > 0) {
      stale = true;
      listeners.publishStale();
    }
  }

  private void apply(MarketEvent e) {
    listeners.klines(e);
    switch (e.type()) {
      case DEPTH_SNAPSHOT, DEPTH_UPDATE -> applyDepth(e);
      case BOOK_TICKER -> {
        tickerUpdateId = e.lastUpdateId();
        tickerBid = e.bestBidTicks();
        tickerBidQty = e.bestBidQuantity();
        tickerAsk = e.bestAskTicks();
        tickerAskQty = e.bestAskQuantity();
        tickerTime = e.eventTime();
        if (!tickerListeners.isEmpty()) {
          listeners.publishTicker(lastTicker());
        }
      }
      case TRADE -> {
        lastTradeTicks = e.tradePriceTicks();
        bars.onTrade(e.eventTime(), e.tradePriceTicks(), e.tradeQuantity(), e.buyerMaker());
        if (!tradeListeners.isEmpty()) {
          listeners.publishTrade(e);
        }
      }
      case BAR -> lastTradeTicks = e.closeTicks();
    }
  }

  /**
   * The visible best bid and ask: the last book ticker when it is at least as new as the visible
   * book, else the book's top; null when nothing is known yet.
   */
  @Nullable BookTicker ticker() {
    OrderBook book = book();
    boolean fromBook =
        !book.isEmpty(Side.BUY)
            && !book.isEmpty(Side.SELL)
            && (tickerBid == SymbolMarket.NO_PRICE || book.lastUpdateId() > tickerUpdateId);
    if (fromBook) {
      return new BookTicker(
          market.symbol(),
          Math.max(0, book.lastUpdateId()),
          market.price(book.bestBidTicks()),
          BigDecimal.valueOf(book.bestBidQuantity()),
          market.price(book.bestAskTicks()),
          BigDecimal.valueOf(book.bestAskQuantity()),
          Math.max(0, book.timestamp()));
    }
    if (tickerBid == SymbolMarket.NO_PRICE || tickerAsk == SymbolMarket.NO_PRICE) {
      return null;
    }
    return lastTicker();
  }

  private BookTicker lastTicker() {
    return new BookTicker(
        market.symbol(),
        Math.max(0, tickerUpdateId),
        market.price(tickerBid),
        BigDecimal.valueOf(tickerBidQty),
        market.price(tickerAsk),
        BigDecimal.valueOf(tickerAskQty),
        Math.max(0, tickerTime));
  }

  /** The visible mark: mid of the visible top of book, else the last visible trade. */
  @Nullable BigDecimal mark() {
    BookTicker t = ticker();
    if (t != null && t.bidPrice().signum() > 0 && t.askPrice().signum() > 0) {
      return Amounts.plain(t.bidPrice().add(t.askPrice()).multiply(new BigDecimal("0.5")));
    }
    return lastTradeTicks == SymbolMarket.NO_PRICE ? null : market.price(lastTradeTicks);
  }

  /** Last visible trade price in ticks, or NO_PRICE. */
  long lastTradeTicks() {
    return lastTradeTicks;
  }

  /** Events queued and not yet released. */
  int queued() {
    return (int) (tail - released) + (held ? 1 : 0);
  }

  /**
   * The earliest release time over the feeds of one venue: lowered by a feed when an event enters
   * its empty queue, recomputed by the venue after a release ({@link SimVenue#releaseVisible}). It
   * may be lower than the truth (a zero-latency event released at once), never higher.
   */
  static final class Releases {
    long next = Long.MAX_VALUE;
  }

  @Override
  public String toString() {
    return "VisibleFeed[" + market.symbol() + " queued=" + queued() + " ring=" + ring.length + "]";
  }
}
