package dev.tradekit.copier.internal;

import static dev.tradekit.copier.internal.TestRecords.bd;
import static dev.tradekit.copier.internal.TestRecords.oneWay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.HistoryQuery;
import dev.tradekit.copier.SymbolStats;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every journal backend must do; subclasses give the backend. */
abstract class JournalContract {

  /** A fresh, empty journal. */
  abstract JournalStore journal();

  static Fill fill(long seq, Side side, String qty) {
    return Fill.builder()
        .symbol("BTCUSDT")
        .tradeId("t" + seq)
        .orderId("o1")
        .side(side)
        .price(bd("60000"))
        .quantity(bd(qty))
        .commissionAsset("USDT")
        .time(1_000 + seq)
        .build();
  }

  static LeaderFillRow row(
      long seq, Side side, String qty, CopyAction action, String before, String after) {
    return new LeaderFillRow(fill(seq, side, qty), seq, action, bd(before), bd(after), 2_000 + seq);
  }

  static Order filled(CopyRecord r, String executed) {
    return Order.builder()
        .symbol(r.symbol())
        .orderId("f-" + r.seq())
        .clientOrderId(r.clientOrderId())
        .side(r.side())
        .type(OrderType.MARKET)
        .quantity(bd(executed))
        .executedQuantity(bd(executed))
        .averagePrice(bd("60001.5"))
        .status(OrderStatus.FILLED)
        .build();
  }

  @Test
  void initializesTheStartPointOnce() {
    JournalStore j = journal();
    assertThat(j.startPoint()).isEmpty();
    assertThat(j.watermark("BTCUSDT")).isZero();
    PositionKey k = new PositionKey("BTCUSDT", PositionSide.BOTH);
    j.initialize(500, Map.of(k, bd("1.5")));
    j.initialize(900, Map.of(k, bd("9")));
    assertThat(j.startPoint()).hasValue(500);
    assertThat(j.leaderPositions()).containsEntry(k, bd("1.5"));
    assertThat(j.watermark("BTCUSDT")).isEqualTo(500);
    assertThat(j.knownSymbols()).containsExactly("BTCUSDT");
  }

