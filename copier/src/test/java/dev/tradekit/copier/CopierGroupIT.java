package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.copier.fake.FakeExchange;
import dev.tradekit.copier.internal.Fence;
import dev.tradekit.copier.internal.LeaseLostException;
import dev.tradekit.copier.internal.SqlJournal;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two copier instances in one JVM sharing a PostgreSQL journal, each on its own virtual clock, so
 * that one can be frozen (a stalled process) while the other runs on: followers are split between
 * them, taken over when one stalls, handed back when it wakes, and every leader fill is copied
 * exactly once per follower. Runs when {@code -Dtradekit.postgres.url} (or {@code
 * TRADEKIT_POSTGRES_URL}) names a server.
 */
class CopierGroupIT {
  private static final String URL = System.getProperty("tradekit.postgres.url", "").trim();
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final int FOLLOWERS = 6;

  private final String schema = "grp" + Long.toString(System.nanoTime(), 36);
  private final List<CopyJournal> open = new ArrayList<>();
  private final VirtualScheduler clockA = new VirtualScheduler(CopierFixture.T0);
  private final VirtualScheduler clockB = new VirtualScheduler(CopierFixture.T0);
  private final CopierFixture fx = new CopierFixture();
  private final Map<String, FakeExchange> followers = new LinkedHashMap<>();
  private final List<String> errors = new ArrayList<>();
  private boolean aFrozen;
  private long aLagMillis;

