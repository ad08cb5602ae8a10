package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.d;
import static dev.tradekit.backtest.sim.SimKit.ticks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.DepthSynchronizer;
import dev.tradekit.backtest.data.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resting account orders are part of the depth the venue publishes, snapshot and diffs alike. */
class PublicDepthTest {
  private final SimKit kit = new SimKit();
  private final Exchange wall = kit.account("wall", "100000");
  private final Exchange taker = kit.account("taker", "100000");
  private final List<MarketEvent> diffs = new ArrayList<>();

  PublicDepthTest() {
    kit.venue.addDepthListener(e -> diffs.add(e.copyOf()));
    kit.snapshot("99.0", "3", "98.5", "1", "|", "99.5", "2", "100.0", "4");
    kit.depth(Side.SELL, "100.5", "1"); // the first diff: the market book is now synced
  }

  private Order place(Exchange ex, OrderRequest r) {
    return kit.await(ex.trading().place(r));
  }

  @Test
  void aRestingBidIsShownInThePublishedBookAndLeavesItOnCancel() {
    long last = kit.venue.book(SYMBOL).lastUpdateId();
    diffs.clear();
    Order o = place(wall, OrderRequest.limit(SYMBOL, Side.BUY, d("5"), d("98.0")));

    assertThat(diffs).hasSize(1);
    MarketEvent shown = diffs.get(0);
    assertThat(shown.type()).isEqualTo(MarketEvent.Type.DEPTH_UPDATE);
    assertThat(new long[] {shown.firstUpdateId(), shown.lastUpdateId(), shown.prevUpdateId()})
        .containsExactly(last, last, last);
    assertThat(shown.levelCount(Side.BUY)).isEqualTo(1);
    assertThat(shown.levelPriceTicks(Side.BUY, 0)).isEqualTo(ticks("98.0"));
    assertThat(shown.levelQuantity(Side.BUY, 0)).isEqualTo(5.0);
    assertThat(kit.venue.publicBook(SYMBOL).quantityAt(Side.BUY, ticks("98.0"))).isEqualTo(5.0);
    assertThat(kit.venue.book(SYMBOL).quantityAt(Side.BUY, ticks("98.0"))).isZero();
    OrderBookSnapshot seen = kit.await(taker.marketData().orderBook(SYMBOL, 10));
    assertThat(seen.bids()).hasSize(3);
    assertThat(seen.bids().get(2).price()).isEqualByComparingTo("98.0");
    assertThat(seen.bids().get(2).quantity()).isEqualByComparingTo("5");

    kit.await(wall.trading().cancel(OrderRef.byId(SYMBOL, o.orderId())));
    assertThat(diffs).hasSize(2);
    assertThat(diffs.get(1).levelQuantity(Side.BUY, 0)).isZero();
    assertThat(kit.venue.publicBook(SYMBOL).quantityAt(Side.BUY, ticks("98.0"))).isZero();
  }

  @Test
  void recordedDiffsCarryTheAccountQuantityAtTheirLevels() {
    place(wall, OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("99.0")));
    assertThat(diffs.get(diffs.size() - 1).levelQuantity(Side.BUY, 0)).isEqualTo(4.0);
    kit.depth(Side.BUY, "99.0", "2", "98.5", "0");

