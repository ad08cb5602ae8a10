package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.DepthSynchronizer;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.data.SyntheticMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The visible book a venue builds lazily (checkpoints of the published book, diffs applied only
 * when read) is, at every point it is read, the book that applying every released diff at once
 * gives: across resting orders, takers consuming the book, a gap in the diff chain and the snapshot
 * that resyncs it.
 */
class LazyVisibleBookTest {
  private static final int GAP_AT = 3_000;
  private static final int RESYNC_AT = 4_500;

  @Test
  void lazyVisibleBookEqualsTheBookOfEveryDiffAppliedAsReleasedThroughGapsAndTakers() {
    List<MarketEvent> events = eventsWithGapAndResync();
    Run eager = new Run(true);
    Run lazy = new Run(false);
    int compared = 0;
    for (int i = 0; i < events.size(); i++) {
      MarketEvent e = events.get(i);
      eager.feed(e);
      lazy.feed(e);
      if (i > 200 && i % 400 == 0) {
        eager.trade(i);
        lazy.trade(i);
      }
      if (i % 601 == 0) { // reads further apart than a checkpoint interval
        assertSameBook(lazy.visible(), eager.visible(), i);
        compared++;
      }
    }
    assertSameBook(lazy.visible(), eager.visible(), events.size());
    assertThat(compared).isGreaterThan(20);
    assertThat(lazy.feed().checkpointsUsed())
        .as("checkpoints the lazy book jumped to")
        .isGreaterThan(5);
    assertThat(eager.feed().checkpointsUsed()).as("a listened book applies every diff").isZero();
    assertThat(lazy.fills).as("fills do not depend on the visible book").isEqualTo(eager.fills);
    assertThat(lazy.fills).isPositive();
    assertThat(eager.books).isPositive();
  }

  private static void assertSameBook(OrderBook actual, OrderBook expected, int at) {
    String where = "after event " + at;
    assertThat(actual.lastUpdateId()).as("update id " + where).isEqualTo(expected.lastUpdateId());
    assertThat(actual.timestamp()).as("timestamp " + where).isEqualTo(expected.timestamp());
    for (Side side : Side.values()) {
      assertThat(actual.depth(side)).as(side + " depth " + where).isEqualTo(expected.depth(side));
      for (int j = 0; j < expected.depth(side); j++) {
        assertThat(actual.priceTicks(side, j))
            .as(side + " price " + j + " " + where)
            .isEqualTo(expected.priceTicks(side, j));
        assertThat(actual.quantity(side, j))
            .as(side + " quantity " + j + " " + where)
            .isEqualTo(expected.quantity(side, j));
      }
    }
  }

  /**
   * Synthetic market events with one diff left out (a gap: both books wait for a snapshot) and, a
   * while later, a snapshot of the true book that resyncs them.
   */
  private static List<MarketEvent> eventsWithGapAndResync() {
    List<MarketEvent> out = new ArrayList<>();
    OrderBook truth = new OrderBook(SimKit.SYMBOL, 256);
    DepthSynchronizer sync = new DepthSynchronizer(truth);
    int diffs = 0;
    boolean resynced = false;
    try (SyntheticMarket m =
        new SyntheticMarket(
            SyntheticMarket.Config.builder()
                .seed(11)
                .startTimeMillis(SimKit.T0)
                .duration(Duration.ofMinutes(6))
                .build())) {
      MarketEvent e = new MarketEvent();
      while (m.next(e)) {
        if (e.type() == MarketEvent.Type.DEPTH_UPDATE) {
          diffs++;
          if (diffs >= RESYNC_AT && !resynced) {
            out.add(snapshotOf(truth, e));
            resynced = true;
          }
        }
        sync.onEvent(e);
        if (diffs != GAP_AT || e.type() != MarketEvent.Type.DEPTH_UPDATE) {
          out.add(e.copyOf());
        }
      }
    }
    assertThat(resynced).as("the data reaches the resync").isTrue();
    return out;
  }

  /** A snapshot of {@code book} that the diff {@code next} straddles. */
  private static MarketEvent snapshotOf(OrderBook book, MarketEvent next) {
    MarketEvent s = new MarketEvent();
    s.reset(MarketEvent.Type.DEPTH_SNAPSHOT, SimKit.SYMBOL, next.eventTime(), 0);
    s.updateIds(0, next.firstUpdateId(), 0);
    for (Side side : Side.values()) {
      for (int j = 0; j < book.depth(side); j++) {
        s.addLevel(side, book.priceTicks(side, j), book.quantity(side, j));
      }
    }
    return s;
  }

  /** One venue with a maker and a taker account; {@code listened}: a book listener reads it. */
  private static final class Run {
    final VirtualScheduler clock = new VirtualScheduler(SimKit.T0);
    final SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(SimKit.instrument())
            .queueModel(QueueModel.PROPORTIONAL)
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .build();
    final Exchange maker = venue.openAccount("maker", AccountSetup.usdt(new BigDecimal("1000000")));
    final Exchange taker = venue.openAccount("taker", AccountSetup.usdt(new BigDecimal("1000000")));
    int fills;
    long books;

    Run(boolean listened) {
      maker
          .streams()
          .userEvents(
              new dev.tradekit.api.UserEventListener() {
                @Override
                public void onFill(dev.tradekit.api.model.Fill fill) {
                  fills++;
                }
              });
      if (listened) {
        taker.streams().orderBook(SimKit.SYMBOL, b -> books += b.depth(Side.BUY));
      }
    }

    VisibleFeed feed() {
      return Objects.requireNonNull(venue.feed(SimKit.SYMBOL));
    }

    OrderBook visible() {
      return feed().book();
    }

    void feed(MarketEvent e) {
      long t = Math.max(e.eventTime(), clock.currentTimeMillis());
      long release;
      while ((release = venue.nextVisibleRelease()) <= t) {
        clock.advanceTo(Math.max(release, clock.currentTimeMillis()));
        venue.releaseVisible(clock.currentTimeMillis());
      }
      clock.advanceTo(t);
      venue.onMarketEvent(e);
    }

    /** A post-only ladder at the matcher's touch, and a taker that takes a slice of the book. */
    void trade(int i) {
      SymbolMatcher m = Objects.requireNonNull(venue.matcher(SimKit.SYMBOL));
      if (!m.market.bookUsable() || m.market.book().isEmpty(Side.BUY)) {
        return;
      }
      long bid = m.market.book().bestBidTicks();
      long ask = m.market.book().bestAskTicks();
      for (int k = 0; k < 3; k++) {
        maker
            .trading()
            .place(OrderRequest.postOnly(SimKit.SYMBOL, Side.BUY, SimKit.d("0.5"), price(bid - k)));
        maker
            .trading()
            .place(
                OrderRequest.postOnly(SimKit.SYMBOL, Side.SELL, SimKit.d("0.5"), price(ask + k)));
      }
      Side side = (i / 400) % 2 == 0 ? Side.BUY : Side.SELL;
      taker.trading().place(OrderRequest.market(SimKit.SYMBOL, side, SimKit.d("2")));
      clock.runPending();
    }

    private static BigDecimal price(long ticks) {
      return SimKit.SCALE.toPrice(ticks);
    }
  }
}
