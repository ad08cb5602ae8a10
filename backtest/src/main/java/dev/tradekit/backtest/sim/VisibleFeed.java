package dev.tradekit.backtest.sim;

import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trade;
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
 * previous release so the order holds); {@link #release(long)} applies every event whose time has
 * come to a second, visible book and calls the stream listeners. With zero latency events are
 * applied at once without copying. The ring starts at 64 slots and doubles when full, so it stays
 * as small as the latency needs and each slot's level arrays stop growing once warm (the only
 * allocations).
 */
final class VisibleFeed {
  private static final int INITIAL_RING = 64;

  private final SymbolMarket market;
  final OrderBook book;
  private final DepthSynchronizer sync;
  final MinuteBars bars;
  final ListenerSet<OrderBookListener> bookListeners = new ListenerSet<>();
  final ListenerSet<TradeListener> tradeListeners = new ListenerSet<>();
  final ListenerSet<BookTickerListener> tickerListeners = new ListenerSet<>();
  final ListenerSet<KlineFeed> klineListeners = new ListenerSet<>();

  private MarketEvent[] ring = new MarketEvent[INITIAL_RING];
  private long[] releaseAt = new long[INITIAL_RING];
  private int head;
  private int size;
  private long lastRelease = Long.MIN_VALUE;
  private boolean stale;

  private long tickerUpdateId;
  private long tickerBid = SymbolMarket.NO_PRICE;
  private double tickerBidQty;
  private long tickerAsk = SymbolMarket.NO_PRICE;
  private double tickerAskQty;
  private long tickerTime;
  private long lastTradeTicks = SymbolMarket.NO_PRICE;
  private @Nullable BigDecimal lastTradePrice;
  private long lastTradePriceTicks;
  private @Nullable BigDecimal lastTradeQty;
  private long lastTradeQtyBits;

  VisibleFeed(SymbolMarket market) {
    this.market = market;
    this.book = new OrderBook(market.symbol(), 256);
    this.sync = new DepthSynchronizer(book);
    this.bars = new MinuteBars(market);
    for (int i = 0; i < ring.length; i++) {
      ring[i] = new MarketEvent();
    }
  }

  /**
   * The ring slot the next {@link #offer} fills: an event built here (the venue's merged depth) is
   * queued without a copy. Valid until the next offer.
   */
  MarketEvent claim() {
    if (size == ring.length) {
      grow();
    }
    return ring[(head + size) % ring.length];
  }

  /**
   * Queues an event seen by the matcher at {@code now}, visible after {@code latency} ms: copied
   * into the ring, unless it is the slot {@link #claim} handed out.
   */
  void offer(MarketEvent e, long now, long latency) {
    if (latency == 0 && size == 0) {
      lastRelease = Math.max(lastRelease, now);
      apply(e);
      return;
    }
    if (size == ring.length) {
      grow();
    }
    int slot = (head + size) % ring.length;
    if (ring[slot] == e) {
      // built in its slot by claim(): nothing to copy
    } else if (e.type() == MarketEvent.Type.BAR) {
      ring[slot].copyBarFrom(e); // a bar slot takes the bar's numbers only
    } else {
      ring[slot].copyFrom(e);
    }
    lastRelease = Math.max(lastRelease, now + latency);
    releaseAt[slot] = lastRelease;
    size++;
  }

  /** Release time of the oldest queued event, or {@link Long#MAX_VALUE} when none waits. */
  long nextRelease() {
    return size == 0 ? Long.MAX_VALUE : releaseAt[head];
  }

  /** Applies every queued event due at or before {@code now}. */
  void release(long now) {
    while (size > 0 && releaseAt[head] <= now) {
      MarketEvent e = ring[head];
      head = (head + 1) % ring.length;
      size--;
      apply(e);
    }
  }

  private void grow() {
    int n = ring.length;
    MarketEvent[] r = new MarketEvent[n * 2];
    long[] t = new long[n * 2];
    for (int i = 0; i < n; i++) {
      r[i] = ring[(head + i) % n];
      t[i] = releaseAt[(head + i) % n];
    }
    for (int i = n; i < r.length; i++) {
      r[i] = new MarketEvent();
    }
    ring = r;
    releaseAt = t;
    head = 0;
  }

  /** A kline subscription's aggregator; called on the venue's thread. */
  KlineFeed klineFeed(KlineInterval interval, KlineListener listener) {
    return new KlineFeed(market, interval, listener);
  }

