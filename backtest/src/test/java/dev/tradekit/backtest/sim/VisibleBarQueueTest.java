package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.KlineListener;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.data.BarColumns;
import dev.tradekit.backtest.data.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Bars queued as numbers in a {@link VisibleFeed} ({@link VisibleFeed#offerBar}): they share the
 * FIFO of the other delayed events, whatever the latencies, and reach the kline feeds at their
 * release with their numbers intact; the venue-wide earliest release follows the queue.
 */
class VisibleBarQueueTest {
  private static final long MINUTE = 60_000;
  private static final long T0 = SimKit.T0 - SimKit.T0 % MINUTE;

  private final SymbolMarket market = new SymbolMarket(SimKit.instrument());
  private final VisibleFeed.Releases releases = new VisibleFeed.Releases();
  private final VisibleFeed feed = new VisibleFeed(market, releases);
  private final List<String> seen = new ArrayList<>();
  private final BarColumns bars = new BarColumns(8).clear(SimKit.SYMBOL);
  private long now = T0;

  VisibleBarQueueTest() {
    KlineListener.Numeric klines =
        new KlineListener.Numeric() {
          @Override
          public void onBar(
              long openTime,
              long closeTime,
              double o,
              double h,
              double l,
              double c,
              double volume,
              boolean closed) {
            seen.add(
                "bar "
                    + (openTime - T0) / MINUTE
                    + " o="
                    + o
                    + " h="
                    + h
                    + " l="
                    + l
                    + " c="
                    + c
                    + " v="
                    + volume
                    + " closed="
                    + closed
                    + " @"
                    + (now - T0));
          }

          @Override
          public void onKline(Kline kline, boolean closed) {
            throw new AssertionError("a numeric listener gets numbers, not " + kline);
          }
        };
    feed.klineListeners.add(feed.klineFeed(KlineInterval.M1, klines));
    feed.tickerListeners.add(t -> seen.add("ticker " + t.updateId() + " @" + (now - T0)));
    for (int i = 0; i < 4; i++) {
      long open = T0 + i * MINUTE;
      long c = 300_000 + 10L * i;
      bars.add(open, open + MINUTE - 1, c - 1, c + 5, c - 6, c, 2 + i, 0);
    }
  }

  private MarketEvent ticker(long id) {
    return new MarketEvent()
        .reset(MarketEvent.Type.BOOK_TICKER, SimKit.SYMBOL, now, now * 1_000_000L)
        .updateIds(0, id, 0)
        .bookTicker(299_990, 1, 300_010, 1);
  }

  /** Moves time to {@code end}, releasing at each release time on the way, as a replay does. */
  private void releaseUpTo(long end) {
    while (releases.next <= end) {
      now = Math.max(now, releases.next);
      feed.release(now);
      releases.next = feed.nextRelease(); // what the venue does after a release
    }
    now = end;
  }

  @Test
  void barsQueuedAsNumbersKeepTheirPlaceAmongOtherEventsUnderChangingLatencies() {
    now = T0 + MINUTE - 1; // bar 0 closes
    feed.offerBar(bars, 0, now, 5);
    assertThat(releases.next)
        .as("the first queued event sets the earliest release")
        .isEqualTo(now + 5);
    feed.offer(ticker(1), now, 1); // shorter latency: still behind the bar
    now = T0 + MINUTE + 2;
    feed.offer(ticker(2), now, 10);
    now = T0 + 2 * MINUTE - 1; // bar 1 closes, latency 0 but two events wait: it waits its turn
    feed.offerBar(bars, 1, now, 0);
    assertThat(feed.queued()).isEqualTo(4);
    assertThat(seen).isEmpty();

    now = T0 + MINUTE - 1;
    releaseUpTo(T0 + 2 * MINUTE - 1);

    assertThat(seen)
        .containsExactly(
            "bar 0 o=29999.9 h=30000.5 l=29999.4 c=30000.0 v=2.0 closed=true @60004",
            "ticker 1 @60004",
            "ticker 2 @60012",
            "bar 1 o=30000.9 h=30001.5 l=30000.4 c=30001.0 v=3.0 closed=true @119999");
    assertThat(feed.queued()).isZero();
    assertThat(feed.lastTradeTicks()).isEqualTo(300_010);
    assertThat(releases.next).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aZeroLatencyBarOnAnEmptyQueueIsVisibleAtOnceAndALaterOneWaitsForTheQueue() {
    now = T0 + MINUTE - 1;
    feed.offerBar(bars, 0, now, 0);
    assertThat(seen)
        .containsExactly("bar 0 o=29999.9 h=30000.5 l=29999.4 c=30000.0 v=2.0 closed=true @59999");
    assertThat(feed.queued()).isZero();
    assertThat(releases.next).isEqualTo(Long.MAX_VALUE);

    now = T0 + 2 * MINUTE - 3;
    feed.offer(ticker(7), now, 3);
    now = T0 + 2 * MINUTE - 1;
    feed.offerBar(bars, 1, now, 0);
    feed.offerBar(bars, 2, T0 + 3 * MINUTE - 1, 1);
    assertThat(seen).hasSize(1);
    assertThat(releases.next).isEqualTo(T0 + 2 * MINUTE);

    releaseUpTo(T0 + 3 * MINUTE);

    assertThat(seen)
        .containsExactly(
            "bar 0 o=29999.9 h=30000.5 l=29999.4 c=30000.0 v=2.0 closed=true @59999",
            "ticker 7 @120000",
            "bar 1 o=30000.9 h=30001.5 l=30000.4 c=30001.0 v=3.0 closed=true @120000",
            "bar 2 o=30001.9 h=30002.5 l=30001.4 c=30002.0 v=4.0 closed=true @180000");
  }

  @Test
  void barRowsSurviveTheRingGrowingWhileManyWaitInOrderWithEvents() {
    int n = 300; // more than the ring's first 64 slots
    BarColumns many = new BarColumns(n).clear(SimKit.SYMBOL);
    for (int i = 0; i < n; i++) {
      long open = T0 + i * MINUTE;
      many.add(open, open + MINUTE - 1, 300_000 + i, 300_000 + i, 300_000 + i, 300_000 + i, 1, 0);
    }
    for (int i = 0; i < n; i++) {
      now = T0 + (i + 1) * MINUTE - 1;
      feed.offerBar(many, i, now, 1_000 * MINUTE); // nothing released while they are queued
      if (i % 7 == 0) {
        feed.offer(ticker(i), now, 1);
      }
    }
    assertThat(feed.queued()).isEqualTo(n + (n + 6) / 7);

    releaseUpTo(T0 + 1_000 * MINUTE + n * MINUTE);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long releasedAt = (i + 1) * MINUTE - 1 + 1_000 * MINUTE;
      String c = String.format(Locale.ROOT, "%.1f", (300_000 + i) / 10.0);
      expected.add(
          "bar "
              + i
              + " o="
              + c
              + " h="
              + c
              + " l="
              + c
              + " c="
              + c
              + " v=1.0 closed=true @"
              + releasedAt);
      if (i % 7 == 0) {
        expected.add("ticker " + i + " @" + releasedAt);
      }
    }
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void aBarWaitingAloneKeepsAZeroLatencyEventBehindItAndEachBarIsReleasedAtTheNextOpen() {
    now = T0 + MINUTE - 1;
    feed.offerBar(bars, 0, now, 1); // the queue is empty: the bar waits alone
    assertThat(feed.queued()).isOne();
    assertThat(feed.nextRelease()).isEqualTo(T0 + MINUTE);
    assertThat(releases.next).isEqualTo(T0 + MINUTE);
    feed.offer(ticker(3), now, 0); // zero latency, but the bar came first: it waits behind it
    assertThat(seen).isEmpty();
    assertThat(feed.queued()).isEqualTo(2);

    releaseUpTo(T0 + MINUTE); // bar 1's open
    for (int i = 1; i < 4; i++) { // the steady state of a bar strategy: one bar waiting at a time
      now = T0 + (i + 1) * MINUTE - 1;
      feed.offerBar(bars, i, now, 1);
      assertThat(feed.queued()).isOne();
      releaseUpTo(now + 1);
    }

    assertThat(seen)
        .containsExactly(
            "bar 0 o=29999.9 h=30000.5 l=29999.4 c=30000.0 v=2.0 closed=true @60000",
            "ticker 3 @60000",
            "bar 1 o=30000.9 h=30001.5 l=30000.4 c=30001.0 v=3.0 closed=true @120000",
            "bar 2 o=30001.9 h=30002.5 l=30001.4 c=30002.0 v=4.0 closed=true @180000",
            "bar 3 o=30002.9 h=30003.5 l=30002.4 c=30003.0 v=5.0 closed=true @240000");
    assertThat(feed.queued()).isZero();
    assertThat(feed.lastTradeTicks()).isEqualTo(300_030);
    assertThat(releases.next).isEqualTo(Long.MAX_VALUE);
  }
}
