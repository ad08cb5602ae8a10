package dev.tradekit.benchmarks;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;

/** Hand-made books for the scanner benchmarks: tick 0.1, best bid 100.0, ask 100.1. */
final class ScannerMarket {
  static final long BID = 1000;
  static final int LEVELS = 20;
  static final double FLAT = 10;

  private ScannerMarket() {}

  static String symbol(int i) {
    return String.format("S%03dUSDT", i);
  }

  static Instrument instrument(String symbol) {
    return Instrument.builder()
        .symbol(symbol)
        .baseAsset(symbol.replace("USDT", ""))
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  /**
   * Feeds {@code symbol} a snapshot of 20 flat levels a side, with {@code wall} lots of 10 at bid
   * level 12 when positive, one diff that syncs the book, and a trade; on the venue's thread.
   */
  static long seed(SimVenue venue, String symbol, long now, long updateId, double wall) {
    MarketEvent e = new MarketEvent().reset(MarketEvent.Type.DEPTH_SNAPSHOT, symbol, now, 0);
    e.updateIds(0, updateId, 0);
    for (int i = 0; i < LEVELS; i++) {
      e.addLevel(Side.BUY, BID - i, i == 12 && wall > 0 ? wall : FLAT);
    }
    for (int i = 0; i < LEVELS; i++) {
      e.addLevel(Side.SELL, BID + 1 + i, FLAT);
    }
    venue.onMarketEvent(e);
    MarketEvent d = new MarketEvent().reset(MarketEvent.Type.DEPTH_UPDATE, symbol, now, 0);
    d.updateIds(updateId, updateId + 1, updateId).addLevel(Side.SELL, BID + 1, FLAT);
    venue.onMarketEvent(d);
    MarketEvent t = new MarketEvent().reset(MarketEvent.Type.TRADE, symbol, now, 0);
    t.trade(updateId, BID, 1, true);
    venue.onMarketEvent(t);
    return updateId + 1;
  }
}