  @Test
  void recordsALeaderFillOnceWithItsCopies() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    CopyRecord copy = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.5", "0", "0.5");
    assertThat(
            j.recordLeaderFill(row(1, Side.BUY, "0.5", CopyAction.OPEN, "0", "0.5"), List.of(copy)))
        .isTrue();
    assertThat(j.recordLeaderFill(row(1, Side.BUY, "0.5", CopyAction.OPEN, "0", "0.5"), List.of()))
        .isFalse();
    assertThat(j.hasLeaderFill("BTCUSDT", "t1")).isTrue();
    assertThat(j.hasLeaderFill("ETHUSDT", "t1")).isFalse();
    assertThat(j.maxSeq()).isEqualTo(1);
    assertThat(j.leaderPositions())
        .containsEntry(new PositionKey("BTCUSDT", PositionSide.BOTH), bd("0.5"));
    assertThat(j.unfinished()).containsExactly(copy);
    assertThat(j.byClientOrderId(copy.clientOrderId())).contains(copy);
    assertThat(j.lastLeaderPrices()).containsEntry("BTCUSDT", bd("60000"));
  }

  @Test
  void completingACopyMovesTheFollowerPositionExactlyOnce() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    CopyRecord copy = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.5", "0", "0.5");
    j.recordLeaderFill(row(1, Side.BUY, "0.5", CopyAction.OPEN, "0", "0.5"), List.of(copy));
    CopyRecord intended =
        Records.intended(copy, Side.BUY, PositionSide.BOTH, bd("0.05"), null, false);
    j.markIntended(intended, List.of(), TestRecords.target(intended));
    assertThat(j.unfinished()).containsExactly(intended);
    CopyRecord done =
        Records.fromOrder(intended, filled(intended, "0.05"), CopyStatus.COPIED, null, 3_000);
    assertThat(j.complete(done)).isTrue();
    assertThat(j.complete(done)).isFalse();
    assertThat(j.copiedPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.05");
    assertThat(j.followerPositions("alice"))
        .containsEntry(new PositionKey("BTCUSDT", PositionSide.BOTH), bd("0.05"));
    assertThat(j.unfinished()).isEmpty();
    CopyRecord stored = j.byClientOrderId(copy.clientOrderId()).orElseThrow();
    assertThat(stored.status()).isEqualTo(CopyStatus.COPIED);
    assertThat(stored.executedQuantity()).isEqualByComparingTo("0.05");
    assertThat(stored.averagePrice()).isEqualByComparingTo("60001.5");
    assertThat(stored.ackedAt()).isEqualTo(3_000L);
    assertThat(stored.latencyMillis()).isEqualTo(3_000 - 1_001);
  }

  @Test
  void sellCopiesReduceTheFollowerPositionAndZeroRemovesIt() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    PositionKey k = new PositionKey("BTCUSDT", PositionSide.BOTH);
    j.setFollowerPosition("alice", k, bd("0.3"));
    CopyRecord close = oneWay(2, CopyAction.CLOSE, Side.SELL, "60000", "1", "1", "0");
    j.recordLeaderFill(row(2, Side.SELL, "1", CopyAction.CLOSE, "1", "0"), List.of(close));
    CopyRecord intended =
        Records.intended(close, Side.SELL, PositionSide.BOTH, bd("0.3"), null, true);
    j.markIntended(intended, List.of(), TestRecords.target(intended));
    j.complete(Records.fromOrder(intended, filled(intended, "0.3"), CopyStatus.COPIED, null, 5));
    assertThat(j.copiedPosition("alice", "BTCUSDT", PositionSide.BOTH)).isZero();
    assertThat(j.followerPositions("alice")).isEmpty();
    assertThat(j.leaderPositions()).isEmpty();
  }

  @Test
  void markIntendedMergesFollowersOfTheSameOrder() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    CopyRecord a = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.1", "0", "0.1");
    CopyRecord b = oneWay(2, CopyAction.INCREASE, Side.BUY, "60000", "0.1", "0.1", "0.2");
    j.recordLeaderFill(row(1, Side.BUY, "0.1", CopyAction.OPEN, "0", "0.1"), List.of(a));
    j.recordLeaderFill(row(2, Side.BUY, "0.1", CopyAction.INCREASE, "0.1", "0.2"), List.of(b));
    CopyRecord intended = Records.intended(a, Side.BUY, PositionSide.BOTH, bd("0.2"), null, false);
    j.markIntended(
        intended,
        List.of(Records.finished(b, CopyStatus.MERGED, "merged into " + a.clientOrderId(), 7)),
        TestRecords.target(intended));
    assertThat(j.unfinished())
        .extracting(CopyRecord::clientOrderId)
        .containsExactly(a.clientOrderId());
    assertThat(j.byClientOrderId(b.clientOrderId()).orElseThrow().status())
        .isEqualTo(CopyStatus.MERGED);
  }

  @Test
  void watermarksOnlyMoveForward() {
    JournalStore j = journal();
    j.initialize(100, Map.of());
    j.advanceWatermark("BTCUSDT", 5_000);
    j.advanceWatermark("BTCUSDT", 4_000);
    assertThat(j.watermark("BTCUSDT")).isEqualTo(5_000);
    assertThat(j.watermark("ETHUSDT")).isEqualTo(100);
  }

  @Test
  void historyFiltersPagesNewestFirstAndCounts() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    for (int i = 1; i <= 5; i++) {
      Side side = i % 2 == 0 ? Side.SELL : Side.BUY;
      CopyRecord c =
          TestRecords.pending(
              "alice",
              i,
              0,
              "o" + i,
              CopyAction.OPEN,
              side,
              PositionSide.BOTH,
              "60000",
              "1",
              "0",
              "1");
      CopyRecord d =
          TestRecords.pending(
              "bob",
              i,
              0,
              "o" + i,
              CopyAction.OPEN,
              side,
              PositionSide.BOTH,
              "60000",
              "1",
              "0",
              "1");
      j.recordLeaderFill(row(i, side, "1", CopyAction.OPEN, "0", "1"), List.of(c, d));
    }
    List<CopyRecord> recent = j.recent(3);
    assertThat(recent).extracting(CopyRecord::seq).containsExactly(5L, 5L, 4L);
    assertThat(recent).extracting(CopyRecord::follower).containsExactly("alice", "bob", "alice");
    HistoryQuery sells = HistoryQuery.builder().follower("bob").side(Side.SELL).build();
    assertThat(j.history(sells)).extracting(CopyRecord::seq).containsExactly(4L, 2L);
    assertThat(j.count(sells)).isEqualTo(2);
    HistoryQuery page = HistoryQuery.builder().follower("alice").limit(2).build();
    assertThat(j.history(page)).extracting(CopyRecord::seq).containsExactly(5L, 4L);
    assertThat(j.history(page.nextPage())).extracting(CopyRecord::seq).containsExactly(3L, 2L);
    assertThat(j.history(page.nextPage().nextPage()))
        .extracting(CopyRecord::seq)
        .containsExactly(1L);
    HistoryQuery window =
        HistoryQuery.builder().fromTime(1_002L).toTime(1_004L).status(CopyStatus.PENDING).build();
    assertThat(j.count(window)).isEqualTo(4);
    assertThat(j.count(HistoryQuery.builder().symbol("ETHUSDT").build())).isZero();
  }

  @Test
  void symbolStatsCountFillsAndOutcomes() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    CopyRecord a = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "1", "0", "1");
    CopyRecord b =
        TestRecords.pending(
            "bob",
            1,
            0,
            "o1",
            CopyAction.OPEN,
            Side.BUY,
            PositionSide.BOTH,
            "60000",
            "1",
            "0",
            "1");
    j.recordLeaderFill(row(1, Side.BUY, "1", CopyAction.OPEN, "0", "1"), List.of(a, b));
    j.complete(Records.finished(a, CopyStatus.SKIPPED, "too small", 9));
    assertThat(j.symbolStats()).containsExactly(new SymbolStats("BTCUSDT", 1, 0, 1, 0, 0, 1));
  }

  @Test
  void exportsCsvWithHeaderAndQuotedReasons() throws IOException {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    CopyRecord a = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "1", "0", "1");
    j.recordLeaderFill(row(1, Side.BUY, "1", CopyAction.OPEN, "0", "1"), List.of(a));
    j.complete(Records.finished(a, CopyStatus.SKIPPED, "too small, never enlarged", 9));
    StringBuilder out = new StringBuilder();
    j.exportCsv(HistoryQuery.ALL, out);
    String[] lines = out.toString().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("client_order_id,follower,seq,leg,");
    assertThat(lines[1])
        .startsWith(a.clientOrderId() + ",alice,1,0,t1,o1,BTCUSDT,OPEN,BUY,BOTH,,SKIPPED,")
        .contains(",\"too small, never enlarged\",60000,1,0,1,1001,2001,9");
  }

  @Test
  void storesTheExactTargetWithTheIntentAndTakesAShortfallOutOnCompletion() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    PositionKey k = new PositionKey("BTCUSDT", PositionSide.BOTH);
    CopyRecord a = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.637", "0", "0.637");
    CopyRecord b = oneWay(2, CopyAction.INCREASE, Side.BUY, "60000", "0.1", "0.637", "0.737");
    j.recordLeaderFill(row(1, Side.BUY, "0.637", CopyAction.OPEN, "0", "0.637"), List.of(a));
    j.recordLeaderFill(row(2, Side.BUY, "0.1", CopyAction.INCREASE, "0.637", "0.737"), List.of(b));
    CopyRecord ia = Records.intended(a, Side.BUY, PositionSide.BOTH, bd("0.318"), null, false);
    j.markIntended(ia, List.of(), new SlotTarget(k, bd("0.3185")));
    assertThat(j.targetPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.3185");
    j.complete(Records.fromOrder(ia, filled(ia, "0.318"), CopyStatus.COPIED, null, 5));
    assertThat(j.followerTargets("alice")).containsEntry(k, bd("0.3185"));
    assertThat(j.copiedPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.318");
    // the next copy aims at 0.3685 but the venue rejects it: the target gives the 0.05 back
    CopyRecord ib = Records.intended(b, Side.BUY, PositionSide.BOTH, bd("0.05"), null, false);
    j.markIntended(ib, List.of(), new SlotTarget(k, bd("0.3685")));
    assertThat(j.complete(Records.finished(ib, CopyStatus.FAILED, "margin is insufficient", 6)))
        .isTrue();
    assertThat(j.targetPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.3185");
    assertThat(j.copiedPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.318");
  }

  @Test
  void skipStoresTheTargetWithTheSkippedCopiesOnce() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    PositionKey k = new PositionKey("BTCUSDT", PositionSide.BOTH);
    CopyRecord a = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.004", "0", "0.004");
    j.recordLeaderFill(row(1, Side.BUY, "0.004", CopyAction.OPEN, "0", "0.004"), List.of(a));
    CopyRecord skipped = Records.finished(a, CopyStatus.SKIPPED, "below one lot", 3);
    assertThat(j.skip(List.of(skipped), new SlotTarget(k, bd("0.0004")))).containsExactly(skipped);
    assertThat(j.targetPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.0004");
    assertThat(j.byClientOrderId(a.clientOrderId()).orElseThrow().status())
        .isEqualTo(CopyStatus.SKIPPED);
    assertThat(j.unfinished()).isEmpty();
    assertThat(j.skip(List.of(skipped), null)).isEmpty();
    assertThat(j.targetPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.0004");
  }

  @Test
  void everyFollowersSlotsReadAtOnceAreWhatEachFollowersOwnReadGives() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    PositionKey btc = new PositionKey("BTCUSDT", PositionSide.BOTH);
    PositionKey eth = new PositionKey("ETHUSDT", PositionSide.SHORT);
    j.setFollowerPosition("bob", btc, bd("0.5"));
    j.setFollowerPosition("bob", eth, bd("-1.25"));
    j.setFollowerPosition("carol", btc, bd("0.25"));
    j.setFollowerPosition("dave", btc, bd("1"));
    j.setFollowerPosition("dave", btc, BigDecimal.ZERO);
    CopyRecord a = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.637", "0", "0.637");
    j.recordLeaderFill(row(1, Side.BUY, "0.637", CopyAction.OPEN, "0", "0.637"), List.of(a));
    CopyRecord ia = Records.intended(a, Side.BUY, PositionSide.BOTH, bd("0.318"), null, false);
    j.markIntended(
        List.of(new JournalStore.Intent(ia, List.of(), new SlotTarget(btc, bd("0.3185")))));

    assertThat(j.allFollowerPositions())
        .containsOnlyKeys("bob", "carol")
        .containsEntry("bob", j.followerPositions("bob"))
        .containsEntry("carol", j.followerPositions("carol"));
    assertThat(j.allFollowerPositions().get("bob"))
        .containsOnly(Map.entry(btc, bd("0.5")), Map.entry(eth, bd("-1.25")));
    assertThat(j.allFollowerTargets())
        .containsOnlyKeys("alice", "bob", "carol")
        .containsEntry("alice", Map.of(btc, bd("0.3185")))
        .containsEntry("bob", j.followerTargets("bob"))
        .containsEntry("carol", j.followerTargets("carol"));
  }

  @Test
  void overwritingAPositionAlsoResetsItsTarget() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    PositionKey k = new PositionKey("ETHUSDT", PositionSide.SHORT);
    j.setFollowerPosition("bob", k, bd("-1.25"));
    assertThat(j.targetPosition("bob", "ETHUSDT", PositionSide.SHORT))
        .isEqualByComparingTo("-1.25");
    j.setFollowerPosition("bob", k, BigDecimal.ZERO);
    assertThat(j.followerTargets("bob")).isEmpty();
  }

  @Test
  void keepsDecimalsExact() {
    JournalStore j = journal();
    j.initialize(0, Map.of());
    PositionKey k = new PositionKey("BTCUSDT", PositionSide.LONG);
    j.setFollowerPosition("alice", k, new BigDecimal("0.123456789012345678901234567890"));
    assertThat(j.copiedPosition("alice", "BTCUSDT", PositionSide.LONG))
        .isEqualByComparingTo(new BigDecimal("0.12345678901234567890123456789"));
  }

  @Test
  void storesAndReplacesEachFollowersRiskStateExactly() {
    JournalStore j = journal();
    assertThat(j.riskState("alice")).isEmpty();
    j.saveRiskState("alice", new RiskState(19_675, bd("10000.125"), bd("10250.5"), null));
    j.saveRiskState("bob", new RiskState(Long.MIN_VALUE, null, null, null));
    j.saveRiskState("alice", new RiskState(19_676, bd("9400"), bd("10250.5"), "daily loss 600"));
    assertThat(j.riskState("alice"))
        .hasValueSatisfying(
            s -> {
              assertThat(s.day()).isEqualTo(19_676);
              assertThat(s.dayStart()).isEqualByComparingTo("9400");
              assertThat(s.peak()).isEqualTo(bd("10250.5"));
              assertThat(s.pausedReason()).isEqualTo("daily loss 600");
            });
    assertThat(j.riskState("bob")).hasValue(new RiskState(Long.MIN_VALUE, null, null, null));
    assertThat(j.riskState("carol")).isEmpty();
  }
}
