package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** A small simulated market for hand-computed tests: tick 0.1, step 0.001, no other filters. */
final class SimKit {
  static final String SYMBOL = "BTCUSDT";
  static final long T0 = 1_700_000_000_000L;
  static final TickScale SCALE = TickScale.of(new BigDecimal("0.1"));

  final VirtualScheduler clock = new VirtualScheduler(T0);
  final SimVenue venue;
  private long updateId = 1000;

  SimKit() {
    this(b -> {});
  }

  SimKit(Consumer<SimVenue.Builder> settings) {
    SimVenue.Builder b =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(instrument())
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.zero());
    settings.accept(b);
    venue = b.build();
  }

  static Instrument instrument() {
    return Instrument.builder()
        .symbol(SYMBOL)
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  Exchange account(String name, String usdt) {
    return venue.openAccount(name, AccountSetup.usdt(new BigDecimal(usdt)));
  }

  static long ticks(String price) {
    return SCALE.toTicks(new BigDecimal(price));
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  /** A full book: {@code levels} alternate price and quantity, bids first then asks after "|". */
  void snapshot(String... levels) {
    MarketEvent e =
        new MarketEvent().reset(MarketEvent.Type.DEPTH_SNAPSHOT, SYMBOL, now(), now() * 1_000_000L);
    updateId += 10;
    e.updateIds(0, updateId, 0);
    Side side = Side.BUY;
    for (int i = 0; i < levels.length; i++) {
      if (levels[i].equals("|")) {
        side = Side.SELL;
        continue;
      }
      e.addLevel(side, ticks(levels[i]), Double.parseDouble(levels[i + 1]));
      i++;
    }
    venue.onMarketEvent(e);
  }

  /** A depth diff setting absolute quantities (0 removes) on one side. */
  void depth(Side side, String... priceQty) {
    MarketEvent e =
        new MarketEvent().reset(MarketEvent.Type.DEPTH_UPDATE, SYMBOL, now(), now() * 1_000_000L);
    e.updateIds(updateId, updateId + 1, updateId);
    updateId++;
    for (int i = 0; i < priceQty.length; i += 2) {
      e.addLevel(side, ticks(priceQty[i]), Double.parseDouble(priceQty[i + 1]));
    }
    venue.onMarketEvent(e);
  }

  /** A public trade; {@code sellerAggressor} means the buyer was the maker. */
  void trade(String price, double qty, boolean sellerAggressor) {
    MarketEvent e =
        new MarketEvent().reset(MarketEvent.Type.TRADE, SYMBOL, now(), now() * 1_000_000L);
    e.trade(updateId, ticks(price), qty, sellerAggressor);
    venue.onMarketEvent(e);
  }

  /** The resting simulated orders of one side, best first. */
  java.util.List<SimOrder> resting(Side side) {
    return java.util.Objects.requireNonNull(venue.matcher(SYMBOL)).resting(side);
  }

  long now() {
    return clock.currentTimeMillis();
  }

  /** Runs the clock until the future completes (moving to the next task when none is due). */
  <T> T await(CompletableFuture<T> f) {
    clock.runPending();
    while (!f.isDone()) {
      assertThat(clock.runNext()).as("a task is pending for the future").isTrue();
    }
    return f.join();
  }

  /** The exception a future failed with. */
  Throwable failure(CompletableFuture<?> f) {
    clock.runPending();
    while (!f.isDone()) {
      assertThat(clock.runNext()).isTrue();
    }
    assertThat(f).isCompletedExceptionally();
    try {
      f.join();
      throw new AssertionError("not failed");
    } catch (CompletionException e) {
      return java.util.Objects.requireNonNull(e.getCause());
    }
  }
}
