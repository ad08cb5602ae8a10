package dev.tradekit.backtest.sim;

import dev.tradekit.api.KlineListener;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.data.KlineAggregator;
import dev.tradekit.backtest.data.MarketEvent;
import java.lang.System.Logger.Level;

/**
 * One kline subscription of the simulator: the visible events of its symbol go through a {@link
 * KlineAggregator} to the listener, on the venue's thread. A listener that throws is logged and
 * stays subscribed; data bars that cannot build the interval are reported once and ignored.
 */
final class KlineFeed {
  private static final System.Logger LOG = System.getLogger(KlineFeed.class.getName());

  private final KlineAggregator bars;
  private final KlineListener listener;
  private boolean warned;

  KlineFeed(SymbolMarket market, KlineInterval interval, KlineListener listener) {
    this.listener = listener;
    this.bars = new KlineAggregator(market.symbol(), interval, market::price, this::deliver);
  }

  private void deliver(dev.tradekit.api.model.Kline k, boolean closed) {
    try {
      listener.onKline(k, closed);
    } catch (RuntimeException e) {
      ListenerSet.failed(listener, e);
    }
  }

  void onEvent(MarketEvent e) {
    switch (e.type()) {
      case TRADE ->
          bars.onTrade(e.eventTime(), e.tradePriceTicks(), e.tradeQuantity(), e.buyerMaker());
      case BAR -> {
        try {
          bars.onBar(
              e.openTime(),
              e.closeTime(),
              e.openTicks(),
              e.highTicks(),
              e.lowTicks(),
              e.closeTicks(),
              e.volume(),
              e.quoteVolume(),
              e.barClosed());
        } catch (IllegalArgumentException ex) {
          if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, "sim: klines of " + e.symbol() + ": " + ex.getMessage());
          }
        }
      }
      default -> bars.advanceTo(e.eventTime());
    }
  }

  @Override
  public String toString() {
    return "KlineFeed[" + bars.interval().code() + " " + listener + "]";
  }
}
