package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.fake.FakeExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Where copying starts on a new journal: the venue's clock, an explicit time, and restarts. */
class StartPointTest {
  private final CopierFixture fx = new CopierFixture();
  private final CopyJournal journal = CopyJournals.inMemory();

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  private TradeCopier.Builder aliceAtATenth(CopyJournal j) {
    FakeExchange a =
        fx.followers.containsKey("alice") ? fx.ex("alice") : fx.follower("alice", "10000");
    return fx.builder(j).follower("alice", a, CopyPolicies.fixedRatio(bd("0.1")));
  }

  @Test
  void aFillJustAfterTheStartIsCopiedEvenWhenTheSnapshotClockRunsAhead() {
    // the adapter stamps its snapshot with its estimate of the venue clock, here 500 ms ahead
    fx.leader.setSnapshotSkew(500);
    TradeCopier c = aliceAtATenth(journal).build();
    c.start();
    fx.clock.runPending();
    fx.clock.advanceBy(Duration.ofMillis(10));
    fx.trade("BTCUSDT", Side.BUY, "1"); // stamped 10 ms after the start, 490 ms before the estimate
    assertThat(journal.startPoint()).hasValue(CopierFixture.T0);
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(c.stats().fillsSeen()).isEqualTo(1);
  }

  @Test
  void startFromThePastCopiesLaterFillsOnTopOfTheOlderPosition() {
    fx.leader.trade("BTCUSDT", Side.BUY, "2", PositionSide.BOTH, true); // T0: before the start
    fx.clock.advanceBy(Duration.ofMinutes(1));
    fx.leader.trade("BTCUSDT", Side.BUY, "1", PositionSide.BOTH, true); // T0+1m: after it
    fx.clock.advanceBy(Duration.ofMinutes(1));
    Instant from = Instant.ofEpochMilli(CopierFixture.T0 + 30_000);
    TradeCopier c = aliceAtATenth(journal).startFrom(from).build();
    c.start();
    fx.settle();
    assertThat(journal.startPoint()).hasValue(from.toEpochMilli());
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(journal.recent(1).get(0).action()).isEqualTo(CopyAction.INCREASE);
    assertThat(journal.recent(1).get(0).leaderPositionBefore()).isEqualByComparingTo("2");
    fx.trade("BTCUSDT", Side.SELL, "1.5"); // leader 3 -> 1.5: half of the copied 0.1 goes
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.05");
  }

  @Test
  void theJournalsStartPointHoldsAndADifferentExplicitStartFails() throws Exception {
    fx.clock.advanceBy(Duration.ofMinutes(5));
    TradeCopier first = aliceAtATenth(journal).build();
    first.start();
    fx.settle();
    long stored = journal.startPoint().orElseThrow();
    first.stop();
    fx.clock.runPending();

    TradeCopier again = aliceAtATenth(journal).startFrom(Instant.ofEpochMilli(stored)).build();
    CompletableFuture<Void> ok = again.start();
    fx.settle();
    assertThat(ok).isCompleted();
    again.stop();
    fx.clock.runPending();

    Instant other = Instant.ofEpochMilli(stored - 60_000);
    CompletableFuture<Void> bad = aliceAtATenth(journal).startFrom(other).build().start();
    fx.settle();
    assertThatThrownBy(bad::get)
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("the journal already starts at " + stored);
  }

  @Test
  void leaderTradingDuringEverySnapshotSettlesAfterTheBracketAndSaysSo() {
    // the virtual clock stands still, so every bracket [t1, t2] holds the fill stamped at t1
    fx.leader.trade("BTCUSDT", Side.BUY, "2", PositionSide.BOTH, true);
    TradeCopier c = aliceAtATenth(journal).build();
    c.start();
    fx.clock.runPending();
    assertThat(journal.startPoint()).hasValue(CopierFixture.T0 + 1);
    assertThat(fx.events)
        .anySatisfy(e -> assertThat(e).startsWith("error the leader traded during each of 5"));
    fx.settle();
    assertThat(journal.count(HistoryQuery.ALL)).isZero(); // the ambiguous fill is a baseline
    fx.trade("BTCUSDT", Side.SELL, "2");
    assertThat(journal.recent(1).get(0).action()).isEqualTo(CopyAction.CLOSE);
  }

  @Test
  void startFromMustBeInThePastAndAtMostSevenDaysBack() {
    Instant now = Instant.ofEpochMilli(CopierFixture.T0);
    assertThatThrownBy(() -> aliceAtATenth(journal).startFrom(now.plusSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is in the future");
    assertThatThrownBy(
            () -> aliceAtATenth(journal).startFrom(now.minus(Duration.ofDays(8))).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 7 days before now");
    assertThat(aliceAtATenth(journal).startFrom(now.minus(Duration.ofDays(7))).build()).isNotNull();
  }
}