  @BeforeEach
  void needsAServer() throws SQLException {
    Assumptions.assumeTrue(
        !URL.isEmpty() && !URL.startsWith("${"),
        "no PostgreSQL server: set TRADEKIT_POSTGRES_URL (or -Dtradekit.postgres.url) to"
            + " jdbc:postgresql://127.0.0.1:5432/db?user=.. to run the copier group tests");
    try (Connection admin = DriverManager.getConnection(URL);
        Statement st = admin.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    for (int i = 0; i < FOLLOWERS; i++) {
      followers.put("f" + i, fx.follower("f" + i, "100000"));
    }
  }

  @AfterEach
  void dropSchema() throws SQLException {
    open.forEach(CopyJournal::close);
    if (URL.isEmpty() || URL.startsWith("${")) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(URL);
        Statement st = admin.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private CopyJournal journal() throws SQLException {
    Connection c = DriverManager.getConnection(URL);
    c.setSchema(schema);
    CopyJournal j = CopyJournals.jdbc(c);
    open.add(j);
    return j;
  }

  private TradeCopier member(String name, VirtualScheduler clock) throws SQLException {
    TradeCopier.Builder b =
        TradeCopier.builder()
            .leader(fx.leader)
            .journal(journal())
            .scheduler(clock)
            .instance(name)
            .lease(LEASE)
            .groupPoll(Duration.ofMillis(50))
            .listener(
                new CopierListener() {
                  @Override
                  public void error(String message, Throwable cause) {
                    errors.add(name + ": " + message);
                  }
                });
    followers.forEach((n, ex) -> b.follower(n, ex, CopyPolicies.fixedRatio(new BigDecimal("0.5"))));
    TradeCopier c = b.build();
    c.start();
    return c;
  }

  /** Runs both clocks (or only B's while A is frozen) forward in 50 ms steps. */
  private void advance(Duration d) {
    for (long t = 0; t < d.toMillis(); t += 50) {
      if (aFrozen) {
        aLagMillis += 50;
      } else {
        clockA.advanceBy(Duration.ofMillis(50));
      }
      clockB.advanceBy(Duration.ofMillis(50));
      fx.clock.advanceBy(Duration.ofMillis(50));
    }
  }

  private static Map<String, Integer> owners(TradeCopier c) {
    Map<String, Integer> n = new HashMap<>();
    for (CopierLease l : c.leases()) {
      if (l.name().startsWith("follower:") && l.owner() != null) {
        n.merge(l.owner(), 1, Integer::sum);
      }
    }
    return n;
  }

  private static @Nullable String watcher(TradeCopier c) {
    return c.leases().stream()
        .filter(l -> l.name().equals("watcher"))
        .map(CopierLease::owner)
        .findFirst()
        .orElse(null);
  }

  private void allHold(String expected) {
    followers.forEach(
        (n, ex) ->
            assertThat(ex.position("BTCUSDT", PositionSide.BOTH))
                .as(n + " errors " + errors)
                .isEqualByComparingTo(expected));
  }

  @Test
  void followersAreSplitTakenOverFromAStalledInstanceAndCopiedExactlyOnce() throws Exception {
    TradeCopier a = member("node-a", clockA);
    // a round every lease / 3 takes at most maxMovesPerRound (5) leases: two rounds for six
    advance(Duration.ofMillis(1500));
    assertThat(owners(a)).containsExactly(Map.entry("node-a", FOLLOWERS));
    assertThat(watcher(a)).isEqualTo("node-a");

    TradeCopier b = member("node-b", clockB);
    advance(Duration.ofSeconds(4));
    assertThat(owners(b)).containsOnly(Map.entry("node-a", 3), Map.entry("node-b", 3));

    fx.leader.trade("BTCUSDT", Side.BUY, "1", PositionSide.BOTH, false);
    advance(Duration.ofSeconds(1));
    allHold("0.5");

    // node-a stalls (a GC pause, SIGSTOP): its leases run out and node-b takes everything over
    aFrozen = true;
    advance(Duration.ofSeconds(8));
    assertThat(owners(b)).containsExactly(Map.entry("node-b", FOLLOWERS));
    assertThat(watcher(b)).isEqualTo("node-b");
    fx.leader.trade("BTCUSDT", Side.SELL, "0.4", PositionSide.BOTH, false);
    advance(Duration.ofSeconds(1));
    allHold("0.3");

    // node-a wakes up: its writes are refused, it rejoins and gets its share back
    aFrozen = false;
    // a resumed process finds the wall clock gone on: its overdue timers fire at once
    clockA.advanceBy(Duration.ofMillis(aLagMillis));
    advance(Duration.ofSeconds(8));
    assertThat(owners(a)).containsOnly(Map.entry("node-a", 3), Map.entry("node-b", 3));
    fx.leader.trade("BTCUSDT", Side.BUY, "0.2", PositionSide.BOTH, false);
    advance(Duration.ofSeconds(1));
    allHold("0.4");

    CopyJournal audit = journal();
    List<CopyRecord> all =
        audit.history(HistoryQuery.builder().limit(HistoryQuery.MAX_LIMIT).build());
    for (Map.Entry<String, FakeExchange> e : followers.entrySet()) {
      Set<String> ids = new HashSet<>();
      for (Order o : e.getValue().placedOrders()) {
        assertThat(ids.add(String.valueOf(o.clientOrderId())))
            .as("one order per copy at the venue for " + e.getKey())
            .isTrue();
      }
      assertThat(ids).as(e.getKey()).hasSize(3);
      assertThat(all)
          .filteredOn(r -> r.follower().equals(e.getKey()))
          .extracting(CopyRecord::status)
          .containsOnly(CopyStatus.COPIED)
          .hasSize(3);
      assertThat(audit.targetPosition(e.getKey(), "BTCUSDT", PositionSide.BOTH))
          .isEqualByComparingTo("0.4");
    }
    a.stop();
    b.stop();
    advance(Duration.ofMillis(100));
    assertThat(audit.symbolStats())
        .singleElement()
        .satisfies(s -> assertThat(s.leaderFills()).isEqualTo(3));
  }

  @Test
  void aSendStillInFlightWhenItsOwnerStallsIsRefusedByTheVenueAfterTheTakeover() throws Exception {
    TradeCopier a = member("node-a", clockA);
    advance(Duration.ofMillis(1500));
    TradeCopier b = member("node-b", clockB);
    advance(Duration.ofSeconds(4));
    assertThat(owners(b)).containsOnly(Map.entry("node-a", 3), Map.entry("node-b", 3));
    String victim =
        a.leases().stream()
            .filter(l -> "node-a".equals(l.owner()) && l.name().startsWith("follower:"))
            .map(l -> l.name().substring("follower:".length()))
            .findFirst()
            .orElseThrow();
    FakeExchange venue = java.util.Objects.requireNonNull(followers.get(victim));

    // node-a sends the copy, and stalls while the request is still on its way to the venue
    venue.holdNextPlacements(1);
    fx.leader.trade("BTCUSDT", Side.BUY, "1", PositionSide.BOTH, false);
    for (int i = 0; i < 200 && venue.heldCount() == 0; i++) {
      advance(Duration.ofMillis(50));
    }
    assertThat(venue.heldCount()).as("node-a's order is in flight").isEqualTo(1);
    aFrozen = true;
    advance(Duration.ofSeconds(8));
    assertThat(owners(b)).containsExactly(Map.entry("node-b", FOLLOWERS));
    // node-b found no such order at the venue and sent the copy itself
    assertThat(venue.position("BTCUSDT", PositionSide.BOTH)).isEqualByComparingTo("0.5");

    // the stalled request reaches the venue at last: past its send deadline, so refused
    assertThat(venue.releaseHeld()).isEqualTo(1);
    assertThat(venue.lateRefusals()).isEqualTo(1);
    aFrozen = false;
    clockA.advanceBy(Duration.ofMillis(aLagMillis));
    advance(Duration.ofSeconds(8));
    allHold("0.5");
    assertThat(venue.placedOrders()).hasSize(1);
    CopyJournal audit = journal();
    assertThat(audit.history(HistoryQuery.builder().limit(HistoryQuery.MAX_LIMIT).build()))
        .filteredOn(r -> r.follower().equals(victim))
        .extracting(CopyRecord::status)
        .containsExactly(CopyStatus.COPIED);
    a.stop();
    b.stop();
  }

  @Test
  void aStalledOwnerCannotWriteAfterATakeover() throws Exception {
    SqlJournal first = (SqlJournal) journal();
    SqlJournal second = (SqlJournal) journal();
    String lease = Fence.follower("alice");
    long t = CopierFixture.T0;
    assertThat(first.leaseStore().tryAcquire(lease, "node-a", t, t + 3_000)).hasValue(1);
    assertThat(second.leaseStore().tryAcquire(lease, "node-b", t + 1_000, t + 4_000))
        .as("held and not expired")
        .isEmpty();
    assertThat(second.leaseStore().tryAcquire(lease, "node-b", t + 3_001, t + 6_001)).hasValue(2);
    first.fence(fence("node-a", Map.of(lease, 1L)));
    assertThatThrownBy(
            () ->
                first.setFollowerPosition(
                    "alice",
                    new dev.tradekit.copier.internal.PositionKey("BTCUSDT", PositionSide.BOTH),
                    BigDecimal.ONE))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("held by node-b at epoch 2, not epoch 1");
    assertThat(first.copiedPosition("alice", "BTCUSDT", PositionSide.BOTH)).isZero();
    assertThat(first.leaseStore().renew(lease, "node-a", 1, t + 9_000)).isFalse();
    second.fence(fence("node-b", Map.of(lease, 2L)));
    second.setFollowerPosition(
        "alice",
        new dev.tradekit.copier.internal.PositionKey("BTCUSDT", PositionSide.BOTH),
        BigDecimal.ONE);
    assertThat(first.copiedPosition("alice", "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("1");
  }

  @Test
  void anOwnerStoppedInsideATransactionNeitherBlocksNorPreventsATakeover() throws Exception {
    Connection stalled = DriverManager.getConnection(URL);
    stalled.setSchema(schema);
    SqlJournal first = (SqlJournal) CopyJournals.jdbc(stalled);
    open.add(first);
    SqlJournal second = (SqlJournal) journal();
    String lease = Fence.follower("alice");
    long t = CopierFixture.T0;
    assertThat(first.leaseStore().tryAcquire(lease, "node-a", t, t + 3_000)).hasValue(1);
    first.endStalledTransactionsAfter(1_000);
    // node-a is frozen in the middle of a fenced write: the lease row stays locked
    try (Statement st = stalled.createStatement()) {
      st.execute("SELECT owner FROM copier_leases WHERE name = '" + lease + "' FOR UPDATE");
    }
    assertThat(second.leaseStore().tryAcquire(lease, "node-b", t + 3_001, t + 6_001))
        .as("a locked row is not waited for")
        .isEmpty();
    long end = System.nanoTime() + 60_000_000_000L;
    java.util.OptionalLong taken = java.util.OptionalLong.empty();
    while (taken.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(50);
      taken = second.leaseStore().tryAcquire(lease, "node-b", t + 3_001, t + 6_001);
    }
    assertThat(taken).as("taken over once the server ended the stalled session").hasValue(2);
    assertThatThrownBy(() -> first.leaseStore().renew(lease, "node-a", 1, t + 9_000))
        .as("the woken owner's connection is gone")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aGroupNeedsAPostgresJournal() {
    assertThatThrownBy(
            () ->
                TradeCopier.builder()
                    .leader(fx.leader)
                    .journal(CopyJournals.inMemory())
                    .scheduler(clockA)
                    .instance("node-a")
                    .follower(
                        "f0",
                        (Exchange) java.util.Objects.requireNonNull(followers.get("f0")),
                        CopyPolicies.copyEachFill())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a journal on PostgreSQL");
  }

  private static Fence fence(String instance, Map<String, Long> epochs) {
    return new Fence() {
      @Override
      public String instance() {
        return instance;
      }

      @Override
      public @Nullable Long epoch(String lease) {
        return epochs.get(lease);
      }
    };
  }
}
