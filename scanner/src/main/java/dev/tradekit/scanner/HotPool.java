package dev.tradekit.scanner;

import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Trade;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the symbols that have hot orders. Where the venue keeps a local book from a diff stream
 * ({@code capabilities().localOrderBook()}), each book update is copied on the venue's thread into
 * a preallocated spare book of a {@link BookHandOff} and handed to the scheduler, latest wins when
 * the scheduler is behind (no allocation per update once the books have grown); elsewhere the
 * symbol is polled over REST every poll interval in the hot lane (up to 8 in flight). Trades are
 * followed in both cases, to tell filled walls from pulled ones.
 */
final class HotPool {
  private static final Logger log = LoggerFactory.getLogger(HotPool.class);

  private final ScannerEngine engine;
  private final Map<String, Follow> follows = new HashMap<>();
  private volatile int staleBooks;

  /** One followed symbol. */
  private final class Follow implements OrderBookListener {
    final String symbol;
    final TickScale scale;
    @Nullable Subscription book;
    @Nullable Subscription trades;
    boolean stale;
    boolean inFlight;
    final BookHandOff books;
    private final Runnable applyTask = this::apply;

    Follow(String symbol, TickScale scale) {
      this.symbol = symbol;
      this.scale = scale;
      this.books = new BookHandOff(symbol);
    }

    boolean polling() {
      return book == null;
    }

    /** On the venue's thread: copy into the spare book, hand it over; allocation-free. */
    @Override
    public void onBook(OrderBookView view) {
      if (books.publish(view)) {
        engine.scheduler.execute(applyTask);
      }
    }

    @Override
    public void onStale(String s, String reason) {
      engine.scheduler.execute(
          () -> {
            if (!stale) {
              stale = true;
              recountStale();
            }
          });
    }

    private void apply() {
      OrderBook b = books.take();
      if (b == null || follows.get(symbol) != this || engine.isClosed()) {
        return;
      }
      if (stale) {
        stale = false;
        recountStale();
      }
      engine.observeBook(symbol, b, scale, true);
    }

    void onTrade(Trade t) {
      if (follows.get(symbol) == this) {
        engine.tracker.onTrade(
            symbol, SymbolDirectory.ticks(t.price(), scale), t.quantity().doubleValue());
      }
    }

    void close() {
      if (book != null) {
        book.close();
      }
      if (trades != null) {
        trades.close();
      }
    }
  }

  HotPool(ScannerEngine engine) {
    this.engine = engine;
  }

  /** Follows {@code symbol} while it has hot orders, and stops when it has none. */
  void sync(String symbol) {
    boolean wanted = !engine.isClosed() && engine.tracker.count(symbol, LargeOrder.Stage.HOT) > 0;
    Follow f = follows.get(symbol);
    if (wanted && f == null) {
      follow(symbol);
    } else if (!wanted && f != null) {
      follows.remove(symbol);
      f.close();
      engine.tracker.followTrades(symbol, false);
      recountStale();
    }
  }

  private void follow(String symbol) {
    TickScale scale = engine.directory.scale(symbol);
    if (scale == null) {
      log.warn("{} has no instrument tick size; its hot orders are not followed", symbol);
      return;
    }
    Follow f = new Follow(symbol, scale);
    follows.put(symbol, f);
    try {
      f.trades =
          engine
              .exchange
              .streams()
              .trades(symbol, t -> engine.scheduler.execute(() -> f.onTrade(t)));
      engine.tracker.followTrades(symbol, true);
    } catch (RuntimeException e) {
      log.warn("{}: no trade stream, outcomes stay unknown: {}", symbol, e.toString());
    }
    if (engine.exchange.capabilities().localOrderBook()) {
      try {
        f.book = engine.exchange.streams().orderBook(symbol, f);
      } catch (RuntimeException e) {
        log.warn("{}: no book stream, polling instead: {}", symbol, e.toString());
      }
    }
  }

  /** Whether {@code symbol}'s orders are all kept up to date by this pool. */
  boolean covers(String symbol) {
    return follows.containsKey(symbol);
  }

  /** Whether {@code symbol} is followed by REST polling (no book stream). */
  boolean polls(String symbol) {
    Follow f = follows.get(symbol);
    return f != null && f.polling();
  }

  /** Polls every polled symbol that has no request outstanding. */
  void pollTick() {
    if (engine.isClosed()) {
      return;
    }
    int depth = engine.config.depthLimit();
    int weight = ScannerConfig.depthWeight(depth);
    for (Follow f : List.copyOf(follows.values())) {
      if (f.polling() && !f.inFlight) {
        f.inFlight = true;
        engine
            .gate
            .submit(
                RequestGate.Lane.HOT,
                weight,
                () -> engine.exchange.marketData().orderBook(f.symbol, depth))
            .whenComplete(
                (snapshot, e) -> {
                  f.inFlight = false;
                  if (e == null && follows.get(f.symbol) == f && !engine.isClosed()) {
                    engine.observeSnapshot(f.symbol, snapshot);
                  }
                });
      }
    }
  }

  /** The number of followed books marked stale by the venue; callable from any thread. */
  int staleBooks() {
    return staleBooks;
  }

  private void recountStale() {
    int n = 0;
    for (Follow f : follows.values()) {
      if (f.stale) {
        n++;
      }
    }
    staleBooks = n;
  }

  void close() {
    for (Follow f : follows.values()) {
      f.close();
      engine.tracker.followTrades(f.symbol, false);
    }
    follows.clear();
    staleBooks = 0;
  }
}