  private void apply(MarketEvent e) {
    if (!klineListeners.isEmpty()) {
      Object[] ks = klineListeners.snapshot();
      for (int i = 0; i < ks.length; i++) {
        KlineFeed k = ListenerSet.get(ks, i);
        k.onEvent(e);
      }
    }
    switch (e.type()) {
      case DEPTH_SNAPSHOT, DEPTH_UPDATE -> {
        boolean changed = sync.onEvent(e);
        boolean usable = sync.state() != DepthSynchronizer.State.WAITING_SNAPSHOT;
        if (changed && usable) {
          stale = false;
          publishBook();
        } else if (!usable && !stale && book.lastUpdateId() > 0) {
          stale = true;
          publishStale();
        }
      }
      case BOOK_TICKER -> {
        tickerUpdateId = e.lastUpdateId();
        tickerBid = e.bestBidTicks();
        tickerBidQty = e.bestBidQuantity();
        tickerAsk = e.bestAskTicks();
        tickerAskQty = e.bestAskQuantity();
        tickerTime = e.eventTime();
        if (!tickerListeners.isEmpty()) {
          publishTicker(lastTicker());
        }
      }
      case TRADE -> {
        lastTradeTicks = e.tradePriceTicks();
        bars.onTrade(e.eventTime(), e.tradePriceTicks(), e.tradeQuantity(), e.buyerMaker());
        if (!tradeListeners.isEmpty()) {
          publishTrade(
              new Trade(
                  e.symbol(),
                  Long.toString(Math.max(0, e.tradeId())),
                  tradePrice(e.tradePriceTicks()),
                  tradeQuantity(e.tradeQuantity()),
                  e.buyerMaker(),
                  e.eventTime()));
        }
      }
      case BAR -> lastTradeTicks = e.closeTicks();
    }
  }

  /** The decimal price of a trade, reused while trades print at the same price. */
  private BigDecimal tradePrice(long ticks) {
    BigDecimal p = lastTradePrice;
    if (p == null || ticks != lastTradePriceTicks) {
      p = market.price(ticks);
      lastTradePrice = p;
      lastTradePriceTicks = ticks;
    }
    return p;
  }

  /** The decimal quantity of a trade, reused while trades have the same size. */
  private BigDecimal tradeQuantity(double qty) {
    BigDecimal q = lastTradeQty;
    if (q == null || Double.doubleToRawLongBits(qty) != lastTradeQtyBits) {
      q = BigDecimal.valueOf(qty);
      lastTradeQty = q;
      lastTradeQtyBits = Double.doubleToRawLongBits(qty);
    }
    return q;
  }

  private void publishBook() {
    Object[] ls = bookListeners.snapshot();
    for (int i = 0; i < ls.length; i++) {
      OrderBookListener l = ListenerSet.get(ls, i);
      try {
        l.onBook(book);
      } catch (RuntimeException ex) {
        ListenerSet.failed(l, ex);
      }
    }
  }

  private void publishStale() {
    Object[] ls = bookListeners.snapshot();
    for (int i = 0; i < ls.length; i++) {
      OrderBookListener l = ListenerSet.get(ls, i);
      try {
        l.onStale(market.symbol(), "gap in the depth update ids; waiting for a snapshot");
      } catch (RuntimeException ex) {
        ListenerSet.failed(l, ex);
      }
    }
  }

  private void publishTicker(BookTicker t) {
    Object[] ls = tickerListeners.snapshot();
    for (int i = 0; i < ls.length; i++) {
      BookTickerListener l = ListenerSet.get(ls, i);
      try {
        l.onBookTicker(t);
      } catch (RuntimeException ex) {
        ListenerSet.failed(l, ex);
      }
    }
  }

  private void publishTrade(Trade t) {
    Object[] ls = tradeListeners.snapshot();
    for (int i = 0; i < ls.length; i++) {
      TradeListener l = ListenerSet.get(ls, i);
      try {
        l.onTrade(t);
      } catch (RuntimeException ex) {
        ListenerSet.failed(l, ex);
      }
    }
  }

  /**
   * The visible best bid and ask: the last book ticker when it is at least as new as the visible
   * book, else the book's top; null when nothing is known yet.
   */
  @Nullable BookTicker ticker() {
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

  int queued() {
    return size;
  }

  @Override
  public String toString() {
    return "VisibleFeed[" + market.symbol() + " queued=" + size + " ring=" + ring.length + "]";
  }
}
