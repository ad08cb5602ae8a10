package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A leader trading script on the simulated exchange — opens, adds, partial closes, flips and closes
 * on two symbols, some orders filling in several fills — copied by three followers with different
 * policies: every follower ends at its expected scaled positions and the journal holds each leader
 * fill exactly once per follower.
 */
class SimCopyScriptTest {
  private final SimChaosVenue sim = new SimChaosVenue();
  private final CopyJournal journal = CopyJournals.inMemory();

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  private void leader(String symbol, Side side, String qty) {
    sim.leaderOrder(OrderRequest.market(symbol, side, bd(qty)));
    sim.clock().advanceBy(Duration.ofSeconds(1));
  }

  @Test
  void threeFollowersEndAtTheirScaledPositionsWithEachFillJournaledOnce() {
    sim.layered(); // a 0.12 BTC market order fills in three fills (0.04 + 0.04 + 0.04)
    sim.hedge("hedged");
    Exchange ratio = sim.follower("ratio");
    Exchange hedged = sim.follower("hedged");
    Exchange btcOnly = sim.follower("btc-only");
    TradeCopier copier =
        TradeCopier.builder()
            .leader(sim.leader())
            .journal(journal)
            .scheduler(sim.clock())
            .follower("ratio", ratio, CopyPolicies.fixedRatio(bd("0.1")))
            .follower(
                "hedged",
                hedged,
                CopyPolicies.fixedRatio(bd("0.5"))
                    .andThen(CopyPolicies.slippageCap(bd("0.005")))
                    .andThen(CopyPolicies.aggregateWithin(Duration.ofMillis(300))))
            .follower(
                "btc-only",
                btcOnly,
                CopyPolicies.fixedRatio(bd("0.25"))
                    .andThen(CopyPolicies.denySymbols("ETHUSDT"))
                    .andThen(CopyPolicies.fixedLeverage(5)))
            .build();
    sim.await(copier.start());
    sim.clock().advanceBy(Duration.ofMillis(100));

    leader("BTCUSDT", Side.BUY, "0.2"); //   open      0.2  (fills 0.04 + 0.04 + 0.12)
    leader("ETHUSDT", Side.SELL, "2.0"); //  open     -2.0
    leader("BTCUSDT", Side.BUY, "0.12"); //  add       0.32
    leader("ETHUSDT", Side.SELL, "0.8"); //  add      -2.8
    leader("BTCUSDT", Side.SELL, "0.08"); // partial   0.24
    leader("ETHUSDT", Side.BUY, "1.2"); //   partial  -1.6
    leader("BTCUSDT", Side.SELL, "0.4"); //  flip     -0.16
    leader("ETHUSDT", Side.BUY, "2.4"); //   flip      0.8
    leader("BTCUSDT", Side.BUY, "0.04"); //  partial  -0.12
    leader("ETHUSDT", Side.SELL, "0.8"); //  close     0
    leader("BTCUSDT", Side.BUY, "0.12"); //  close     0
    leader("ETHUSDT", Side.BUY, "1.6"); //   open      1.6
    leader("BTCUSDT", Side.BUY, "0.08"); //  open      0.08
    sim.clock().advanceBy(Duration.ofSeconds(5));

    assertThat(sim.position(sim.leader(), "BTCUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("0.08");
    assertThat(sim.position(sim.leader(), "ETHUSDT", PositionSide.BOTH))
        .isEqualByComparingTo("1.6");
    assertThat(sim.position(ratio, "BTCUSDT", PositionSide.BOTH)).isEqualByComparingTo("0.008");
    assertThat(sim.position(ratio, "ETHUSDT", PositionSide.BOTH)).isEqualByComparingTo("0.16");
    assertThat(sim.position(hedged, "BTCUSDT", PositionSide.LONG)).isEqualByComparingTo("0.04");
    assertThat(sim.position(hedged, "BTCUSDT", PositionSide.SHORT)).isZero();
    assertThat(sim.position(hedged, "ETHUSDT", PositionSide.LONG)).isEqualByComparingTo("0.8");
    assertThat(sim.position(hedged, "ETHUSDT", PositionSide.SHORT)).isZero();
    assertThat(sim.position(btcOnly, "BTCUSDT", PositionSide.BOTH)).isEqualByComparingTo("0.02");
    assertThat(sim.position(btcOnly, "ETHUSDT", PositionSide.BOTH)).isZero();
    List<Position> btcOnlyPositions = sim.await(btcOnly.account().positions());
    assertThat(btcOnlyPositions)
        .singleElement()
        .satisfies(p -> assertThat(p.leverage()).isEqualTo(5));

    List<Fill> leaderFills = sim.fills(sim.leader());
    assertThat(leaderFills.size()).isGreaterThan(13); // the thin levels split some orders
    List<CopyRecord> all =
        journal.history(HistoryQuery.builder().limit(HistoryQuery.MAX_LIMIT).build());
    for (String follower : List.of("ratio", "hedged", "btc-only")) {
      Map<String, Integer> perFill = new HashMap<>();
      for (CopyRecord r : all) {
        if (r.follower().equals(follower) && r.leg() == 0) {
          perFill.merge(r.symbol() + "|" + r.leaderTradeId(), 1, Integer::sum);
        }
      }
      Set<String> expected = new HashSet<>();
      leaderFills.forEach(f -> expected.add(f.symbol() + "|" + f.tradeId()));
      assertThat(perFill.keySet()).as(follower).isEqualTo(expected);
      assertThat(perFill.values()).as(follower).containsOnly(1);
      assertThat(all)
          .filteredOn(r -> r.follower().equals(follower))
          .allSatisfy(r -> assertThat(r.status().isTerminal()).isTrue())
          .noneMatch(r -> r.status() == CopyStatus.FAILED);
    }
    // the hedged follower merged the split fills of one leader order into one order
    assertThat(
            journal.count(
                HistoryQuery.builder().follower("hedged").status(CopyStatus.MERGED).build()))
        .isPositive();
    assertThat(
            journal.count(
                HistoryQuery.builder().follower("ratio").status(CopyStatus.MERGED).build()))
        .isZero();
    assertThat(
            journal.history(
                HistoryQuery.builder()
                    .follower("btc-only")
                    .symbol("ETHUSDT")
                    .status(CopyStatus.SKIPPED)
                    .build()))
        .extracting(CopyRecord::reason)
        .contains(
            "symbol ETHUSDT is in the deny list",
            "no copied position in ETHUSDT BOTH to reduce or close");
    CopierStats stats = copier.stats();
    assertThat(stats.fillsSeen()).isEqualTo(leaderFills.size());
    FollowerStats r = java.util.Objects.requireNonNull(stats.followers().get("ratio"));
    assertThat(r.copied()).isEqualTo(leaderFills.size() + 2); // two flips: close and reopen legs
    // leader fill to follower ack on the virtual clock: 5 ms stream latency + 15 ms order latency;
    // copies of fills that arrive together queue on the follower's symbol lane, 15 ms apart
    Map<String, Integer> queued = new HashMap<>();
    List<CopyRecord> ratioCopies =
        new java.util.ArrayList<>(all.stream().filter(x -> x.follower().equals("ratio")).toList());
    ratioCopies.sort(
        java.util.Comparator.comparingLong(CopyRecord::seq).thenComparingInt(CopyRecord::leg));
    long longest = 0;
    for (CopyRecord x : ratioCopies) {
      int k = queued.merge(x.symbol() + "@" + x.leaderTime(), 1, Integer::sum) - 1;
      assertThat(x.latencyMillis()).as(x.toString()).isEqualTo(20 + 15L * k);
      longest = Math.max(longest, x.latencyMillis());
    }
    assertThat(r.latencyP50Millis()).isBetween(20L, 35L);
    assertThat(r.latencyMaxMillis()).isEqualTo(longest);
  }
}
