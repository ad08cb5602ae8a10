package dev.tradekit.backtest.sim;

import dev.tradekit.api.KlineListener;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.data.KlineAggregator;
import dev.tradekit.backtest.data.MarketEvent;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * One kline subscription of the simulator: the visible events of its symbol go through a {@link
 * KlineAggregator} to the listener, on the venue's thread. A listener that throws is logged and
 * stays subscribed; data bars that cannot build the interval are reported once and ignored.
 */
final class KlineFeed {
  private static final System.Logger LOG = System.getLogger(KlineFeed.class.getName());

  private final SymbolMarket market;
  private final KlineInterval interval;
  private final KlineAggregator bars;
  private final KlineListener listener;
  private final KlineListener.@Nullable Numeric numeric;
  private final TickScale scale;
  private final boolean updates;
  private boolean warned;

  KlineFeed(SymbolMarket market, KlineInterval interval, KlineListener listener) {
    this.market = market;
    this.interval = interval;
    this.listener = listener;
    this.numeric = listener instanceof KlineListener.Numeric n ? n : null;
    this.updates = listener.wantsUpdates();
    this.scale = market.scale;
    this.bars = new KlineAggregator(market.symbol(), interval, scale::toDouble, this::deliver);
  }

  /**
   * One bar from the aggregator: as ticks to a {@link KlineListener.Numeric} (which converts the
   * prices it reads), else as a {@link Kline}; an update the listener does not want is not built at
   * all.
   */
  private void deliver(
      long openTime,
      long closeTime,
      long o,
      long h,
      long l,
      long c,
      double volume,
      double quoteVolume,
      long trades,
      double takerBuy,
      boolean closed) {
    if (!closed && !updates) {
      return;
    }
    KlineListener.Numeric n = numeric;
    if (n == null) {
      deliverKline(openTime, closeTime, o, h, l, c, volume, quoteVolume, trades, takerBuy, closed);
      return;
    }
    try {
      n.onTicks(openTime, closeTime, o, h, l, c, scale, volume, closed);
    } catch (RuntimeException e) {
      ListenerSet.failed(listener, e);
    }
  }

  private void deliverKline(
      long openTime,
      long closeTime,
      long o,
      long h,
      long l,
      long c,
      double volume,
      double quoteVolume,
      long trades,
      double takerBuy,
      boolean closed) {
    try {
      listener.onKline(
          new Kline(
              market.symbol(),
              interval,
              openTime,
              closeTime,
              market.price(o),
              market.price(h),
              market.price(l),
              market.price(c),
              KlineAggregator.decimal(volume),
              KlineAggregator.decimal(quoteVolume),
              trades,
              KlineAggregator.decimal(takerBuy)),
          closed);
    } catch (RuntimeException e) {
      ListenerSet.failed(listener, e);
    }
  }

  void onEvent(MarketEvent e) {
    switch (e.type()) {
      case TRADE ->
          bars.onTrade(e.eventTime(), e.tradePriceTicks(), e.tradeQuantity(), e.buyerMaker());
      case BAR ->
          onBar(
              e.openTime(),
              e.closeTime(),
              e.openTicks(),
              e.highTicks(),
              e.lowTicks(),
              e.closeTicks(),
              e.volume(),
              e.quoteVolume(),
              e.barClosed());
      default -> bars.advanceTo(e.eventTime());
    }
  }

  /**
   * One visible bar of the data, as numbers (prices in ticks); data bars that cannot build the
   * interval are reported once and ignored.
   */
  void onBar(
      long openTime,
      long closeTime,
      long open,
      long high,
      long low,
      long close,
      double volume,
      double quoteVolume,
      boolean closed) {
    if (bars.takesAsIs(openTime, closeTime, close, closed)) {
      // a closed bar of the interval: delivered here, without the hop through the sink
      deliver(
          Math.max(0, openTime),
          Math.max(0, closeTime),
          open,
          high,
          low,
          close,
          volume,
          quoteVolume,
          0,
          0,
          true);
      return;
    }
    try {
      bars.onBar(openTime, closeTime, open, high, low, close, volume, quoteVolume, closed);
    } catch (IllegalArgumentException ex) {
      if (!warned) {
        warned = true;
        LOG.log(Level.WARNING, "sim: klines of " + market.symbol() + ": " + ex.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "KlineFeed[" + bars.interval().code() + " " + listener + "]";
  }
}
