package dev.tradekit.binance;

import dev.tradekit.adapter.Backoff;
import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.internal.wire.BinanceFrame;
import dev.tradekit.api.internal.wire.BinanceFrameParser;
import dev.tradekit.api.internal.wire.MalformedFrameException;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local order book of one symbol, kept with Binance's futures algorithm: buffer diffs, fetch a
 * snapshot, drop diffs with {@code u < lastUpdateId}, apply the first only if {@code U <=
 * lastUpdateId <= u}, then require each {@code pu} to equal the previous {@code u}. On a gap the
 * listeners are told the book is stale and it resyncs; at most one snapshot is in flight and
 * repeated resyncs back off. Runs on the scheduler only.
 *
 * <p>Prices become ticks with the symbol's {@link TickScale} from the tick lookup; when the lookup
 * has none (or fails), the scale is the finest decimal step seen among the snapshot's prices, which
 * keeps every price exact as long as diffs use no finer step than the snapshot.
 *
 * <p>Diffs arrive as frame text and go to the book without DTOs: while in sync each frame is read
 * by the shared {@link BinanceFrameParser} into one reused {@link BinanceFrame} and then applied,
 * so a frame that cannot be read exactly ({@link MalformedFrameException}) changes nothing; it is
 * treated like a gap (stale, then a new snapshot). Frames that arrive while a snapshot is awaited
 * are buffered as text and read when it lands.
 */
final class BookSync {
  private static final Logger log = LoggerFactory.getLogger(BookSync.class);
  private static final int MAX_BUFFERED = 10_000;

  private enum State {
    /** No snapshot requested yet: buffering until the next diff (or resync timer). */
    WAITING,
    /** A snapshot was requested; diffs are buffered. */
    FETCHING,
    /** The book is in sync; {@code awaitingFirst} until the first diff after the snapshot. */
    SYNCED
  }

  private final String symbol;
  private final Scheduler scheduler;
  private final StreamRestCalls rest;
  private final Function<String, CompletableFuture<@Nullable TickScale>> tickLookup;
  private final int snapshotLimit;
  private final long stableMillis;
  private final Backoff resyncBackoff;
  private final Listeners<OrderBookListener> listeners;
  private final OrderBook book;
  private final ArrayDeque<String> buffer = new ArrayDeque<>();
  private final BinanceFrameParser parser;
  private final BinanceFrame frame = new BinanceFrame();

  private State state = State.WAITING;
  private boolean awaitingFirst;
  private boolean snapshotInFlight;
  private int generation;
  private long notBeforeMillis;
  private long syncedAtMillis = Long.MIN_VALUE / 2;
  private @Nullable Cancellable resyncTimer;
  private @Nullable TickScale scale;
  private boolean closed;

  BookSync(
      String symbol,
      Scheduler scheduler,
      StreamRestCalls rest,
      Function<String, CompletableFuture<@Nullable TickScale>> tickLookup,
      StreamSettings settings,
      Listeners<OrderBookListener> listeners) {
    this.symbol = symbol;
    this.scheduler = scheduler;
    this.rest = rest;
    this.tickLookup = tickLookup;
    this.snapshotLimit = settings.snapshotLimit();
    this.stableMillis = Duration.ofSeconds(60).toMillis();
    this.resyncBackoff =
        new Backoff(
            settings.resyncMin().toMillis(), settings.resyncMax().toMillis(), settings.random());
    this.listeners = listeners;
    this.book = new OrderBook(symbol, 1024);
    this.parser = new BinanceFrameParser(new OwnSymbol());
  }

  /** This book's symbol (ignoring case) with the scale known so far. */
  private final class OwnSymbol implements BinanceFrameParser.Symbols {
    @Override
    public int find(CharSequence text, int from, int to) {
      if (to - from != symbol.length()) {
        return -1;
      }
      for (int i = 0; i < symbol.length(); i++) {
        if (Character.toUpperCase(text.charAt(from + i))
            != Character.toUpperCase(symbol.charAt(i))) {
          return -1;
        }
      }
      return 0;
    }

    @Override
    public @Nullable TickScale scale(int index) {
      return scale;
    }

    @Override
    public String toString() {
      return symbol.toUpperCase(Locale.ROOT);
    }
  }

