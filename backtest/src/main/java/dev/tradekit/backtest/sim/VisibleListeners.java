package dev.tradekit.backtest.sim;

import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Trade;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The accounts' subscriptions to one symbol's visible market, and the hand-over of what a {@link
 * VisibleFeed} releases to them: books, stale notices, tickers, trades and bars, each listener
 * called in turn on the venue's thread. A listener that throws is logged and stays subscribed.
 *
 * <pre>{@code
 * VisibleListeners listeners = new VisibleListeners("BTCUSDT", scale::toPrice);
 * listeners.trades.add(trade -> seen.add(trade));
 * listeners.publishTrade(event); // the trade of a released TRADE event
 * }</pre>
 */
final class VisibleListeners {
  final ListenerSet<OrderBookListener> books = new ListenerSet<>();
  final ListenerSet<TradeListener> trades = new ListenerSet<>();
  final ListenerSet<BookTickerListener> tickers = new ListenerSet<>();
  final ListenerSet<KlineFeed> klines = new ListenerSet<>();

  private final String symbol;
  private final LongFunction<BigDecimal> priceOfTicks;
  private @Nullable BigDecimal lastTradeQty;
  private long lastTradeQtyBits;

  VisibleListeners(String symbol, LongFunction<BigDecimal> priceOfTicks) {
    this.symbol = symbol;
    this.priceOfTicks = priceOfTicks;
  }

  /** A released event to the kline feeds (trades build bars, other events move their time). */
  void klines(MarketEvent e) {
    if (!klines.isEmpty()) {
      Object[] ks = klines.snapshot();
      for (int i = 0; i < ks.length; i++) {
        KlineFeed k = ListenerSet.get(ks, i);
        k.onEvent(e);
      }
    }
  }

  /** A released closed bar, prices in ticks, to the kline feeds as numbers. */
  void klineBar(
      long openTime,
      long closeTime,
      long open,
      long high,
      long low,
      long close,
      double volume,
      double quoteVolume) {
    Object[] ks = klines.snapshot();
    for (int i = 0; i < ks.length; i++) {
      KlineFeed k = ListenerSet.get(ks, i);
      k.onBar(openTime, closeTime, open, high, low, close, volume, quoteVolume, true);
    }
  }

  void publishBook(OrderBook book) {
    Object[] ls = books.snapshot();
    for (int i = 0; i < ls.length; i++) {
      OrderBookListener l = ListenerSet.get(ls, i);
      try {
        l.onBook(book);
      } catch (RuntimeException ex) {
        ListenerSet.failed(l, ex);
      }
    }
  }

  void publishStale() {
    Object[] ls = books.snapshot();
    for (int i = 0; i < ls.length; i++) {
      OrderBookListener l = ListenerSet.get(ls, i);
      try {
        l.onStale(symbol, "gap in the depth update ids; waiting for a snapshot");
      } catch (RuntimeException ex) {
        ListenerSet.failed(l, ex);
      }
    }
  }

  void publishTicker(BookTicker t) {
    Object[] ls = tickers.snapshot();
    for (int i = 0; i < ls.length; i++) {
      BookTickerListener l = ListenerSet.get(ls, i);
      try {
        l.onBookTicker(t);
      } catch (RuntimeException ex) {
        ListenerSet.failed(l, ex);
      }
    }
  }

  /**
   * Hands the trade of {@code e} to the trade listeners; its id text and decimal price are built
   * only if a listener reads them.
   */
  void publishTrade(MarketEvent e) {
    Trade t =
        Trade.ofTicks(
            e.symbol(),
            Math.max(0, e.tradeId()),
            e.tradePriceTicks(),
            priceOfTicks,
            tradeQuantity(e.tradeQuantity()),
            e.buyerMaker(),
            e.eventTime());
    Object[] ls = trades.snapshot();
    for (int i = 0; i < ls.length; i++) {
      TradeListener l = ListenerSet.get(ls, i);
      try {
        l.onTrade(t);
      } catch (RuntimeException ex) {
        ListenerSet.failed(l, ex);
      }
    }
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
}
