package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.T0;
import static dev.tradekit.backtest.sim.SimKit.d;
import static dev.tradekit.backtest.sim.SimKit.ticks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LatencyTest {

  /**
   * Asks 100.0 x 1 and 100.5 x 5 at T0; the 100.0 level is gone at T0 + 20; a trade at T0 + 100.
   */
  static MarketDataSource scenario() {
    List<MarketEvent> events = new ArrayList<>();
    events.add(
        new MarketEvent()
            .reset(MarketEvent.Type.DEPTH_SNAPSHOT, SYMBOL, T0, 0)
            .updateIds(0, 10, 0)
            .addLevel(Side.BUY, ticks("99.9"), 5)
            .addLevel(Side.SELL, ticks("100.0"), 1)
            .addLevel(Side.SELL, ticks("100.5"), 5));
    events.add(
        new MarketEvent()
            .reset(MarketEvent.Type.DEPTH_UPDATE, SYMBOL, T0 + 20, 0)
            .updateIds(10, 11, 10)
            .addLevel(Side.SELL, ticks("100.0"), 0));
    events.add(
        new MarketEvent()
            .reset(MarketEvent.Type.TRADE, SYMBOL, T0 + 100, 0)
            .trade(1, ticks("100.5"), 0.1, false));
    return new MarketDataSource() {
      private int next;

      @Override
      public boolean next(MarketEvent into) {
        if (next == events.size()) {
          return false;
        }
        into.copyFrom(events.get(next++));
        return true;
      }

      @Override
      public void close() {}
    };
  }

  private static Fill marketBuyAtT0(long orderLatencyMs) {
    VirtualScheduler clock = new VirtualScheduler(T0);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(SimKit.instrument())
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(orderLatencyMs)))
            .marketDataLatency(LatencyModel.zero())
            .build();
    Exchange ex = venue.openAccount("a", AccountSetup.usdt(d("10000")));
    List<Fill> fills = new ArrayList<>();
    ex.streams()
        .userEvents(
            new UserEventListener() {
              @Override
              public void onFill(Fill fill) {
                fills.add(fill);
              }
            });
    MarketReplay replay = new MarketReplay(scenario(), venue);
    replay.runUntil(T0);
    ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("1")));
    replay.runToEnd();
    assertThat(fills).hasSize(1);
    return fills.get(0);
  }

  @Test
  void orderLatencyShiftsTheFillInTimeAndCanChangeItsPrice() {
    Fill instant = marketBuyAtT0(0);
    Fill late = marketBuyAtT0(50);
    assertThat(instant.time()).isEqualTo(T0);
    assertThat(late.time()).isEqualTo(T0 + 50);
    assertThat(instant.price()).isEqualByComparingTo("100.0");
    assertThat(late.price()).isEqualByComparingTo("100.5"); // the 100.0 ask left at T0 + 20
  }

  @Test
  void accountsSeeTheMarketOneMarketDataLatencyLate() {
    VirtualScheduler clock = new VirtualScheduler(T0);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(SimKit.instrument())
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(30)))
            .build();
    Exchange ex = venue.openAccount("a", AccountSetup.usdt(d("10000")));
    List<String> seen = new ArrayList<>();
    ex.streams()
        .orderBook(
            SYMBOL, book -> seen.add((clock.currentTimeMillis() - T0) + ":" + book.bestAskTicks()));
    MarketReplay replay = new MarketReplay(scenario(), venue);
    replay.runUntil(T0 + 40);
    // the matcher already lost the 100.0 ask; the accounts still see it
    assertThat(venue.book(SYMBOL).bestAskTicks()).isEqualTo(ticks("100.5"));
    CompletableFuture<BookTicker> visible = ex.marketData().bookTicker(SYMBOL);
    clock.runPending();
    assertThat(visible.join().askPrice()).isEqualByComparingTo("100.0");
    replay.runToEnd();
    assertThat(seen).containsExactly("30:" + ticks("100.0"), "50:" + ticks("100.5"));
  }

  @Test
  void buildingWithoutLatenciesFailsAndSaysZeroIsAChoice() {
    assertThatThrownBy(
            () ->
                SimVenue.builder()
                    .scheduler(new VirtualScheduler(T0))
                    .instrument(SimKit.instrument())
                    .marketDataLatency(LatencyModel.zero())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderLatency is required")
        .hasMessageContaining("LatencyModel.zero()");
    assertThatThrownBy(
            () ->
                SimVenue.builder()
                    .scheduler(new VirtualScheduler(T0))
                    .instrument(SimKit.instrument())
                    .orderLatency(LatencyModel.zero())
                    .build())
        .hasMessageContaining("marketDataLatency is required");
  }

  @Test
  void sampledLatenciesAreDrawnFromTheSeededSource() {
    LatencyModel uniform = LatencyModel.uniform(Duration.ofMillis(5), Duration.ofMillis(15));
    java.util.SplittableRandom a = new java.util.SplittableRandom(3);
    java.util.SplittableRandom b = new java.util.SplittableRandom(3);
    for (int i = 0; i < 100; i++) {
      long x = uniform.sampleMillis(a);
      assertThat(x).isBetween(5L, 15L).isEqualTo(uniform.sampleMillis(b));
    }
    LatencyModel list = LatencyModel.sampled(List.of(Duration.ofMillis(7), Duration.ofMillis(9)));
    assertThat(list.sampleMillis(a)).isIn(7L, 9L);
    assertThat(LatencyModel.fixed(Duration.ofMillis(12)).sampleMillis(a)).isEqualTo(12);
  }
}
