package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.fake.Fault;
import dev.tradekit.copier.fake.FaultyExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One seeded chaos schedule: a random leader script over two symbols, three followers with
 * different ratios behind fault-injecting decorators (unknown outcomes that did and did not land,
 * transport errors, rate limits, failed queries, crashes before and after sending), and a leader
 * stream that drops, duplicates and reconnects. After the script the faults stop and time runs on;
 * then the invariants are checked: no duplicate order, no missed copy, every follower at its ratio
 * of the leader's position, its journaled exact target equal to that ratio, and its copied position
 * within one lot of the target, toward zero.
 */
final class ChaosHarness {
  static final Map<String, BigDecimal> RATIOS =
      Map.of("f1", new BigDecimal("0.1"), "f2", new BigDecimal("0.5"), "f3", new BigDecimal("1"));
  private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};
  private static final String[] UNITS = {"0.01", "0.1"};

  /** Which faults a schedule injects; consulted only while faults are on. */
  interface Faults {
    Fault place(int call);

    FaultyExchange.StreamFault stream();

    boolean queryFails();
  }

  /** Random faults of every kind, from {@code rnd}. */
  static Faults random(SplittableRandom rnd) {
    return new Faults() {
      @Override
      public Fault place(int call) {
        int r = rnd.nextInt(100);
        return r < 6
            ? Fault.UNKNOWN_PLACED
            : r < 12
                ? Fault.UNKNOWN_NOT_PLACED
                : r < 17
                    ? Fault.TRANSPORT
                    : r < 20
                        ? Fault.RATE_LIMIT
                        : r < 22
                            ? Fault.CRASH_BEFORE_SEND
                            : r < 24 ? Fault.CRASH_AFTER_SEND : Fault.NONE;
      }

      @Override
      public FaultyExchange.StreamFault stream() {
        int r = rnd.nextInt(100);
        return r < 10
            ? FaultyExchange.StreamFault.DROP
            : r < 20
                ? FaultyExchange.StreamFault.DUPLICATE
                : r < 25
                    ? FaultyExchange.StreamFault.DROP_THEN_RECONNECT
                    : FaultyExchange.StreamFault.NONE;
      }

      @Override
      public boolean queryFails() {
        return rnd.nextInt(100) < 5;
      }
    };
  }

  /**
   * Only one fault: {@code crash} at the {@code at}-th order placement (counted over followers).
   */
  static Faults crashAt(int at, Fault crash) {
    return new Faults() {
      @Override
      public Fault place(int call) {
        return call == at ? crash : Fault.NONE;
      }

      @Override
      public FaultyExchange.StreamFault stream() {
        return FaultyExchange.StreamFault.NONE;
      }

      @Override
      public boolean queryFails() {
        return false;
      }
    };
  }

  private final long seed;
  private final SplittableRandom rnd;
  private final Faults faultModel;
  private int placeCalls;
  private final Supplier<CopyJournal> journals;
  private final ChaosVenue venue;
  private final Map<String, BigDecimal> leaderPos = new LinkedHashMap<>();
  private final Map<String, FaultyExchange> faulty = new LinkedHashMap<>();
  private FaultyExchange leader;
  private volatile boolean faultsOn = true;
  private volatile boolean crashed;
  private TradeCopier copier;
  private CopyJournal journal;
  int restarts;
  int injected;

  /** {@code journals} gives the journal for each (re)start: the same store, possibly reopened. */
  ChaosHarness(ChaosVenue venue, long seed, Supplier<CopyJournal> journals) {
    this(venue, seed, journals, null);
  }

  /** A schedule with {@code faults}, or random faults from the seed when null. */
  ChaosHarness(
      ChaosVenue venue,
      long seed,
      Supplier<CopyJournal> journals,
      @org.jspecify.annotations.Nullable Faults faults) {
    this.venue = venue;
    this.seed = seed;
    this.rnd = new SplittableRandom(seed);
    this.faultModel = faults != null ? faults : random(new SplittableRandom(seed * 31 + 7));
    this.journals = journals;
    leader = new FaultyExchange(venue.leader()).onStream(f -> streamFault());
    for (String name : RATIOS.keySet()) {
      faulty.put(
          name,
          new FaultyExchange(venue.follower(name))
              .onPlace(r -> placeFault())
              .onQuery(r -> faultsOn && faultModel.queryFails())
              .crashWith(
                  () -> {
                    crashed = true;
                    Objects.requireNonNull(copier).stop();
                  }));
    }
    journal = journals.get();
    startCopier();
  }

  private TradeCopier startCopier() {
    TradeCopier.Builder b =
        TradeCopier.builder().leader(leader).journal(journal).scheduler(venue.clock());
    faulty.forEach(
        (n, ex) ->
            b.follower(n, ex, CopyPolicies.fixedRatio(Objects.requireNonNull(RATIOS.get(n)))));
    TradeCopier c = b.build();
    copier = c; // before starting: a crash during start must stop this one
    c.start();
    venue.clock().advanceBy(Duration.ofMillis(5));
    return c;
  }

  private FaultyExchange.StreamFault streamFault() {
    return faultsOn ? faultModel.stream() : FaultyExchange.StreamFault.NONE;
  }

  private synchronized Fault placeFault() {
    placeCalls++;
    return faultsOn ? faultModel.place(placeCalls) : Fault.NONE;
  }

  /** Plays {@code steps} random leader trades, then heals and settles. */
  void run(int steps) {
    for (int i = 0; i < steps; i++) {
      int s = rnd.nextInt(SYMBOLS.length);
      BigDecimal unit = new BigDecimal(UNITS[s]);
      BigDecimal pos = leaderPos.getOrDefault(SYMBOLS[s], BigDecimal.ZERO);
      int lots = 1 + rnd.nextInt(8);
      Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
      if (pos.signum() != 0 && rnd.nextInt(4) == 0) { // close exactly, sometimes
        side = pos.signum() > 0 ? Side.SELL : Side.BUY;
        lots = pos.abs().divide(unit).intValueExact();
      }
      BigDecimal qty = unit.multiply(BigDecimal.valueOf(lots));
      venue.leaderTrade(SYMBOLS[s], side, qty);
      leaderPos.put(SYMBOLS[s], pos.add(side == Side.BUY ? qty : qty.negate()));
      venue.clock().advanceBy(Duration.ofMillis(rnd.nextInt(1_500)));
      restartIfCrashed();
    }
    faultsOn = false;
    for (int i = 0; i < 12; i++) {
      venue.clock().advanceBy(Duration.ofSeconds(30));
      restartIfCrashed();
    }
    injected =
        leader.injected() + faulty.values().stream().mapToInt(FaultyExchange::injected).sum();
  }

  private void restartIfCrashed() {
    if (crashed) {
      crashed = false;
      restarts++;
      journal = journals.get();
      startCopier();
    }
  }

  /** No duplicate, no missed copy, every follower at its ratio of the leader. */
  void assertInvariants() {
    String ctx = "seed " + seed;
    List<CopyRecord> all =
        journal.history(HistoryQuery.builder().limit(HistoryQuery.MAX_LIMIT).build());
    long leaderFills = journal.symbolStats().stream().mapToLong(SymbolStats::leaderFills).sum();
    for (String name : RATIOS.keySet()) {
      Set<String> fillsCopied = new HashSet<>();
      for (CopyRecord r : all) {
        if (r.follower().equals(name)) {
          assertThat(r.status().isTerminal()).as(ctx + " " + r).isTrue();
          assertThat(r.status()).as(ctx + " " + r).isNotEqualTo(CopyStatus.FAILED);
          fillsCopied.add(r.symbol() + "|" + r.leaderTradeId());
        }
      }
      assertThat(fillsCopied)
          .as(ctx + ": every leader fill journaled once for " + name)
          .hasSize((int) leaderFills);
      Map<String, Set<String>> orders = venue.followerOrders(name);
      orders.forEach(
          (id, venueIds) ->
              assertThat(venueIds).as(ctx + ": duplicate orders for " + id).hasSize(1));
      long copied =
          all.stream()
              .filter(r -> r.follower().equals(name) && r.status() == CopyStatus.COPIED)
              .count();
      assertThat(orders).as(ctx + ": one venue order per copy for " + name).hasSize((int) copied);
      for (String symbol : SYMBOLS) {
        BigDecimal expected =
            leaderPos
                .getOrDefault(symbol, BigDecimal.ZERO)
                .multiply(Objects.requireNonNull(RATIOS.get(name)));
        assertThat(venue.followerPosition(name, symbol))
            .as(ctx + ": " + name + " " + symbol)
            .isEqualByComparingTo(expected);
        BigDecimal held = journal.copiedPosition(name, symbol, PositionSide.BOTH);
        assertThat(held).as(ctx).isEqualByComparingTo(expected);
        // the one-lot rule: the exact target is the ratio of the leader, and the copied position
        // is that target rounded toward zero to the lot
        BigDecimal target = journal.targetPosition(name, symbol, PositionSide.BOTH);
        assertThat(target)
            .as(ctx + ": " + name + " target in " + symbol)
            .isEqualByComparingTo(expected);
        BigDecimal lot =
            (symbol.equals("BTCUSDT") ? CopierFixture.btc() : CopierFixture.eth()).stepSize();
        BigDecimal rest = target.abs().subtract(held.abs());
        assertThat(
                rest.signum() >= 0
                    && rest.compareTo(lot) < 0
                    && held.signum() * target.signum() >= 0)
            .as(ctx + ": " + name + " holds " + held + " within one lot below " + target)
            .isTrue();
      }
    }
  }
}