  String symbol() {
    return symbol;
  }

  /**
   * A diff frame from the stream: {@code text} is the whole frame, its {@code depthUpdate} object
   * starts at {@code payloadStart}.
   */
  void onDiff(String text, int payloadStart) {
    if (closed) {
      return;
    }
    if (state != State.SYNCED) {
      buffer(text);
      if (state == State.WAITING && resyncTimer == null) {
        requestSnapshot();
      }
      return;
    }
    readAndAccept(text, payloadStart);
  }

  /**
   * Reads a diff into the reused frame and applies it; an unreadable one forces a resync. A
   * negative {@code payloadStart} reads {@code text} as a whole frame (a buffered one).
   */
  private void readAndAccept(String text, int payloadStart) {
    try {
      boolean read =
          payloadStart < 0
              ? parser.parse(text, 0, -1, frame)
              : parser.parsePayload(text, payloadStart, frame);
      if (!read || frame.kind() != BinanceFrame.Kind.DEPTH_UPDATE) {
        throw new MalformedFrameException("not a depthUpdate message");
      }
    } catch (MalformedFrameException e) {
      resync(null, "unreadable depth frame: " + e.getMessage());
      return;
    }
    accept(frame, text);
  }

  /** The stream's connection dropped: diffs were lost, so the book must start over. */
  void connectionLost(String reason) {
    if (closed) {
      return;
    }
    boolean wasSynced = state == State.SYNCED;
    state = State.WAITING;
    buffer.clear();
    generation++; // a snapshot in flight now belongs to the old connection
    if (wasSynced) {
      stale("connection lost: " + reason);
    }
  }

  /** Stops all work; the book is dropped. */
  void close() {
    closed = true;
    buffer.clear();
    if (resyncTimer != null) {
      resyncTimer.cancel();
      resyncTimer = null;
    }
  }

  private void buffer(String d) {
    if (buffer.size() >= MAX_BUFFERED) {
      buffer.poll(); // the oldest are the first to fall below the snapshot's id anyway
    }
    buffer.add(d);
  }

  private void requestSnapshot() {
    if (closed || snapshotInFlight) {
      return;
    }
    long now = scheduler.currentTimeMillis();
    if (now < notBeforeMillis) {
      resyncTimer =
          scheduler.schedule(this::resyncDue, notBeforeMillis - now, TimeUnit.MILLISECONDS);
      return;
    }
    state = State.FETCHING;
    snapshotInFlight = true;
    int gen = generation;
    CompletableFuture<@Nullable TickScale> tick = tickScale();
    rest.depth(symbol, snapshotLimit)
        .thenCombine(tick, Snapshot::new)
        .whenComplete(
            (s, error) -> WsConnection.handOver(scheduler, () -> onSnapshot(gen, s, error)));
  }

  private CompletableFuture<@Nullable TickScale> tickScale() {
    TickScale known = scale;
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    try {
      return tickLookup.apply(symbol).handle((t, e) -> e == null ? t : null);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(null);
    }
  }

  private void resyncDue() {
    resyncTimer = null;
    if (state == State.WAITING && !buffer.isEmpty()) {
      requestSnapshot();
    }
  }

  private record Snapshot(OrderBookSnapshot book, @Nullable TickScale scale) {}

  private void onSnapshot(int gen, @Nullable Snapshot s, @Nullable Throwable error) {
    snapshotInFlight = false;
    if (closed) {
      return;
    }
    if (gen != generation || state != State.FETCHING) {
      if (state == State.WAITING && !buffer.isEmpty()) {
        requestSnapshot();
      }
      return;
    }
    if (error != null || s == null) {
      log.warn("{}: order book snapshot failed: {}", symbol, WsConnection.describe(error));
      state = State.WAITING;
      notBeforeMillis = scheduler.currentTimeMillis() + resyncBackoff.nextDelayMillis();
      requestSnapshot();
      return;
    }
    TickScale ticks = scale;
    if (ticks == null) {
      ticks = s.scale() != null ? s.scale() : finestScale(s.book());
      scale = ticks;
    }
    applySnapshot(s.book(), ticks);
    state = State.SYNCED;
    awaitingFirst = true;
    syncedAtMillis = scheduler.currentTimeMillis();
    notifyBook();
    while (state == State.SYNCED && !buffer.isEmpty()) {
      readAndAccept(buffer.poll(), -1);
    }
  }

