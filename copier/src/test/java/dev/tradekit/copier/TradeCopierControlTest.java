package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.fake.FakeExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeCopierControlTest {
  private final CopierFixture fx = new CopierFixture();
  private final CopyJournal journal = CopyJournals.inMemory();

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  private static FollowerStats alice(TradeCopier c) {
    return java.util.Objects.requireNonNull(c.stats().followers().get("alice"));
  }

  private TradeCopier aliceWith(CopyPolicy policy) {
    FakeExchange a = fx.follower("alice", "10000");
    return fx.start(journal, Map.of("alice", a), Map.of("alice", policy), x -> x);
  }

  @Test
  void pausedFollowerSkipsWithTheReasonAndResumes() {
    TradeCopier c = aliceWith(CopyPolicies.fixedRatio(bd("0.1")));
    c.pauseFollower("alice");
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(fx.events)
        .contains(
            "paused alice: paused by the caller",
            "skipped alice: follower paused: paused by the caller");
    assertThat(alice(c).pausedReason()).isEqualTo("paused by the caller");
    c.resumeFollower("alice");
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(alice(c).active()).isTrue();
  }

  @Test
  void disabledFollowerStartsPaused() {
    FakeExchange a = fx.follower("alice", "10000");
    TradeCopier c =
        fx.builder(journal).follower("alice", a, CopyPolicies.fixedRatio(bd("1")), false).build();
    c.start();
    fx.clock.advanceBy(Duration.ofMillis(10));
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(a.placedOrders()).isEmpty();
    assertThat(journal.recent(1).get(0).reason()).isEqualTo("follower paused: disabled");
  }

  @Test
  void followersCanBeAddedAndRemovedWhileRunning() {
    TradeCopier c = aliceWith(CopyPolicies.fixedRatio(bd("0.1")));
    FakeExchange b = fx.follower("bob", "10000");
    c.addFollower("bob", b, CopyPolicies.fixedRatio(bd("0.2")));
    fx.clock.runPending();
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("bob", "BTCUSDT")).isEqualByComparingTo("0.2");
    c.removeFollower("alice");
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(fx.pos("bob", "BTCUSDT")).isEqualByComparingTo("0.4");
    assertThat(c.stats().followers()).containsOnlyKeys("bob");
    assertThatThrownBy(() -> c.pauseFollower("alice"))
        .hasMessageContaining("no follower named alice");
    assertThatThrownBy(() -> c.addFollower("bob", b, CopyPolicies.fixedRatio(bd("1"))))
        .hasMessage("a follower named bob already exists");
  }

  @Test
  void dailyLossLimitPausesTheFollower() {
    TradeCopier c =
        aliceWith(
            CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.dailyLossLimit(bd("500"))));
    fx.clock.advanceBy(Duration.ofSeconds(31)); // first risk check records the day start (10000)
    fx.ex("alice").setBalance("9400");
    fx.clock.advanceBy(Duration.ofSeconds(30));
    assertThat(fx.events)
        .contains(
            "paused alice: daily loss 600 reached the limit 500 (equity 9400, day start 10000)");
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(alice(c).skipped()).isEqualTo(1);
  }

  @Test
  void emergencyStopHaltsAndFlattensWithReducingOrders() {
    TradeCopier c = aliceWith(CopyPolicies.fixedRatio(bd("0.1")));
    fx.trade("BTCUSDT", Side.BUY, "1");
    fx.trade("ETHUSDT", Side.SELL, "3");
    var done = c.emergencyStop(true);
    fx.settle();
    assertThat(done).isCompleted();
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(fx.pos("alice", "ETHUSDT")).isZero();
    assertThat(fx.ex("alice").placedOrders().subList(2, 4))
        .allSatisfy(o -> assertThat(o.reduceOnly()).isTrue());
    assertThat(journal.copiedPosition("alice", "ETHUSDT", PositionSide.BOTH)).isZero();
    fx.trade("BTCUSDT", Side.BUY, "1"); // halted: nothing more is copied
    assertThat(fx.ex("alice").placedOrders()).hasSize(4);
  }

  @Test
  void statsCountOutcomesAndMeasureLatencyOnTheScheduler() {
    TradeCopier c =
        aliceWith(
            CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.delay(Duration.ofMillis(200))));
    fx.trade("BTCUSDT", Side.BUY, "1");
    fx.trade("BTCUSDT", Side.BUY, "0.001"); // 0.0001 rounds to 0: skipped
    CopierStats s = c.stats();
    assertThat(s.fillsSeen()).isEqualTo(2);
    FollowerStats a = java.util.Objects.requireNonNull(s.followers().get("alice"));
    assertThat(a.copied()).isEqualTo(1);
    assertThat(a.skipped()).isEqualTo(1);
    assertThat(a.failed()).isZero();
    assertThat(a.latencyP50Millis()).isEqualTo(200);
    assertThat(a.latencyP99Millis()).isEqualTo(200);
    fx.clock.advanceBy(Duration.ofSeconds(30));
    assertThat(c.stats().lastCheckTime()).isGreaterThan(CopierFixture.T0);
  }

  @Test
  void fixedAndMirroredLeverageAreSetBeforeOpening() {
    FakeExchange a = fx.follower("alice", "10000");
    FakeExchange b = fx.follower("bob", "10000");
    fx.leader.trading().setLeverage("BTCUSDT", 7).join();
    fx.start(
        journal,
        Map.of("alice", a, "bob", b),
        Map.of(
            "alice",
            CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.fixedLeverage(3)),
            "bob",
            CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.mirrorLeverage())),
        x -> x);
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(a.leverages()).containsEntry("BTCUSDT", 3);
    assertThat(b.leverages()).containsEntry("BTCUSDT", 7);
  }

  @Test
  void fixedAndMirroredMarginTypesAreSetBeforeOpeningAndAVenueWithoutThemIsReported() {
    FakeExchange a = fx.follower("alice", "10000");
    FakeExchange b = fx.follower("bob", "10000");
    FakeExchange c = fx.follower("carol", "10000");
    c.setMarginModesSupported(false);
    fx.leader.marginModes().orElseThrow().setMarginType("BTCUSDT", MarginType.ISOLATED).join();
    fx.start(
        journal,
        Map.of("alice", a, "bob", b, "carol", c),
        Map.of(
            "alice",
            CopyPolicies.fixedRatio(bd("0.1"))
                .andThen(CopyPolicies.fixedMarginType(MarginType.CROSS)),
            "bob",
            CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.mirrorMarginType()),
            "carol",
            CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.mirrorMarginType())),
        x -> x);
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(a.marginTypes()).containsEntry("BTCUSDT", MarginType.CROSS);
    assertThat(b.marginTypes()).containsEntry("BTCUSDT", MarginType.ISOLATED);
    assertThat(c.marginTypes()).isEmpty();
    assertThat(fx.pos("carol", "BTCUSDT")).isEqualByComparingTo("0.1"); // copied all the same
    assertThat(fx.events)
        .containsOnlyOnce(
            "error follower carol: its venue fake cannot set the margin type; BTCUSDT is copied"
                + " without setting it to ISOLATED");
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("carol", "BTCUSDT")).isEqualByComparingTo("0.2");
    assertThat(fx.events).filteredOn(e -> e.startsWith("error")).hasSize(1);
  }

  @Test
  void slippageCapSkipsAnOpenThatWouldFillBeyondIt() {
    aliceWith(CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.slippageCap(bd("0.001"))));
    fx.ex("alice").setPrice("BTCUSDT", "60100"); // the follower's market ran 0.17 % away
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    CopyRecord r = journal.recent(1).get(0);
    assertThat(r.status()).isEqualTo(CopyStatus.SKIPPED);
    assertThat(r.reason())
        .isEqualTo("IOC limit at 60060 ended EXPIRED with nothing filled (slippage cap)");
    fx.ex("alice").setPrice("BTCUSDT", "60000");
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
  }

  @Test
  void aThrowingListenerDoesNotStopCopying() {
    FakeExchange a = fx.follower("alice", "10000");
    TradeCopier c =
        TradeCopier.builder()
            .leader(fx.leader)
            .journal(journal)
            .scheduler(fx.clock)
            .follower("alice", a, CopyPolicies.fixedRatio(bd("0.1")))
            .listener(
                new CopierListener() {
                  @Override
                  public void fillDetected(dev.tradekit.api.model.Fill fill, CopyAction action) {
                    throw new IllegalStateException("listener bug");
                  }
                })
            .build();
    c.start();
    fx.clock.advanceBy(Duration.ofMillis(10));
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
  }

  @Test
  void builderRejectsMissingAndWrongPartsNamingThem() {
    FakeExchange a = fx.follower("alice", "10000");
    CopyPolicy p = CopyPolicies.fixedRatio(bd("1"));
    assertThatThrownBy(
            () ->
                TradeCopier.builder()
                    .journal(journal)
                    .scheduler(fx.clock)
                    .follower("a", a, p)
                    .build())
        .hasMessage("leader is required");
    assertThatThrownBy(
            () ->
                TradeCopier.builder()
                    .leader(fx.leader)
                    .scheduler(fx.clock)
                    .follower("a", a, p)
                    .build())
        .hasMessageContaining("journal is required");
    assertThatThrownBy(
            () ->
                TradeCopier.builder()
                    .leader(fx.leader)
                    .journal(journal)
                    .follower("a", a, p)
                    .build())
        .hasMessage("scheduler is required");
    assertThatThrownBy(() -> fx.builder(journal).build())
        .hasMessage("at least one follower is required");
    assertThatThrownBy(() -> fx.builder(journal).follower("a", a, p).follower("a", a, p))
        .hasMessage("follower name a is used twice");
    assertThatThrownBy(() -> fx.builder(journal).follower("bad name", a, p))
        .hasMessageContaining("follower name 'bad name' must be 1 to 64");
    assertThatThrownBy(() -> fx.builder(journal).follower("self", fx.leader, p))
        .hasMessageContaining("uses the leader's own exchange");
    assertThatThrownBy(() -> fx.builder(journal).catchUpPeriod(Duration.ofMillis(10)))
        .hasMessageContaining("catchUpPeriod must be at least 100 ms");
    assertThatThrownBy(() -> fx.builder(journal).symbols("BTCUSDT", " "))
        .hasMessage("symbols must not contain a blank symbol");
    CopyJournal foreign =
        new CopyJournal() {
          public java.util.List<CopyRecord> recent(int limit) {
            return java.util.List.of();
          }

          public java.util.List<CopyRecord> history(HistoryQuery q) {
            return java.util.List.of();
          }

          public long count(HistoryQuery q) {
            return 0;
          }

          public java.util.Optional<CopyRecord> byClientOrderId(String id) {
            return java.util.Optional.empty();
          }

          public java.util.List<SymbolStats> symbolStats() {
            return java.util.List.of();
          }

          public BigDecimal copiedPosition(String f, String s, PositionSide ps) {
            return BigDecimal.ZERO;
          }

          public BigDecimal targetPosition(String f, String s, PositionSide ps) {
            return BigDecimal.ZERO;
          }

          public java.util.OptionalLong startPoint() {
            return java.util.OptionalLong.empty();
          }

          public void exportCsv(HistoryQuery q, Appendable out) {}

          public void close() {}
        };
    assertThatThrownBy(() -> fx.builder(journal).journal(foreign))
        .hasMessageContaining("journal must come from CopyJournals");
    TradeCopier c = fx.builder(journal).follower("a", a, p).build();
    c.start();
    assertThatThrownBy(c::start).hasMessageContaining("already started");
  }
}
