package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.fake.FakeExchange;
import dev.tradekit.copier.internal.JournalStore;
import dev.tradekit.copier.internal.RiskState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower's risk state (drawdown peak, day start, a risk pause in force) is kept in a SQLite
 * journal: a copier discarded and replaced by a fresh one on the same file goes on from it instead
 * of starting the limits afresh.
 */
class RiskRestartIT {
  private static final long DAY = Duration.ofDays(1).toMillis();

  @TempDir Path dir;
  private final List<CopyJournal> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(CopyJournal::close);
  }

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  private CopyJournal open(Path file) {
    CopyJournal j = CopyJournals.sqlite(file);
    opened.add(j);
    return j;
  }

  private static RiskState stored(CopyJournal j, String follower) {
    return ((JournalStore) j).riskState(follower).orElseThrow();
  }

  private static TradeCopier startAlice(CopierFixture fx, CopyJournal j, CopyPolicy policy) {
    Map<String, Exchange> exchanges = Map.of("alice", fx.ex("alice"));
    return fx.start(j, exchanges, Map.of("alice", policy), x -> x);
  }

  /** Stops the copier and closes its journal, as a process that goes away would leave them. */
  private static void discard(CopierFixture fx, TradeCopier c, CopyJournal j) {
    c.stop();
    fx.clock.runPending();
    j.close();
  }

  private static CopyPolicy drawdown10() {
    return CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.maxDrawdown(bd("0.1")));
  }

  @Test
  void drawdownPeakSurvivesARestartSoTheNextLossTripsTheLimit() {
    Path file = dir.resolve("drawdown.db");
    CopierFixture fx = new CopierFixture();
    FakeExchange alice = fx.follower("alice", "10000");
    CopyJournal first = open(file);
    TradeCopier c1 = startAlice(fx, first, drawdown10());
    fx.clock.advanceBy(Duration.ofSeconds(31)); // first check: peak 10000
    alice.setBalance("9200"); // 8 % of the 10 % limit
    fx.clock.advanceBy(Duration.ofSeconds(30));
    assertThat(fx.events).noneMatch(e -> e.startsWith("paused"));
    discard(fx, c1, first);

    CopyJournal second = open(file);
    RiskState restored = stored(second, "alice");
    assertThat(restored.peak()).isEqualByComparingTo("10000");
    assertThat(restored.dayStart()).isEqualByComparingTo("10000");
    assertThat(restored.pausedReason()).isNull();
    TradeCopier c2 = startAlice(fx, second, drawdown10());
    assertThat(Objects.requireNonNull(c2.stats().followers().get("alice")).active()).isTrue();
    alice.setBalance("8950"); // 10.5 % below the restored peak, 2.7 % below the restart equity
    fx.clock.advanceBy(Duration.ofSeconds(31));
    assertThat(fx.events)
        .contains("paused alice: drawdown from peak 10000 to 8950 reached the limit 0.1");
    assertThat(stored(second, "alice").pausedReason())
        .isEqualTo("drawdown from peak 10000 to 8950 reached the limit 0.1");
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();

    // Without the stored state a copier would start the peak at 9200 and let 8950 through.
    CopierFixture fresh = new CopierFixture();
    FakeExchange freshAlice = fresh.follower("alice", "9200");
    CopyJournal empty = open(dir.resolve("fresh.db"));
    startAlice(fresh, empty, drawdown10());
    fresh.clock.advanceBy(Duration.ofSeconds(31));
    freshAlice.setBalance("8950");
    fresh.clock.advanceBy(Duration.ofSeconds(30));
    assertThat(fresh.events).noneMatch(e -> e.startsWith("paused"));
    assertThat(stored(empty, "alice").peak()).isEqualByComparingTo("9200");
  }

  @Test
  void riskPauseStaysAfterARestartUntilTheFollowerIsResumed() {
    Path file = dir.resolve("daily.db");
    CopyPolicy policy =
        CopyPolicies.fixedRatio(bd("0.1")).andThen(CopyPolicies.dailyLossLimit(bd("500")));
    String reason = "daily loss 600 reached the limit 500 (equity 9400, day start 10000)";
    CopierFixture fx = new CopierFixture();
    FakeExchange alice = fx.follower("alice", "10000");
    CopyJournal first = open(file);
    TradeCopier c1 = startAlice(fx, first, policy);
    fx.clock.advanceBy(Duration.ofSeconds(31));
    alice.setBalance("9400");
    fx.clock.advanceBy(Duration.ofSeconds(30));
    assertThat(fx.events).contains("paused alice: " + reason);
    discard(fx, c1, first);
    fx.events.clear();

    CopyJournal second = open(file);
    TradeCopier c2 = startAlice(fx, second, policy);
    assertThat(fx.events).containsExactly("paused alice: " + reason);
    assertThat(Objects.requireNonNull(c2.stats().followers().get("alice")).pausedReason())
        .isEqualTo(reason);
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    assertThat(second.recent(1).get(0).reason()).isEqualTo("follower paused: " + reason);

    // As in one process, the day rolling over does not lift a risk pause; resuming does.
    long nextDay = (Math.floorDiv(fx.clock.currentTimeMillis(), DAY) + 1) * DAY;
    fx.clock.advanceBy(Duration.ofMillis(nextDay - fx.clock.currentTimeMillis() + 1));
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isZero();
    c2.resumeFollower("alice");
    fx.clock.runPending();
    assertThat(stored(second, "alice").pausedReason()).isNull();
    fx.clock.advanceBy(Duration.ofSeconds(31)); // the new day starts from 9400: no pause
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(stored(second, "alice").dayStart()).isEqualByComparingTo("9400");
    assertThat(fx.events).containsOnlyOnce("paused alice: " + reason).contains("resumed alice");
  }

  @Test
  void storedRiskPauseIsDroppedWhenThePolicyNoLongerSetsALimit() {
    Path file = dir.resolve("dropped.db");
    CopierFixture fx = new CopierFixture();
    FakeExchange alice = fx.follower("alice", "10000");
    CopyJournal first = open(file);
    TradeCopier c1 = startAlice(fx, first, drawdown10());
    fx.clock.advanceBy(Duration.ofSeconds(31));
    alice.setBalance("8000");
    fx.clock.advanceBy(Duration.ofSeconds(30));
    assertThat(fx.events)
        .contains("paused alice: drawdown from peak 10000 to 8000 reached the limit 0.1");
    discard(fx, c1, first);
    fx.events.clear();

    CopyJournal second = open(file);
    startAlice(fx, second, CopyPolicies.fixedRatio(bd("0.1")));
    assertThat(fx.events).noneMatch(e -> e.startsWith("paused"));
    assertThat(stored(second, "alice").pausedReason()).isNull();
    assertThat(stored(second, "alice").peak()).isEqualByComparingTo("10000");
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(fx.pos("alice", "BTCUSDT")).isEqualByComparingTo("0.1");
  }
}