    MarketEvent recorded = diffs.get(diffs.size() - 1);
    assertThat(recorded.levelQuantity(Side.BUY, 0)).isEqualTo(3.0);
    assertThat(recorded.levelQuantity(Side.BUY, 1)).isZero();
    OrderBookView pub = kit.venue.publicBook(SYMBOL);
    assertThat(pub.quantityAt(Side.BUY, ticks("99.0"))).isEqualTo(3.0);
    assertThat(kit.venue.book(SYMBOL).quantityAt(Side.BUY, ticks("99.0"))).isEqualTo(2.0);
  }

  @Test
  void partialFillsShrinkTheShownQuantityAndAFullFillRemovesIt() {
    place(wall, OrderRequest.limit(SYMBOL, Side.BUY, d("0.010"), d("98.0")));
    kit.trade("98.0", 0.004, true); // nothing ahead at a new level: 4 lots fill

    assertThat(kit.venue.publicBook(SYMBOL).quantityAt(Side.BUY, ticks("98.0")))
        .isCloseTo(0.006, org.assertj.core.data.Offset.offset(1e-12));
    kit.trade("97.9", 1, true); // a trade through the bid fills the rest
    assertThat(kit.venue.publicBook(SYMBOL).quantityAt(Side.BUY, ticks("98.0"))).isZero();
    assertThat(diffs.get(diffs.size() - 1).levelQuantity(Side.BUY, 0)).isZero();
  }

  @Test
  void anAccountOrderIsNotTakenByTheSameOrAnotherAccountsTakerAsIfItWereMarketQuantity() {
    place(wall, OrderRequest.limit(SYMBOL, Side.SELL, d("10"), d("99.5")));
    assertThat(kit.venue.publicBook(SYMBOL).quantityAt(Side.SELL, ticks("99.5"))).isEqualTo(12.0);

    place(taker, OrderRequest.market(SYMBOL, Side.BUY, d("1")));
    // the taker walked the market book: 1 of the recorded 2 went, the wall stays whole
    assertThat(kit.venue.book(SYMBOL).quantityAt(Side.SELL, ticks("99.5"))).isEqualTo(1.0);
    assertThat(kit.venue.publicBook(SYMBOL).quantityAt(Side.SELL, ticks("99.5"))).isEqualTo(11.0);
    assertThat(diffs.get(diffs.size() - 1).levelQuantity(Side.SELL, 0)).isEqualTo(11.0);
  }

  @Test
  void changesBeforeTheFirstDiffAfterASnapshotRideOnThatDiff() {
    kit.snapshot("99.0", "3", "|", "99.5", "2");
    diffs.clear();
    place(wall, OrderRequest.limit(SYMBOL, Side.BUY, d("2"), d("98.0")));
    assertThat(diffs).isEmpty(); // no diff chain to hang it on yet

    kit.depth(Side.SELL, "99.5", "3");
    assertThat(diffs).hasSize(1);
    MarketEvent carried = diffs.get(0);
    assertThat(carried.levelCount(Side.BUY)).isEqualTo(1);
    assertThat(carried.levelPriceTicks(Side.BUY, 0)).isEqualTo(ticks("98.0"));
    assertThat(carried.levelQuantity(Side.BUY, 0)).isEqualTo(2.0);
    assertThat(carried.levelQuantity(Side.SELL, 0)).isEqualTo(3.0);
  }

  @Test
  void aConsumerSyncingByBinanceRulesKeepsThePublishedBookWhereverItTakesItsSnapshot() {
    List<Consumer> consumers = new ArrayList<>();
    consumers.add(new Consumer(kit.venue.publicBook(SYMBOL)));
    Order a = place(wall, OrderRequest.limit(SYMBOL, Side.BUY, d("3"), d("98.5")));
    kit.depth(Side.BUY, "98.5", "2");
    consumers.add(new Consumer(kit.venue.publicBook(SYMBOL)));
    place(wall, OrderRequest.limit(SYMBOL, Side.SELL, d("7"), d("101.0")));
    kit.trade("98.5", 2.5, true); // 1 recorded ahead at placing, so 1.5 of the bid fills
    kit.depth(Side.SELL, "99.5", "0", "100.0", "6");
    consumers.add(new Consumer(kit.venue.publicBook(SYMBOL)));
    kit.await(
        wall.amendment()
            .orElseThrow()
            .amend(
                new AmendRequest(OrderRef.byId(SYMBOL, a.orderId()), Side.BUY, d("3"), d("98.0"))));
    place(taker, OrderRequest.market(SYMBOL, Side.SELL, d("3.5")));
    place(wall, OrderRequest.limit(SYMBOL, Side.BUY, d("4"), d("97.0")));
    kit.depth(Side.BUY, "99.0", "2");
    kit.depth(Side.SELL, "100.0", "4");
    kit.await(wall.trading().cancel(OrderRef.byId(SYMBOL, a.orderId())));

    OrderBookView truth = kit.venue.publicBook(SYMBOL);
    assertThat(truth.quantityAt(Side.BUY, ticks("97.0"))).isEqualTo(4.0);
    assertThat(truth.quantityAt(Side.SELL, ticks("101.0"))).isEqualTo(7.0);
    assertThat(truth.quantityAt(Side.BUY, ticks("98.0"))).isZero();
    for (Consumer c : consumers) {
      c.catchUp();
      assertThat(c.sync.gapCount()).isZero();
      assertSameLevels(c.book, truth);
    }
    OrderBookSnapshot seen = kit.await(taker.marketData().orderBook(SYMBOL, 100));
    assertThat(seen.bids()).hasSize(truth.depth(Side.BUY));
    assertThat(seen.asks()).hasSize(truth.depth(Side.SELL));
    assertThat(seen.bids().get(seen.bids().size() - 1).quantity()).isEqualByComparingTo("4");
  }

  @Test
  void afterARecordedSnapshotTheAccountLevelsAreInItAndNewConsumersSyncAgain() {
    place(wall, OrderRequest.limit(SYMBOL, Side.BUY, d("4"), d("97.0")));
    Consumer old = new Consumer(kit.venue.publicBook(SYMBOL));
    kit.snapshot("99.2", "1", "|", "100.0", "5"); // recorded after a gap in the feed
    Consumer fresh = new Consumer(kit.venue.publicBook(SYMBOL));
    assertThat(kit.venue.publicBook(SYMBOL).quantityAt(Side.BUY, ticks("97.0"))).isEqualTo(4.0);
    kit.depth(Side.BUY, "99.2", "2");
    place(wall, OrderRequest.limit(SYMBOL, Side.SELL, d("1"), d("100.0")));

    old.catchUp();
    fresh.catchUp();
    assertThat(old.sync.gapCount()).as("the old consumer sees the gap and must resync").isOne();
    assertThat(fresh.sync.gapCount()).isZero();
    assertSameLevels(fresh.book, kit.venue.publicBook(SYMBOL));
    assertThat(fresh.book.quantityAt(Side.SELL, ticks("100.0"))).isEqualTo(6.0);
    OrderBookSnapshot seen = kit.await(taker.marketData().orderBook(SYMBOL, 10));
    assertThat(seen.bids().get(1).price()).isEqualByComparingTo("97.0");
  }

  private static void assertSameLevels(OrderBookView actual, OrderBookView expected) {
    for (Side side : Side.values()) {
      assertThat(actual.depth(side)).as(side + " depth").isEqualTo(expected.depth(side));
      for (int i = 0; i < expected.depth(side); i++) {
        assertThat(actual.priceTicks(side, i)).isEqualTo(expected.priceTicks(side, i));
        assertThat(actual.quantity(side, i))
            .isCloseTo(expected.quantity(side, i), org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }

  /**
   * A depth consumer that buffered the last few diffs, took a REST-like snapshot of the published
   * book, and then follows the published diffs by Binance's rules.
   */
  private final class Consumer {
    final OrderBook book = new OrderBook(SYMBOL, 16);
    final DepthSynchronizer sync = new DepthSynchronizer(book);
    private int next;

    Consumer(OrderBookView snapshot) {
      for (int i = Math.max(0, diffs.size() - 3); i < diffs.size(); i++) {
        sync.onEvent(diffs.get(i));
      }
      MarketEvent s =
          new MarketEvent()
              .reset(MarketEvent.Type.DEPTH_SNAPSHOT, SYMBOL, kit.now(), 0)
              .updateIds(0, snapshot.lastUpdateId(), 0);
      for (Side side : Side.values()) {
        for (int i = 0; i < snapshot.depth(side); i++) {
          s.addLevel(side, snapshot.priceTicks(side, i), snapshot.quantity(side, i));
        }
      }
      sync.onEvent(s);
      next = diffs.size();
    }

    void catchUp() {
      for (; next < diffs.size(); next++) {
        sync.onEvent(diffs.get(next));
      }
    }
  }
}
