package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.BarSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bar mode's fast lane in {@link MarketReplay}: bars of a {@link BarSource} during which nothing
 * can happen are matched in one step, with the same book, marks and klines as in two.
 */
class BarLaneTest {
  private static final long MINUTE = 60_000;
  private static final long T0 = SimKit.T0 - SimKit.T0 % MINUTE;

  /** {@code n} one-minute bars from T0, closes 30,000.0 + 0.1 · i, opens one tick lower. */
  private static BarSource bars(int n) {
    return bars(n, 1, 1, 5, 6);
  }

  /**
   * {@code n} one-minute bars from T0: closes 30,000.0 + {@code step} ticks · i, each opening
   * {@code openBelow} ticks below its close, high and low {@code highAbove} above and {@code
   * lowBelow} below it.
   */
  private static BarSource bars(int n, long step, long openBelow, long highAbove, long lowBelow) {
    int[] next = {0};
    return BarSource.of(
        into -> {
          into.clear(SimKit.SYMBOL);
          for (; next[0] < n && !into.isFull(); next[0]++) {
            long open = T0 + next[0] * MINUTE;
            long c = 300_000L + step * next[0];
            into.add(open, open + MINUTE - 1, c - openBelow, c + highAbove, c - lowBelow, c, 2, 0);
          }
          return into.size();
        });
  }