  private void accept(BinanceFrame d, String text) {
    long last = book.lastUpdateId();
    if (d.lastUpdateId() < last) {
      return; // older than the snapshot (or a repeat)
    }
    if (awaitingFirst) {
      if (d.firstUpdateId() > last) {
        resync(text, "first diff starts after the snapshot: U " + d.firstUpdateId() + " > " + last);
        return;
      }
      awaitingFirst = false;
    } else if (d.previousUpdateId() != last) {
      resync(text, "update id gap: pu " + d.previousUpdateId() + " != previous u " + last);
      return;
    }
    applyDiff(book, d);
    notifyBook();
  }

  /**
   * Applies a read diff to {@code book}: each level, then its {@code u} and time (also what the
   * adapter benchmark times).
   */
  static void applyDiff(OrderBook book, BinanceFrame d) {
    for (int i = 0, n = d.levelCount(Side.BUY); i < n; i++) {
      book.setLevel(Side.BUY, d.levelTicks(Side.BUY, i), d.levelQty(Side.BUY, i));
    }
    for (int i = 0, n = d.levelCount(Side.SELL); i < n; i++) {
      book.setLevel(Side.SELL, d.levelTicks(Side.SELL, i), d.levelQty(Side.SELL, i));
    }
    book.setLastUpdateId(d.lastUpdateId());
    long tx = d.transactionTime();
    book.setTimestamp(tx != BinanceFrame.ABSENT && tx != 0 ? tx : Math.max(0, d.eventTime()));
  }

  /**
   * Leaves sync: the listeners hear the book is stale and a new snapshot follows; {@code keep}, a
   * readable diff that did not fit, is buffered for it.
   */
  private void resync(@Nullable String keep, String reason) {
    log.info("{}: order book resync: {}", symbol, reason);
    state = State.WAITING;
    buffer.clear();
    if (keep != null) {
      buffer.add(keep);
    }
    long now = scheduler.currentTimeMillis();
    if (now - syncedAtMillis >= stableMillis) {
      resyncBackoff.reset(); // the last sync held for a while: this gap is not a repeat
    }
    notBeforeMillis = now + resyncBackoff.nextDelayMillis();
    stale(reason);
    requestSnapshot();
  }

  private void applySnapshot(OrderBookSnapshot s, TickScale ticks) {
    int nb = s.bids().size();
    int na = s.asks().size();
    long[] bidPrices = new long[nb];
    double[] bidQtys = new double[nb];
    long[] askPrices = new long[na];
    double[] askQtys = new double[na];
    fill(s.bids(), ticks, bidPrices, bidQtys);
    fill(s.asks(), ticks, askPrices, askQtys);
    book.applySnapshot(s.lastUpdateId(), s.time(), bidPrices, bidQtys, nb, askPrices, askQtys, na);
  }

  private static void fill(
      List<dev.tradekit.api.model.PriceLevel> levels,
      TickScale ticks,
      long[] prices,
      double[] qtys) {
    for (int i = 0; i < levels.size(); i++) {
      String price = levels.get(i).price().toPlainString();
      prices[i] = ticks.parseTicks(price, 0, price.length());
      qtys[i] = levels.get(i).quantity().doubleValue();
    }
  }

  /**
   * The tick {@code 10^-s} for the largest decimal scale {@code s} among the snapshot's prices as
   * written (Binance pads prices to the symbol's price precision, which is at least as fine as its
   * tick).
   */
  static TickScale finestScale(OrderBookSnapshot s) {
    int digits = 0;
    for (dev.tradekit.api.model.PriceLevel l : s.bids()) {
      digits = Math.max(digits, l.price().scale());
    }
    for (dev.tradekit.api.model.PriceLevel l : s.asks()) {
      digits = Math.max(digits, l.price().scale());
    }
    return TickScale.of(BigDecimal.ONE.movePointLeft(digits));
  }

  private void notifyBook() {
    listeners.forEach(l -> l.onBook(book));
  }

  private void stale(String reason) {
    listeners.forEach(l -> l.onStale(symbol, reason));
  }
}
