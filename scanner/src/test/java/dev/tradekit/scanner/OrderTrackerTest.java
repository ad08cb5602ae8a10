package dev.tradekit.scanner;

import static dev.tradekit.scanner.TestBooks.SCALE;
import static dev.tradekit.scanner.TestBooks.book;
import static dev.tradekit.scanner.TestBooks.flat;
import static dev.tradekit.scanner.TestBooks.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The life rules: identity, survival, death, resurrection, promotion and release. */
class OrderTrackerTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final double[] FLAT = flat(20, 1);

  private final List<String> log = new ArrayList<>();
  private final OrderTracker tracker =
      new OrderTracker(
          new LargeOrderDetector(3.5, 10, 20),
          new VolatilityTracker(),
          0.70,
          60_000,
          new OrderTracker.Events() {
            @Override
            public void detected(TrackedOrder o) {
              log.add("detected " + o.priceTicks + " " + o.id);
            }

            @Override
            public void promoted(TrackedOrder o) {
              log.add("promoted " + o.priceTicks);
            }

            @Override
            public void sighted(TrackedOrder o) {
              log.add("sighted " + o.priceTicks);
            }

            @Override
            public void died(TrackedOrder o, boolean wasHot) {
              log.add("died " + o.priceTicks + (wasHot ? " hot " : " ") + o.outcome);
            }

            @Override
            public void released(String symbol) {
              log.add("released " + symbol);
            }
          });

  private void observe(OrderBook b, long at) {
    tracker.observe("X", b, SCALE, false, 0, at);
  }

  private static OrderBook bidWall(int level, double q) {
    return book("X", 1000, with(FLAT, level, q), FLAT);
  }

  private TrackedOrder only() {
    assertThat(tracker.orders("X")).hasSize(1);
    return tracker.orders("X").get(0);
  }

  @Test
  void identityHashesSymbolSidePriceAndFirstSeen() {
    observe(bidWall(3, 20), T0);
    TrackedOrder o = only();
    assertThat(o.id).isEqualTo(OrderIds.of("X", Side.BUY, new BigDecimal("99.7"), T0));
    assertThat(o.id).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(OrderIds.of("X", Side.BUY, new BigDecimal("99.70"), T0)).isEqualTo(o.id);
    assertThat(OrderIds.of("X", Side.SELL, new BigDecimal("99.7"), T0)).isNotEqualTo(o.id);
    assertThat(OrderIds.of("X", Side.BUY, new BigDecimal("99.7"), T0 + 1)).isNotEqualTo(o.id);
    assertThat(OrderIds.of("Y", Side.BUY, new BigDecimal("99.7"), T0)).isNotEqualTo(o.id);
    observe(bidWall(3, 20), T0 + 5_000);
    assertThat(only().id).isEqualTo(o.id); // same order, same id
    assertThat(only().firstSeen).isEqualTo(T0);
    assertThat(only().lastSeen).isEqualTo(T0 + 5_000);
  }

  @Test
  void survivesLosingUpToSeventyPercent() {
    observe(bidWall(3, 20), T0);
    observe(bidWall(3, 6), T0 + 1_000); // kept exactly 30 %: lost 70 %, not more
    assertThat(only().quantity).isEqualTo(6);
    assertThat(only().isLive()).isTrue();
    observe(bidWall(3, 5.99), T0 + 2_000);
    assertThat(tracker.orders("X")).isEmpty();
    assertThat(log).contains("died 997 UNKNOWN", "released X");
  }

  @Test
  void diesWhenItsLevelVanishesOrMovesAndReappearingIsANewOrder() {
    observe(bidWall(3, 20), T0);
    String first = only().id;
    observe(bidWall(4, 20), T0 + 1_000); // moved one tick down: old one dies, new one not yet
    assertThat(log).contains("died 997 UNKNOWN");
    assertThat(only().priceTicks).isEqualTo(996);
    observe(bidWall(3, 20), T0 + 2_000); // back at 99.7: a new order with a new id
    List<TrackedOrder> live = tracker.orders("X");
    assertThat(live).extracting(o -> o.priceTicks).containsExactlyInAnyOrder(997L);
    assertThat(live.get(0).id).isNotEqualTo(first);
    assertThat(live.get(0).firstSeen).isEqualTo(T0 + 2_000);
  }

  @Test
  void anOrderThatDiesIsNotRebornInTheSameBook() {
    observe(bidWall(3, 100), T0);
    observe(bidWall(3, 25), T0 + 1_000); // lost 75 %: dies, though 25 is still a wall
    assertThat(tracker.orders("X")).isEmpty();
    observe(bidWall(3, 25), T0 + 2_000);
    assertThat(only().firstSeen).isEqualTo(T0 + 2_000);
  }

  @Test
  void promotesACandidateOlderThanThePromotionAge() {
    observe(bidWall(3, 20), T0);
    observe(bidWall(3, 20), T0 + 60_000); // exactly 60 s: not older
    assertThat(only().stage).isEqualTo(LargeOrder.Stage.CANDIDATE);
    observe(bidWall(3, 20), T0 + 60_001);
    assertThat(only().stage).isEqualTo(LargeOrder.Stage.HOT);
    observe(bidWall(3, 18), T0 + 61_000);
    assertThat(log).containsSubsequence("promoted 997", "sighted 997");
    observe(book("X", 1000, FLAT, FLAT), T0 + 62_000);
    assertThat(log).contains("died 997 hot UNKNOWN");
  }

  @Test
  void aPartialSnapshotSaysNothingBeyondItsWorstLevel() {
    observe(bidWall(15, 30), T0);
    // Price moved up 10 ticks: the 20-level snapshot now ends above the wall's price.
    OrderBook shifted = book("X", 1010, FLAT, FLAT);
    observe(shifted, T0 + 1_000);
    assertThat(only().priceTicks).isEqualTo(985);
    assertThat(only().lastSeen).isEqualTo(T0);
    // A complete local book without the level is proof that it is gone.
    tracker.observe("X", shifted, SCALE, true, 0, T0 + 2_000);
    assertThat(tracker.orders("X")).isEmpty();
  }

  @Test
  void tellsFilledFromPulledByTradesAtThePrice() {
    tracker.followTrades("X", true);
    observe(bidWall(3, 20), T0);
    tracker.onTrade("X", 997, 6);
    tracker.onTrade("X", 998, 50); // another price: irrelevant
    tracker.onTrade("X", 997, 4); // 10 of 20 traded at the wall's price
    observe(book("X", 1000, FLAT, FLAT), T0 + 1_000);
    assertThat(log).contains("died 997 FILLED");

    observe(bidWall(5, 20), T0 + 2_000);
    tracker.onTrade("X", 995, 9.9);
    observe(book("X", 1000, FLAT, FLAT), T0 + 3_000);
    assertThat(log).contains("died 995 PULLED");
  }

  @Test
  void releasesTheSymbolWhenItsLastOrderDies() {
    observe(book("X", 1000, with(FLAT, 3, 20), with(FLAT, 2, 20)), T0);
    assertThat(tracker.orders("X")).hasSize(2);
    observe(bidWall(3, 20), T0 + 1_000);
    assertThat(log).doesNotContain("released X");
    observe(book("X", 1000, FLAT, FLAT), T0 + 2_000);
    assertThat(log).last().isEqualTo("released X");
    assertThat(tracker.symbols()).isEmpty();
  }

  @Test
  void restoredOrdersKeepTheirIdentity() {
    LargeOrder saved =
        new LargeOrder(
            OrderIds.of("X", Side.BUY, new BigDecimal("99.7"), T0 - 120_000),
            "X",
            Side.BUY,
            new BigDecimal("99.7"),
            20,
            20,
            T0 - 120_000,
            T0 - 1_000,
            LargeOrder.Stage.HOT);
    assertThat(tracker.restore(new TrackedOrder(saved, 997))).isTrue();
    assertThat(tracker.restore(new TrackedOrder(saved, 997))).isFalse();
    observe(bidWall(3, 20), T0);
    assertThat(only().id).isEqualTo(saved.id());
    assertThat(log).containsExactly("sighted 997");
  }
}
