package dev.tradekit.scanner;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SimVenue} whose symbols show hand-made books: every {@code period} each symbol gets a
 * fresh snapshot of 20 levels a side of quantity 10 around its mid (tick 0.1), plus the walls
 * placed with {@link #wall}. REST calls take 50 ms; market data is not delayed. Nothing happens
 * until the clock is first moved, so walls placed right after construction are in the first books.
 */
final class HandDrivenMarket {
  static final double FLAT = 10;

  final VirtualScheduler clock;
  final SimVenue venue;
  private final List<String> symbols;
  private final Map<String, Long> bidTicks = new HashMap<>();
  private final Map<String, Map<Long, Double>> walls = new HashMap<>();
  private long updateId = 1;
  private long tradeId = 1;

  HandDrivenMarket(long start, List<String> symbols, Duration period) {
    this.clock = new VirtualScheduler(start);
    this.symbols = symbols;
    SimVenue.Builder b =
        SimVenue.builder()
            .scheduler(clock)
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(50)))
            .marketDataLatency(LatencyModel.zero());
    for (String s : symbols) {
      b.instrument(instrument(s));
      bidTicks.put(s, 1000L); // best bid 100.0, best ask 100.1
      walls.put(s, new HashMap<>());
    }
    this.venue = b.build();
    clock.scheduleAtFixedRate(this::publish, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    // Trades that rank the symbols: the first listed has the highest 24h quote volume.
    clock.execute(
        () -> {
          for (int i = 0; i < symbols.size(); i++) {
            trade(symbols.get(i), 1000, symbols.size() - i);
          }
        });
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

  Exchange account(String name) {
    return venue.openAccount(name, AccountSetup.usdt(new BigDecimal("100000")));
  }

  /** Shows {@code quantity} at {@code priceTicks} (bids below 1000, asks above) from now on. */
  void wall(String symbol, long priceTicks, double quantity) {
    wallsOf(symbol).put(priceTicks, quantity);
  }

  void removeWall(String symbol, long priceTicks) {
    wallsOf(symbol).remove(priceTicks);
  }

  /** A trade at {@code priceTicks}; on the scheduler thread. */
  void trade(String symbol, long priceTicks, double quantity) {
    MarketEvent e =
        new MarketEvent()
            .reset(MarketEvent.Type.TRADE, symbol, now(), now() * 1_000_000L)
            .trade(tradeId++, priceTicks, quantity, true);
    venue.onMarketEvent(e);
  }

  private Map<Long, Double> wallsOf(String symbol) {
    return java.util.Objects.requireNonNull(walls.get(symbol), symbol);
  }

  private long now() {
    return clock.currentTimeMillis();
  }

  private void publish() {
    for (String s : symbols) {
      long bid = java.util.Objects.requireNonNull(bidTicks.get(s));
      MarketEvent e =
          new MarketEvent().reset(MarketEvent.Type.DEPTH_SNAPSHOT, s, now(), now() * 1_000_000L);
      e.updateIds(0, updateId++, 0);
      Map<Long, Double> w = wallsOf(s);
      for (int i = 0; i < 20; i++) {
        e.addLevel(Side.BUY, bid - i, w.getOrDefault(bid - i, FLAT));
      }
      for (int i = 0; i < 20; i++) {
        e.addLevel(Side.SELL, bid + 1 + i, w.getOrDefault(bid + 1 + i, FLAT));
      }
      venue.onMarketEvent(e);
    }
  }
}