  private static SimKit kit() {
    return new SimKit(
        b ->
            b.barMode(true)
                .orderLatency(LatencyModel.fixed(Duration.ofMillis(1)))
                .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(1))));
  }

  @Test
  void quietBarsTakeOneStepAndLeaveTheBookAtTheLastCloseWithEveryKlineOnTime() {
    SimKit k = kit();
    Exchange ex = k.account("a", "10000");
    List<long[]> seen = new ArrayList<>();
    KlineListener l =
        (bar, closed) ->
            seen.add(
                new long[] {
                  bar.openTime(), k.clock.currentTimeMillis(), SimKit.SCALE.toTicks(bar.close())
                });
    ex.streams().klines(SimKit.SYMBOL, KlineInterval.M1, l);
    MarketReplay replay = new MarketReplay(bars(12), k.venue);

    assertThat(replay.runToEnd()).isEqualTo(12);

    assertThat(replay.barsInOneStep()).isEqualTo(12);
    assertThat(k.venue.book(SimKit.SYMBOL).bestBidTicks()).isEqualTo(300_011 - 1);
    assertThat(k.venue.book(SimKit.SYMBOL).bestAskTicks()).isEqualTo(300_011 + 1);
    assertThat(k.venue.markPrice(SimKit.SYMBOL)).isEqualByComparingTo("30001.1");
    assertThat(seen).as("the last bar is visible 1 ms after the data ends").hasSize(11);
    replay.runUntil(T0 + 12 * MINUTE);
    assertThat(seen).hasSize(12);
    for (int i = 0; i < 12; i++) {
      long open = T0 + i * MINUTE;
      assertThat(seen.get(i)).containsExactly(open, open + MINUTE, 300_000 + i); // close + 1 ms
    }
  }

  @Test
  void withZeroMarketDataLatencyEachQuietBarIsSeenAtItsOwnCloseOnTheLane() {
    SimKit k = new SimKit(b -> b.barMode(true)); // zero order and market-data latency
    Exchange ex = k.account("a", "10000");
    List<long[]> seen = new ArrayList<>();
    KlineListener l =
        (bar, closed) -> seen.add(new long[] {bar.openTime(), k.clock.currentTimeMillis()});
    ex.streams().klines(SimKit.SYMBOL, KlineInterval.M1, l);
    MarketReplay replay = new MarketReplay(bars(12), k.venue);

    replay.runToEnd();

    assertThat(replay.barsInOneStep()).isEqualTo(12);
    assertThat(seen).hasSize(12);
    for (int i = 0; i < 12; i++) {
      long open = T0 + i * MINUTE;
      assertThat(seen.get(i)).containsExactly(open, open + MINUTE - 1); // at its close, not later
    }
    assertThat(k.clock.currentTimeMillis()).isEqualTo(T0 + 12 * MINUTE - 1);
  }

  @Test
  void aRestingOrderMakesEveryBarTakeTwoStepsUntilItFills() {
    SimKit k = kit();
    Exchange ex = k.account("a", "10000");
    MarketReplay replay = new MarketReplay(bars(10), k.venue);
    replay.runUntil(T0 + 3 * MINUTE - 1); // three quiet bars
    // a sell at 30,001.2: bar 8's high (30,000.8 + 0.5) is the first to trade through it
    ex.trading()
        .place(OrderRequest.limit(SimKit.SYMBOL, Side.SELL, SimKit.d("0.01"), SimKit.d("30001.2")));

    replay.runToEnd();

    assertThat(k.venue.fills("a")).hasSize(1);
    assertThat(k.venue.fills("a").get(0).time()).isEqualTo(T0 + 9 * MINUTE - 1);
    // one step: bars 0-2 before the order and bar 9 after its fill; two: bars 3-8 (it arrives at
    // bar 3's open, then rests)
    assertThat(replay.barsInOneStep()).isEqualTo(4);
  }

  /** Per bar seen: its open time, the clock and the venue's mark (ticks) when it reached us. */
  private static List<long[]> seenWithLatency(long latencyMillis) {
    SimKit k =
        new SimKit(
            b ->
                b.barMode(true)
                    .orderLatency(LatencyModel.fixed(Duration.ofMillis(1)))
                    .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(latencyMillis))));
    Exchange ex = k.account("a", "10000");
    List<long[]> seen = new ArrayList<>();
    KlineListener l =
        (bar, closed) ->
            seen.add(
                new long[] {
                  bar.openTime(),
                  k.clock.currentTimeMillis(),
                  SimKit.SCALE.toTicks(k.venue.markPrice(SimKit.SYMBOL))
                });
    ex.streams().klines(SimKit.SYMBOL, KlineInterval.M1, l);
    MarketReplay replay = new MarketReplay(bars(8, 10, 3, 0, 3), k.venue);
    replay.runToEnd();
    replay.runUntil(T0 + 9 * MINUTE);
    return seen;
  }

  @Test
  void aBarReleasedAtTheNextOpenIsSeenBeforeThatOpenMovesTheBookAndALaterOneAfter() {
    List<long[]> atNextOpen = seenWithLatency(1);
    List<long[]> later = seenWithLatency(2);

    assertThat(atNextOpen).hasSize(8);
    assertThat(later).hasSize(8);
    for (int i = 0; i < 7; i++) {
      long open = T0 + i * MINUTE;
      long close = 300_000L + 10 * i;
      // released at the next bar's open: the book is still the bar's own close
      assertThat(atNextOpen.get(i)).containsExactly(open, open + MINUTE, close);
      // released 1 ms into the next bar: the book is that bar's open (0.3 below its close)
      assertThat(later.get(i)).containsExactly(open, open + MINUTE + 1, close + 10 - 3);
    }
  }

  @Test
  void aTimerDueAtABarsReleaseRunsBeforeTheBarReachesTheListener() {
    SimKit k = kit();
    Exchange ex = k.account("a", "10000");
    List<String> order = new ArrayList<>();
    ex.streams()
        .klines(
            SimKit.SYMBOL,
            KlineInterval.M1,
            (bar, closed) -> order.add("bar " + (bar.openTime() - T0) / MINUTE));
    long release2 = T0 + 3 * MINUTE; // bar 2 closes 1 ms before, visible after 1 ms
    k.clock.schedule(
        () -> order.add("timer"),
        release2 - k.clock.currentTimeMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
    MarketReplay replay = new MarketReplay(bars(5), k.venue);

    replay.runToEnd();

    assertThat(order).startsWith("bar 0", "bar 1", "timer", "bar 2", "bar 3");
  }
}
