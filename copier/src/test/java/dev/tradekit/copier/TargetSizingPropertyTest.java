package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.fake.FakeExchange;
import dev.tradekit.copier.internal.Targets;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: however the venue splits the leader's orders (1 to 20 fills of random sizes on the lot
 * grid), every follower's copied position stays on its exact target rounded toward zero to its lot,
 * after every settled fill, for every sizing policy, with and without aggregation, for one-way and
 * hedge leaders and followers; and it is flat exactly when the leader is.
 *
 * <p>The number of scripts is {@code -Dtradekit.property.scripts} (default 2,000).
 */
class TargetSizingPropertyTest {
  private static final int SCRIPTS = Integer.getInteger("tradekit.property.scripts", 2_000);
  private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};
  private static final Map<String, BigDecimal> PRICES =
      Map.of("BTCUSDT", new BigDecimal("60000"), "ETHUSDT", new BigDecimal("3000"));
  private static final Map<String, BigDecimal> LOTS =
      Map.of("BTCUSDT", new BigDecimal("0.001"), "ETHUSDT", new BigDecimal("0.01"));
  private static final BigDecimal[] RATIOS = {
    new BigDecimal("0.1"), new BigDecimal("0.25"), new BigDecimal("0.37"), new BigDecimal("1.3")
  };
  private static final BigDecimal[] NOTIONALS = {
    new BigDecimal("100"), new BigDecimal("257"), new BigDecimal("777")
  };
  private static final String[] BALANCES = {"10000", "25000", "33333"};
  private static final BigDecimal TOLERANCE = new BigDecimal("1E-12");

  /** How a follower sizes opens; its reference target moves the same way. */
  private record Sizing(String name, CopyPolicy policy, Opens opens) {}

  @FunctionalInterface
  private interface Opens {
    /** The unsigned quantity a follower opens for {@code leaderQty} at {@code price}. */
    BigDecimal size(BigDecimal leaderQty, BigDecimal price);
  }

  @Test
  void everyFollowerStaysWithinOneLotOfItsExactTargetHoweverTheVenueSplitsOrders() {
    for (long seed = 1; seed <= SCRIPTS; seed++) {
      new Script(seed).run();
    }
  }

  private static final class Script {
    private final long seed;
    private final SplittableRandom rnd;
    private final CopierFixture fx = new CopierFixture();
    private final CopyJournal journal = CopyJournals.inMemory();
    private final boolean hedgeLeader;
    private final Map<String, Sizing> sizings = new LinkedHashMap<>();

    /** The leader's position per slot "symbol|side", as the script trades it. */
    private final Map<String, BigDecimal> leader = new HashMap<>();

    /** Each follower's reference target per slot, moved fill by fill like the policy sizes. */
    private final Map<String, Map<String, BigDecimal>> reference = new HashMap<>();

    private int trade;

    Script(long seed) {
      this.seed = seed;
      this.rnd = new SplittableRandom(seed);
      this.hedgeLeader = rnd.nextInt(3) == 0;
      BigDecimal ratio = RATIOS[rnd.nextInt(RATIOS.length)];
      BigDecimal notional = NOTIONALS[rnd.nextInt(NOTIONALS.length)];
      String balance = BALANCES[rnd.nextInt(BALANCES.length)];
      BigDecimal share = new BigDecimal(balance).divide(new BigDecimal("100000"));
      sizings.put(
          "ratio",
          new Sizing("ratio", CopyPolicies.fixedRatio(ratio), (q, p) -> q.multiply(ratio)));
      sizings.put(
          "ratioAgg",
          new Sizing(
              "ratioAgg",
              CopyPolicies.fixedRatio(ratio)
                  .andThen(CopyPolicies.aggregateWithin(Duration.ofMillis(500))),
              (q, p) -> q.multiply(ratio)));
      sizings.put(
          "notional",
          new Sizing(
              "notional",
              CopyPolicies.fixedNotional(notional),
              (q, p) -> notional.divide(p, MathContext.DECIMAL64)));
      sizings.put(
          "balance",
          new Sizing(
              "balance",
              CopyPolicies.proportionalToBalance()
                  .andThen(CopyPolicies.aggregateWithin(Duration.ofMillis(500))),
              (q, p) -> q.multiply(share)));
      sizings.put("oneToOne", new Sizing("oneToOne", CopyPolicies.copyEachFill(), (q, p) -> q));
      Map<String, Exchange> exchanges = new LinkedHashMap<>();
      Map<String, CopyPolicy> policies = new LinkedHashMap<>();
      for (Sizing s : sizings.values()) {
        FakeExchange f = fx.follower(s.name(), s.name().equals("balance") ? balance : "100000000");
        if (rnd.nextBoolean()) {
          f.setMode(PositionMode.HEDGE);
        }
        exchanges.put(s.name(), f);
        policies.put(s.name(), s.policy());
      }
      fx.start(journal, exchanges, policies, x -> x);
    }

    void run() {
      int orders = 4 + rnd.nextInt(8);
      for (int i = 0; i < orders; i++) {
        order(i);
      }
    }

    private void order(int n) {
      String symbol = SYMBOLS[rnd.nextInt(SYMBOLS.length)];
      BigDecimal lot = Objects.requireNonNull(LOTS.get(symbol));
      PositionSide slot =
          hedgeLeader
              ? (rnd.nextBoolean() ? PositionSide.LONG : PositionSide.SHORT)
              : PositionSide.BOTH;
      BigDecimal pos = leader.getOrDefault(symbol + "|" + slot, BigDecimal.ZERO);
      long held = pos.abs().divide(lot).longValueExact();
      Side side;
      long lots;
      int kind = rnd.nextInt(10);
      if (slot == PositionSide.BOTH) {
        side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        lots = 1 + rnd.nextInt(400);
        if (held > 0 && kind < 3) { // close exactly
          side = pos.signum() > 0 ? Side.SELL : Side.BUY;
          lots = held;
        }
      } else {
        Side opens = slot == PositionSide.LONG ? Side.BUY : Side.SELL;
        if (held > 0 && kind < 5) { // reduce or close the leg
          side = opens == Side.BUY ? Side.SELL : Side.BUY;
          lots = kind < 2 ? held : 1 + rnd.nextLong(held);
        } else {
          side = opens;
          lots = 1 + rnd.nextInt(400);
        }
      }
      int pieces = (int) Math.min(lots, 1 + rnd.nextInt(20));
      long[] split = split(lots, pieces);
      boolean backToBack = rnd.nextBoolean();
      for (int p = 0; p < split.length; p++) {
        BigDecimal qty = lot.multiply(BigDecimal.valueOf(split[p]));
        fx.leader.pushFill(
            Fill.builder()
                .symbol(symbol)
                .tradeId("t" + trade++)
                .orderId("o" + n)
                .side(side)
                .positionSide(slot)
                .price(Objects.requireNonNull(PRICES.get(symbol)))
                .quantity(qty)
                .commissionAsset("USDT")
                .time(fx.clock.currentTimeMillis())
                .build());
        move(symbol, slot, side, qty);
        if (!backToBack) {
          settleAndCheck(symbol);
        }
      }
      if (backToBack) { // aggregating followers merge the pieces into one copy
        settleAndCheck(symbol);
      }
    }

    /** {@code lots} as {@code pieces} positive parts, at random. */
    private long[] split(long lots, int pieces) {
      long[] out = new long[pieces];
      long left = lots - pieces;
      for (int i = 0; i < pieces - 1; i++) {
        long extra = left == 0 ? 0 : rnd.nextLong(left + 1);
        out[i] = 1 + extra;
        left -= extra;
      }
      out[pieces - 1] = 1 + left;
      return out;
    }

    /** Moves the leader and every follower's reference target for one fill. */
    private void move(String symbol, PositionSide slot, Side side, BigDecimal qty) {
      String key = symbol + "|" + slot;
      BigDecimal before = leader.getOrDefault(key, BigDecimal.ZERO);
      BigDecimal after = before.add(side == Side.BUY ? qty : qty.negate());
      if (slot == PositionSide.LONG && after.signum() < 0
          || slot == PositionSide.SHORT && after.signum() > 0) {
        after = BigDecimal.ZERO;
      }
      leader.put(key, after);
      BigDecimal price = Objects.requireNonNull(PRICES.get(symbol));
      for (Sizing s : sizings.values()) {
        Map<String, BigDecimal> targets = reference.computeIfAbsent(s.name(), k -> new HashMap<>());
        BigDecimal t = targets.getOrDefault(key, BigDecimal.ZERO);
        BigDecimal next;
        if (after.signum() == 0) {
          next = BigDecimal.ZERO;
        } else if (before.signum() != 0 && after.signum() != before.signum()) { // a flip
          BigDecimal size = s.opens().size(after.abs(), price);
          next = after.signum() > 0 ? size : size.negate();
        } else if (after.abs().compareTo(before.abs()) > 0) { // open or increase
          BigDecimal size = s.opens().size(after.abs().subtract(before.abs()), price);
          next = t.add(after.signum() > 0 ? size : size.negate());
        } else {
          next = Targets.scaled(t, after, before);
        }
        targets.put(key, Targets.normalize(next));
      }
    }

    private void settleAndCheck(String symbol) {
      fx.clock.advanceBy(Duration.ofSeconds(1));
      for (Sizing s : sizings.values()) {
        check(s.name(), symbol);
      }
    }

    private void check(String follower, String symbol) {
      String ctx = "seed " + seed + " follower " + follower + " " + symbol;
      BigDecimal lot = Objects.requireNonNull(LOTS.get(symbol));
      BigDecimal venueNet = BigDecimal.ZERO;
      FakeExchange ex = fx.ex(follower);
      for (PositionSide ps : PositionSide.values()) {
        venueNet = venueNet.add(ex.position(symbol, ps));
      }
      BigDecimal journalNet = BigDecimal.ZERO;
      for (PositionSide slot : PositionSide.values()) {
        String key = symbol + "|" + slot;
        BigDecimal expected =
            reference.getOrDefault(follower, Map.of()).getOrDefault(key, BigDecimal.ZERO);
        BigDecimal target = journal.targetPosition(follower, symbol, slot);
        BigDecimal copied = journal.copiedPosition(follower, symbol, slot);
        journalNet = journalNet.add(copied);
        assertThat(target.subtract(expected).abs())
            .as("%s %s: journaled target %s, exact %s", ctx, slot, target, expected)
            .isLessThanOrEqualTo(TOLERANCE);
        assertThat(copied)
            .as("%s %s: copied on the exact target %s rounded toward zero", ctx, slot, expected)
            .isEqualByComparingTo(Targets.onLot(target, lot));
        BigDecimal rest = expected.abs().subtract(copied.abs());
        assertThat(rest.compareTo(lot) < 0 && rest.compareTo(TOLERANCE.negate()) >= 0)
            .as("%s %s: %s within one lot below |%s|", ctx, slot, copied, expected)
            .isTrue();
        if (leader.getOrDefault(key, BigDecimal.ZERO).signum() == 0) {
          assertThat(copied).as("%s %s: flat with the leader", ctx, slot).isZero();
        }
      }
      assertThat(venueNet).as(ctx + ": venue equals the journal").isEqualByComparingTo(journalNet);
    }
  }
}
