package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.fake.FakeExchange;
import dev.tradekit.copier.fake.FaultyExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeCopierTest {
  private final CopierFixture fx = new CopierFixture();
  private final CopyJournal journal = CopyJournals.inMemory();

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  private TradeCopier twoFollowers() {
    FakeExchange a = fx.follower("alice", "10000");
    FakeExchange b = fx.follower("bob", "10000");
    return fx.start(
        journal,
        Map.of("alice", a, "bob", b),
        Map.of(
            "alice", CopyPolicies.fixedRatio(bd("0.1")), "bob", CopyPolicies.fixedRatio(bd("0.5"))),
        x -> x);
  }

  @Test
  void copiesOpensAddsPartialClosesAndClosesByTheSameFraction() {
    twoFollowers();
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(fx.pos("bob", "BTCUSDT")).isEqualByComparingTo("0.5");
    fx.trade("BTCUSDT", Side.BUY, "0.5");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.15");
    assertThat(fx.pos("bob", "BTCUSDT")).isEqualByComparingTo("0.75");
    // leader 1.5 -> 1.2: a fifth off; alice 0.15 -> 0.12, bob 0.75 -> 0.6
    fx.trade("BTCUSDT", Side.SELL, "0.3");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.12");
    assertThat(fx.pos("bob", "BTCUSDT")).isEqualByComparingTo("0.6");
    fx.trade("BTCUSDT", Side.SELL, "1.2");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(fx.pos("bob", "BTCUSDT")).isZero();
    assertThat(fx.events)
        .containsSubsequence(
            "fill BTCUSDT OPEN",
            "fill BTCUSDT INCREASE",
            "fill BTCUSDT REDUCE",
            "fill BTCUSDT CLOSE");
    assertThat(journal.count(HistoryQuery.builder().status(CopyStatus.COPIED).build()))
        .isEqualTo(8);
    assertThat(journal.symbolStats()).containsExactly(new SymbolStats("BTCUSDT", 4, 8, 0, 0, 0, 0));
    assertThat(fx.ex("alice").placedOrders())
        .allSatisfy(o -> assertThat(o.clientOrderId()).startsWith("tkc"));
    assertThat(fx.ex("alice").placedOrders().get(2).reduceOnly()).isTrue();
  }

  @Test
  void flipClosesTheCopiedSideThenReopensTheOther() {
    twoFollowers();
    fx.trade("BTCUSDT", Side.BUY, "1");
    fx.trade("BTCUSDT", Side.SELL, "3");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("-0.2");
    assertThat(fx.pos("bob", "BTCUSDT")).isEqualByComparingTo("-1");
    var aliceOrders = fx.ex("alice").placedOrders();
    assertThat(aliceOrders).hasSize(3);
    assertThat(aliceOrders.get(1).reduceOnly()).isTrue();
    assertThat(aliceOrders.get(1).quantity()).isEqualByComparingTo("0.1");
    assertThat(aliceOrders.get(2).reduceOnly()).isFalse();
    assertThat(aliceOrders.get(2).quantity()).isEqualByComparingTo("0.2");
  }

  @Test
  void flipWithoutReopenOnlyCloses() {
    FakeExchange a = fx.follower("alice", "10000");
    fx.start(
        journal,
        Map.of("alice", a),
        Map.of(
            "alice", CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.reopenOnFlip(false))),
        x -> x);
    fx.trade("BTCUSDT", Side.BUY, "1");
    fx.trade("BTCUSDT", Side.SELL, "3");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(journal.count(HistoryQuery.ALL)).isEqualTo(2);
  }

  @Test
  void copiesSeveralSymbolsIndependently() {
    twoFollowers();
    fx.trade("BTCUSDT", Side.BUY, "1");
    fx.trade("ETHUSDT", Side.SELL, "10");
    fx.trade("BTCUSDT", Side.SELL, "0.5");
    assertThat(fx.pos("alice", "ETHUSDT")).isEqualByComparingTo("-1");
    assertThat(fx.pos("bob", "ETHUSDT")).isEqualByComparingTo("-5");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.05");
    assertThat(journal.copiedPosition("bob", "ETHUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("-5");
  }

  @Test
  void fillsBeforeTheStartPointAreNeverCopied() {
    FakeExchange a = fx.follower("alice", "10000");
    fx.leader.trade("BTCUSDT", Side.BUY, "2", PositionSide.BOTH, true);
    fx.clock.advanceBy(Duration.ofSeconds(1));
    fx.start(
        journal, Map.of("alice", a), Map.of("alice", CopyPolicies.fixedRatio(bd("0.1"))), x -> x);
    fx.clock.advanceBy(Duration.ofMinutes(1)); // catch-ups run; the old fill stays uncopied
    assertThat(journal.count(HistoryQuery.ALL)).isZero();
    assertThat(journal.startPoint()).isPresent();
    fx.trade("BTCUSDT", Side.SELL, "1"); // reduces a position opened before the start
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(journal.recent(1).get(0).reason())
        .isEqualTo("no copied position in BTCUSDT BOTH to reduce or close");
    assertThat(journal.recent(1).get(0).action()).isEqualTo(CopyAction.REDUCE);
  }

  @Test
  void duplicatedStreamFillsAreCopiedOnceAndDroppedOnesAreCaughtUp() {
    FakeExchange a = fx.follower("alice", "10000");
    FaultyExchange faultyLeader = new FaultyExchange(fx.leader);
    int[] n = {0};
    faultyLeader.onStream(
        f -> n[0]++ == 0 ? FaultyExchange.StreamFault.DUPLICATE : FaultyExchange.StreamFault.DROP);
    TradeCopier.Builder b =
        TradeCopier.builder()
            .leader(faultyLeader)
            .journal(journal)
            .scheduler(fx.clock)
            .follower("alice", a, CopyPolicies.fixedRatio(bd("0.1")));
    b.build().start();
    fx.clock.advanceBy(Duration.ofMillis(10));
    fx.trade("BTCUSDT", Side.BUY, "1"); // delivered twice
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    fx.trade("BTCUSDT", Side.BUY, "1"); // dropped: found by the periodic catch-up
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    fx.clock.advanceBy(Duration.ofSeconds(30));
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.2");
    assertThat(a.placedOrders()).hasSize(2);
  }

  @Test
  void reconnectTriggersACatchUpAtOnce() {
    FakeExchange a = fx.follower("alice", "10000");
    FaultyExchange faultyLeader =
        new FaultyExchange(fx.leader).onStream(f -> FaultyExchange.StreamFault.DROP_THEN_RECONNECT);
    TradeCopier.builder()
        .leader(faultyLeader)
        .journal(journal)
        .scheduler(fx.clock)
        .follower("alice", a, CopyPolicies.fixedRatio(bd("0.1")))
        .build()
        .start();
    fx.clock.advanceBy(Duration.ofMillis(10));
    fx.trade("ETHUSDT", Side.BUY, "2");
    assertThat(fx.pos("alice", "ETHUSDT")).isEqualByComparingTo("0.2");
  }

  @Test
  void pollingOnlyCopiesOnThePollPeriod() {
    FakeExchange a = fx.follower("alice", "10000");
    fx.start(
        journal,
        Map.of("alice", a),
        Map.of("alice", CopyPolicies.fixedRatio(bd("0.1"))),
        x ->
            x.mode(DetectionMode.POLLING_ONLY)
                .catchUpPeriod(Duration.ofSeconds(5))
                .symbols("BTCUSDT"));
    fx.leader.trade("BTCUSDT", Side.BUY, "1", PositionSide.BOTH, false);
    fx.clock.advanceBy(Duration.ofSeconds(4));
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    fx.clock.advanceBy(Duration.ofSeconds(2));
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
  }

  @Test
  void aReductionFilledInPiecesEndsExactlyAtTheRatioWithoutAggregation() {
    FakeExchange a = fx.follower("alice", "100000");
    fx.start(
        journal, Map.of("alice", a), Map.of("alice", CopyPolicies.fixedRatio(bd("0.5"))), x -> x);
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.5");
    // one leader order takes 1 -> 0.6 in 0.363 + 0.037; sized per piece from the copied position
    // and rounded on its own, alice would hold 0.319 then 0.301: a lot above her half
    leaderPiece("r-0", "reduce-order", Side.SELL, "0.363");
    fx.settle();
    assertThat(journal.targetPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.3185");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.318");
    leaderPiece("r-1", "reduce-order", Side.SELL, "0.037");
    fx.settle();
    assertThat(journal.targetPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.3");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.3");
    assertThat(a.placedOrders())
        .extracting(o -> o.quantity().toPlainString())
        .containsExactly("0.5", "0.182", "0.018");
  }

  @Test
  void smallCopiesAddUpInTheTargetUntilTheyMakeALot() {
    FakeExchange a = fx.follower("alice", "10000");
    fx.start(
        journal, Map.of("alice", a), Map.of("alice", CopyPolicies.fixedRatio(bd("0.1"))), x -> x);
    // each 0.004 * 0.1 = 0.0004 is below the lot of 0.001; the third fill makes one
    for (int i = 0; i < 3; i++) {
      leaderPiece("s" + i, "o" + i, Side.BUY, "0.004");
      fx.settle();
    }
    assertThat(a.placedOrders())
        .singleElement()
        .satisfies(o -> assertThat(o.quantity()).isEqualByComparingTo("0.001"));
    assertThat(journal.targetPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.0012");
    assertThat(journal.count(HistoryQuery.builder().status(CopyStatus.SKIPPED).build()))
        .isEqualTo(2);
    // the leader closes: the follower is flat exactly, and so is its target
    leaderPiece("s3", "o3", Side.SELL, "0.012");
    fx.settle();
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(journal.targetPosition("alice", "BTCUSDT", PositionSide.BOTH)).isZero();
  }

  private FakeExchange aliceCopiesATenthAggregatedWithin500ms() {
    FakeExchange a = fx.follower("alice", "10000");
    fx.start(
        journal,
        Map.of("alice", a),
        Map.of(
            "alice",
            CopyPolicies.fixedRatio(bd("0.1"))
                .andThen(CopyPolicies.aggregateWithin(Duration.ofMillis(500)))),
        x -> x);
    return a;
  }

  /** The leader's stream reports one piece of a leader order, now, at 60000. */
  private void leaderPiece(String tradeId, String orderId, Side side, String qty) {
    fx.leader.pushFill(
        dev.tradekit.api.model.Fill.builder()
            .symbol("BTCUSDT")
            .tradeId(tradeId)
            .orderId(orderId)
            .side(side)
            .price(bd("60000"))
            .quantity(bd(qty))
            .commissionAsset("USDT")
            .time(fx.clock.currentTimeMillis())
            .build());
  }

  @Test
  void aggregatesPartialFillsOfOneLeaderOrderWithinTheWindow() {
    FakeExchange a = aliceCopiesATenthAggregatedWithin500ms();
    // three fills of one leader order: each 0.004 * 0.1 = 0.0004 would round to 0 on its own
    var f1 = fx.leader.trade("BTCUSDT", Side.BUY, "0.004", PositionSide.BOTH, true);
    for (int i = 0; i < 3; i++) {
      leaderPiece("p" + i, "big-order", Side.BUY, "0.004");
      fx.clock.advanceBy(Duration.ofMillis(100));
    }
    fx.clock.advanceBy(Duration.ofSeconds(1));
    assertThat(f1).isNotNull();
    assertThat(a.placedOrders()).hasSize(1);
    assertThat(a.placedOrders().get(0).quantity()).isEqualByComparingTo("0.001");
    assertThat(journal.count(HistoryQuery.builder().status(CopyStatus.MERGED).build()))
        .isEqualTo(2);
  }

  @Test
  void aggregatesTheReopeningLegOfAFlipWithTheRestOfItsOrder() {
    FakeExchange a = aliceCopiesATenthAggregatedWithin500ms();
    fx.trade("BTCUSDT", Side.BUY, "0.24");
    fx.clock.advanceBy(Duration.ofSeconds(1));
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.024");
    // one leader order flips 0.24 -> -0.16 in two fills: copied one by one, each rounded down to
    // the lot, the short would be 0.012 + 0.003 = 0.015 instead of a tenth of 0.16
    String[] pieces = {"0.363", "0.037"};
    for (int i = 0; i < pieces.length; i++) {
      leaderPiece("flip-" + i, "flip-order", Side.SELL, pieces[i]);
      fx.clock.advanceBy(Duration.ofMillis(10));
    }
    fx.clock.advanceBy(Duration.ofSeconds(1));
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("-0.016");
    var orders = a.placedOrders();
    assertThat(orders).hasSize(3);
    assertThat(orders.get(1).reduceOnly()).isTrue();
    assertThat(orders.get(1).quantity()).isEqualByComparingTo("0.024");
    assertThat(orders.get(2).reduceOnly()).isFalse();
    assertThat(orders.get(2).quantity()).isEqualByComparingTo("0.016");
    assertThat(journal.count(HistoryQuery.builder().status(CopyStatus.MERGED).build()))
        .isEqualTo(1);
  }

  @Test
  void hedgeModeFollowerOpensAndClosesTheRightLeg() {
    FakeExchange a = fx.follower("alice", "10000");
    a.setMode(PositionMode.HEDGE);
    fx.start(
        journal,
        Map.of("alice", (Exchange) a),
        Map.of("alice", CopyPolicies.fixedRatio(bd("0.5"))),
        x -> x);
    fx.trade("BTCUSDT", Side.SELL, "1");
    assertThat(a.position("BTCUSDT", PositionSide.SHORT)).isEqualByComparingTo("-0.5");
    fx.trade("BTCUSDT", Side.BUY, "0.5");
    assertThat(a.position("BTCUSDT", PositionSide.SHORT)).isEqualByComparingTo("-0.25");
    fx.trade("BTCUSDT", Side.BUY, "0.5");
    assertThat(a.position("BTCUSDT", PositionSide.SHORT)).isZero();
    assertThat(a.position("BTCUSDT", PositionSide.LONG)).isZero();
    assertThat(a.placedOrders())
        .noneMatch(o -> o.reduceOnly() || o.positionSide() == PositionSide.BOTH);
  }

  @Test
  void hedgeModeLeaderLegsAreCopiedSeparately() {
    FakeExchange a = fx.follower("alice", "10000");
    a.setMode(PositionMode.HEDGE);
    fx.leader.setMode(PositionMode.HEDGE);
    fx.start(
        journal,
        Map.of("alice", (Exchange) a),
        Map.of("alice", CopyPolicies.fixedRatio(bd("0.1"))),
        x -> x);
    fx.leader.trade("BTCUSDT", Side.BUY, "1", PositionSide.LONG, false);
    fx.leader.trade("BTCUSDT", Side.SELL, "2", PositionSide.SHORT, false);
    fx.settle();
    fx.leader.trade(
        "BTCUSDT", Side.SELL, "1", PositionSide.LONG, false); // closes the long leg only
    fx.settle();
    assertThat(a.position("BTCUSDT", PositionSide.LONG)).isZero();
    assertThat(a.position("BTCUSDT", PositionSide.SHORT)).isEqualByComparingTo("-0.2");
  }
}
