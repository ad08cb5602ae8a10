package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.fake.FakeExchange;
import dev.tradekit.copier.fake.Fault;
import dev.tradekit.copier.fake.FaultyExchange;
import dev.tradekit.copier.internal.ClientOrderIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TradeCopierFaultTest {
  private final CopierFixture fx = new CopierFixture();
  private final CopyJournal journal = CopyJournals.inMemory();

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  /** alice behind a fault decorator that plays {@code script}, then passes calls through. */
  private FaultyExchange faultyAlice(Fault... script) {
    FakeExchange a = fx.follower("alice", "10000");
    Deque<Fault> faults = new ArrayDeque<>(java.util.List.of(script));
    return new FaultyExchange(a).onPlace(r -> faults.isEmpty() ? Fault.NONE : faults.poll());
  }

  private TradeCopier start(FaultyExchange alice) {
    return fx.start(
        journal,
        Map.of("alice", alice),
        Map.of("alice", CopyPolicies.fixedRatio(bd("0.1"))),
        x -> x);
  }

  @Test
  void unknownStatusWhenTheOrderLandedIsSettledByQueryWithoutResending() {
    start(faultyAlice(Fault.UNKNOWN_PLACED));
    fx.trade("BTCUSDT", Side.BUY, "1");
    fx.clock.advanceBy(Duration.ofSeconds(5));
    assertThat(fx.ex("alice").placedOrders()).hasSize(1);
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(journal.recent(1).get(0).status()).isEqualTo(CopyStatus.COPIED);
  }

  @Test
  void unknownStatusWhenTheOrderDidNotLandIsSentAgainWithTheSameId() {
    start(faultyAlice(Fault.UNKNOWN_NOT_PLACED, Fault.TRANSPORT));
    fx.trade("BTCUSDT", Side.BUY, "1");
    fx.clock.advanceBy(Duration.ofSeconds(5));
    assertThat(fx.ex("alice").placedOrders()).hasSize(1);
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
  }

  @Test
  void duplicateClientOrderIdCountsAsSuccess() {
    FakeExchange a = fx.follower("alice", "10000");
    start(new FaultyExchange(a));
    // the copy's id is deterministic: an earlier attempt "landed" with it before this copier sent
    // it
    var next = fx.leader.trade("BTCUSDT", Side.BUY, "1", PositionSide.BOTH, true);
    String id = ClientOrderIds.forCopy("BTCUSDT", next.tradeId(), "alice", 0);
    a.trading()
        .place(
            OrderRequest.builder()
                .symbol("BTCUSDT")
                .side(Side.BUY)
                .type(OrderType.MARKET)
                .quantity(bd("0.1"))
                .clientOrderId(id)
                .build())
        .join();
    fx.leader.pushFill(next);
    fx.settle();
    assertThat(a.placedOrders()).hasSize(1);
    assertThat(journal.byClientOrderId(id).orElseThrow().status()).isEqualTo(CopyStatus.COPIED);
    assertThat(journal.copiedPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.1");
  }

  @Test
  void rateLimitWaitsForRetryAfterBeforeSendingAgain() {
    start(faultyAlice(Fault.RATE_LIMIT));
    fx.leader.trade("BTCUSDT", Side.BUY, "1", PositionSide.BOTH, false);
    fx.clock.advanceBy(Duration.ofMillis(1_900));
    assertThat(fx.ex("alice").placedOrders()).isEmpty();
    fx.clock.advanceBy(Duration.ofMillis(300));
    assertThat(fx.ex("alice").placedOrders()).hasSize(1);
  }

  @Test
  void rejectionIsRecordedWithItsReasonAndOthersCarryOn() {
    FakeExchange a = fx.follower("alice", "10000");
    FakeExchange b = fx.follower("bob", "10000");
    Deque<Fault> faults = new ArrayDeque<>(java.util.List.of(Fault.REJECT_MARGIN));
    FaultyExchange broke =
        new FaultyExchange(a).onPlace(r -> faults.isEmpty() ? Fault.NONE : faults.poll());
    fx.start(
        journal,
        Map.of("alice", broke, "bob", b),
        Map.of(
            "alice", CopyPolicies.fixedRatio(bd("0.1")), "bob", CopyPolicies.fixedRatio(bd("0.1"))),
        x -> x);
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("bob", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(fx.events)
        .contains("failed alice: InsufficientMarginException -2019: Margin is insufficient.");
    CopyRecord failed = journal.history(HistoryQuery.builder().follower("alice").build()).get(0);
    assertThat(failed.status()).isEqualTo(CopyStatus.FAILED);
    assertThat(failed.reason())
        .isEqualTo("InsufficientMarginException -2019: Margin is insufficient.");
    // ratios hold: the leader's close finds nothing copied for alice and skips
    fx.trade("BTCUSDT", Side.SELL, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(fx.pos("bob", "BTCUSDT")).isZero();
    assertThat(a.placedOrders()).isEmpty();
  }

  @Test
  void positionModeChangeFailsOneCopyThenTheModeIsReadAgain() {
    FakeExchange a = fx.follower("alice", "10000");
    a.setMode(dev.tradekit.api.model.PositionMode.HEDGE);
    start(new FaultyExchange(a));
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(a.position("BTCUSDT", PositionSide.LONG)).isEqualByComparingTo("0.1");
    a.trading().setPositionMode(dev.tradekit.api.model.PositionMode.ONE_WAY).join();
    fx.trade("ETHUSDT", Side.BUY, "1");
    assertThat(fx.events).anyMatch(e -> e.startsWith("failed alice: InvalidOrderException -4061"));
    fx.trade("ETHUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "ETHUSDT")).isEqualByComparingTo("0.1");
  }

  @Test
  void aBrokenFollowerNeverDelaysTheOthers() {
    FakeExchange a = fx.follower("alice", "10000");
    FakeExchange b = fx.follower("bob", "10000");
    AtomicReference<Fault> mode = new AtomicReference<>(Fault.TRANSPORT);
    FaultyExchange broken = new FaultyExchange(a).onPlace(r -> mode.get());
    fx.start(
        journal,
        Map.of("alice", broken, "bob", b),
        Map.of(
            "alice", CopyPolicies.fixedRatio(bd("0.1")), "bob", CopyPolicies.fixedRatio(bd("0.1"))),
        x -> x);
    for (int i = 0; i < 5; i++) {
      fx.leader.trade(i % 2 == 0 ? "BTCUSDT" : "ETHUSDT", Side.BUY, "1", PositionSide.BOTH, false);
      fx.clock.runPending();
      fx.clock.advanceBy(Duration.ofMillis(1));
      assertThat(b.placedOrders()).hasSize(i + 1); // bob's copy went out in the same millisecond
    }
    fx.clock.advanceBy(Duration.ofMinutes(1));
    assertThat(a.placedOrders()).isEmpty();
    assertThat(fx.pos("bob", "ETHUSDT")).isEqualByComparingTo("0.2");
    mode.set(Fault.NONE);
    fx.clock.advanceBy(Duration.ofMinutes(2));
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.3");
    assertThat(fx.pos("alice", "ETHUSDT")).isEqualByComparingTo("0.2");
    assertThat(a.placedOrders()).hasSize(5);
  }

  @Test
  void crashAfterJournalingIsCompletedByANewCopierWithoutDuplicates() {
    assertCrashRecovers(Fault.CRASH_BEFORE_SEND);
  }

  @Test
  void crashAfterSendingBeforeTheAckIsCompletedByANewCopierWithoutDuplicates() {
    assertCrashRecovers(Fault.CRASH_AFTER_SEND);
  }

  private void assertCrashRecovers(Fault crash) {
    FakeExchange a = fx.follower("alice", "10000");
    AtomicReference<TradeCopier> first = new AtomicReference<>();
    Deque<Fault> faults = new ArrayDeque<>(java.util.List.of(crash));
    FaultyExchange faulty =
        new FaultyExchange(a)
            .onPlace(r -> faults.isEmpty() ? Fault.NONE : faults.poll())
            .crashWith(() -> java.util.Objects.requireNonNull(first.get()).stop());
    first.set(
        fx.start(
            journal,
            Map.of("alice", faulty),
            Map.of("alice", CopyPolicies.fixedRatio(bd("0.1"))),
            x -> x));
    fx.trade("BTCUSDT", Side.BUY, "1");
    fx.clock.advanceBy(Duration.ofSeconds(5));
    assertThat(journal.recent(1).get(0).status()).isEqualTo(CopyStatus.INTENDED);
    int before = a.placedOrders().size();
    assertThat(before).isEqualTo(crash == Fault.CRASH_AFTER_SEND ? 1 : 0);
    // a fresh copier on the same journal
    fx.leader.trade("BTCUSDT", Side.BUY, "1", PositionSide.BOTH, true); // missed while down
    TradeCopier second =
        fx.start(
            journal,
            Map.of("alice", a),
            Map.of("alice", CopyPolicies.fixedRatio(bd("0.1"))),
            x -> x);
    fx.clock.advanceBy(Duration.ofSeconds(5));
    assertThat(a.placedOrders()).hasSize(2);
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.2");
    assertThat(journal.count(HistoryQuery.builder().status(CopyStatus.COPIED).build()))
        .isEqualTo(2);
    assertThat(second.stats().fillsSeen()).isEqualTo(1);
    Order firstCopy = a.placedOrders().get(0);
    assertThat(firstCopy.clientOrderId())
        .isEqualTo(journal.history(HistoryQuery.ALL).get(1).clientOrderId());
  }
}
