package dev.tradekit.copier.internal;

import static dev.tradekit.copier.internal.TestRecords.bd;
import static dev.tradekit.copier.internal.TestRecords.btc;
import static dev.tradekit.copier.internal.TestRecords.oneWay;
import static dev.tradekit.copier.internal.TestRecords.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyPolicies;
import dev.tradekit.copier.CopyPolicy;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.FollowerSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyPlannerTest {
  private static final PositionKey BOTH = new PositionKey("BTCUSDT", PositionSide.BOTH);

  private static CopyPlanner.Inputs inputs(PositionMode mode, Map<PositionKey, BigDecimal> held) {
    return new CopyPlanner.Inputs(btc(), mode, held, held, Map.of(), null, null);
  }

  private static CopyPlanner.Plan plan(
      List<CopyRecord> group, CopyPolicy policy, CopyPlanner.Inputs in) {
    return CopyPlanner.plan(
        group, "alice", policy.settings(FollowerSettings.DEFAULTS), policy, in, 9_999);
  }

  private static OrderRequest sent(CopyPlanner.Plan p) {
    assertThat(p).isInstanceOf(CopyPlanner.Send.class);
    return ((CopyPlanner.Send) p).request();
  }

  @Test
  void opensByPolicyRoundedDownToTheStep() {
    // 0.37 * 0.1 = 0.037; 0.0377 -> 0.037 at step 0.001
    CopyRecord open = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.377", "0", "0.377");
    OrderRequest r =
        sent(
            plan(
                List.of(open),
                CopyPolicies.fixedRatio(bd("0.1")),
                inputs(PositionMode.ONE_WAY, Map.of())));
    assertThat(r.quantity()).isEqualByComparingTo("0.037");
    assertThat(r.type()).isEqualTo(OrderType.MARKET);
    assertThat(r.side()).isEqualTo(Side.BUY);
    assertThat(r.positionSide()).isEqualTo(PositionSide.BOTH);
    assertThat(r.reduceOnly()).isFalse();
    assertThat(r.clientOrderId()).isEqualTo(open.clientOrderId());
  }

  @Test
  void skipsRatherThanEnlargeWhenBelowTheMinimumButKeepsTheExactTarget() {
    // 0.01 * 0.05 = 0.0005 -> rounds to 0; the target keeps 0.0005 so small copies add up
    CopyRecord open = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.01", "0", "0.01");
    CopyPlanner.Plan p =
        plan(
            List.of(open),
            CopyPolicies.fixedRatio(bd("0.05")),
            inputs(PositionMode.ONE_WAY, Map.of()));
    CopyPlanner.Skip skip = (CopyPlanner.Skip) p;
    assertThat(skip.reason())
        .isEqualTo(
            "the exact target 0.0005 rounds toward zero to 0 at the step 0.001 of BTCUSDT, and 0"
                + " is copied already: nothing to send (never enlarged)");
    assertThat(java.util.Objects.requireNonNull(skip.target()).amount())
        .isEqualByComparingTo("0.0005");
    // 0.0015 -> 0.001 BTC at 60000 = 60 USDT < min notional 100
    CopyPlanner.Plan q =
        plan(
            List.of(open),
            CopyPolicies.fixedRatio(bd("0.15")),
            inputs(PositionMode.ONE_WAY, Map.of()));
    assertThat(((CopyPlanner.Skip) q).reason())
        .startsWith("below the venue's limits, not enlarged:");
  }

  @Test
  void slippageCapOpensWithAnIocLimitOnTheTick() {
    // buy cap: 60000.55 * 1.002 = 60000.55 + 120.0011 = 60120.5511 -> down to tick 0.1 = 60120.5
    CopyRecord buy = oneWay(1, CopyAction.OPEN, Side.BUY, "60000.55", "0.5", "0", "0.5");
    CopyPolicy p = CopyPolicies.slippageCap(bd("0.002"));
    OrderRequest r = sent(plan(List.of(buy), p, inputs(PositionMode.ONE_WAY, Map.of())));
    assertThat(r.type()).isEqualTo(OrderType.LIMIT);
    assertThat(r.timeInForce()).isEqualTo(TimeInForce.IOC);
    assertThat(r.price()).isEqualByComparingTo("60120.5");
    // sell cap: 60000.55 * 0.998 = 60000.55 - 120.0011 = 59880.5489 -> up to 59880.6
    CopyRecord sell = oneWay(1, CopyAction.OPEN, Side.SELL, "60000.55", "0.5", "0", "-0.5");
    assertThat(sent(plan(List.of(sell), p, inputs(PositionMode.ONE_WAY, Map.of()))).price())
        .isEqualByComparingTo("59880.6");
  }

  @Test
  void partialCloseScalesTheTargetByTheLeadersFractionAndRoundsTowardZero() {
    // leader 2 -> 1.4 (30 % off); target 0.333 -> 0.2331, held on the lot 0.233: sell 0.1
    CopyRecord reduce = oneWay(2, CopyAction.REDUCE, Side.SELL, "60000", "0.6", "2", "1.4");
    OrderRequest r =
        sent(
            plan(
                List.of(reduce),
                CopyPolicies.fixedRatio(bd("9")),
                inputs(PositionMode.ONE_WAY, Map.of(BOTH, bd("0.333")))));
    assertThat(r.quantity()).isEqualByComparingTo("0.1");
    assertThat(r.side()).isEqualTo(Side.SELL);
    assertThat(r.reduceOnly()).isTrue();
    assertThat(r.type()).isEqualTo(OrderType.MARKET);
  }

  @Test
  void closeTakesTheWholeCopiedPositionEvenBelowMinNotional() {
    // 0.001 BTC = 60 USDT < 100, but a close is exempt and never left behind
    CopyRecord close = oneWay(3, CopyAction.CLOSE, Side.BUY, "60000", "2", "-2", "0");
    OrderRequest r =
        sent(
            plan(
                List.of(close),
                CopyPolicies.fixedRatio(bd("1")),
                inputs(PositionMode.ONE_WAY, Map.of(BOTH, bd("-0.001")))));
    assertThat(r.quantity()).isEqualByComparingTo("0.001");
    assertThat(r.side()).isEqualTo(Side.BUY);
    assertThat(r.reduceOnly()).isTrue();
  }

  @Test
  void reductionWithNothingCopiedIsSkipped() {
    CopyRecord close = oneWay(3, CopyAction.CLOSE, Side.SELL, "60000", "2", "2", "0");
    CopyPlanner.Plan p =
        plan(
            List.of(close),
            CopyPolicies.fixedRatio(bd("1")),
            inputs(PositionMode.ONE_WAY, Map.of()));
    assertThat(((CopyPlanner.Skip) p).reason())
        .isEqualTo("no copied position in BTCUSDT BOTH to reduce or close");
  }

  @Test
  void flipClosesThenReopensByPolicy() {
    // leader +2 -> -1: leg 0 closes the follower's +0.2; leg 1 opens 1 * 0.1 = 0.1 short
    CopyRecord close =
        pending(
            "alice",
            4,
            0,
            "o9",
            CopyAction.FLIP,
            Side.SELL,
            PositionSide.BOTH,
            "60000",
            "3",
            "2",
            "-1");
    CopyRecord reopen =
        pending(
            "alice",
            4,
            1,
            "o9",
            CopyAction.FLIP,
            Side.SELL,
            PositionSide.BOTH,
            "60000",
            "3",
            "2",
            "-1");
    CopyPolicy ratio = CopyPolicies.fixedRatio(bd("0.1"));
    OrderRequest c =
        sent(plan(List.of(close), ratio, inputs(PositionMode.ONE_WAY, Map.of(BOTH, bd("0.2")))));
    assertThat(c.quantity()).isEqualByComparingTo("0.2");
    assertThat(c.side()).isEqualTo(Side.SELL);
    assertThat(c.reduceOnly()).isTrue();
    OrderRequest o = sent(plan(List.of(reopen), ratio, inputs(PositionMode.ONE_WAY, Map.of())));
    assertThat(o.quantity()).isEqualByComparingTo("0.1");
    assertThat(o.side()).isEqualTo(Side.SELL);
    assertThat(o.reduceOnly()).isFalse();
    assertThat(o.clientOrderId()).isNotEqualTo(c.clientOrderId());
  }

  @Test
  void hedgeFollowerUsesLegsInsteadOfReduceOnly() {
    // one-way leader opens long: hedge follower opens the LONG leg, then closes it with SELL LONG
    CopyRecord open = oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "1", "0", "1");
    OrderRequest o =
        sent(
            plan(
                List.of(open),
                CopyPolicies.fixedRatio(bd("0.5")),
                inputs(PositionMode.HEDGE, Map.of())));
    assertThat(o.positionSide()).isEqualTo(PositionSide.LONG);
    CopyRecord close = oneWay(2, CopyAction.CLOSE, Side.SELL, "60000", "1", "1", "0");
    OrderRequest c =
        sent(
            plan(
                List.of(close),
                CopyPolicies.fixedRatio(bd("0.5")),
                inputs(PositionMode.HEDGE, Map.of(BOTH, bd("0.5")))));
    assertThat(c.positionSide()).isEqualTo(PositionSide.LONG);
    assertThat(c.side()).isEqualTo(Side.SELL);
    assertThat(c.reduceOnly()).isFalse();
    assertThat(c.quantity()).isEqualByComparingTo("0.5");
  }

  @Test
  void hedgeLeaderShortLegIsCopiedToTheShortLeg() {
    PositionKey shortLeg = new PositionKey("BTCUSDT", PositionSide.SHORT);
    CopyRecord open =
        pending(
            "alice",
            1,
            0,
            "o1",
            CopyAction.OPEN,
            Side.SELL,
            PositionSide.SHORT,
            "60000",
            "1",
            "0",
            "-1");
    OrderRequest o =
        sent(
            plan(
                List.of(open),
                CopyPolicies.fixedRatio(bd("0.2")),
                inputs(PositionMode.HEDGE, Map.of())));
    assertThat(o.positionSide()).isEqualTo(PositionSide.SHORT);
    assertThat(o.side()).isEqualTo(Side.SELL);
    // leader buys back 0.25 of its -1 short: follower buys 25 % of its -0.2 = 0.05 on SHORT
    CopyRecord reduce =
        pending(
            "alice",
            2,
            0,
            "o2",
            CopyAction.REDUCE,
            Side.BUY,
            PositionSide.SHORT,
            "60000",
            "0.25",
            "-1",
            "-0.75");
    OrderRequest r =
        sent(
            plan(
                List.of(reduce),
                CopyPolicies.fixedRatio(bd("0.2")),
                inputs(PositionMode.HEDGE, Map.of(shortLeg, bd("-0.2")))));
    assertThat(r.quantity()).isEqualByComparingTo("0.05");
    assertThat(r.side()).isEqualTo(Side.BUY);
    assertThat(r.positionSide()).isEqualTo(PositionSide.SHORT);
  }

  @Test
  void aggregatedFillsAreSizedTogetherAtTheirAveragePrice() {
    // three 0.004 fills (each 0.0004 after ratio: below the step) add up to 0.0012 -> 0.001
    List<CopyRecord> group =
        List.of(
            oneWay(1, CopyAction.OPEN, Side.BUY, "60000", "0.004", "0", "0.004"),
            oneWay(2, CopyAction.INCREASE, Side.BUY, "60010", "0.004", "0.004", "0.008"),
            oneWay(3, CopyAction.INCREASE, Side.BUY, "60020", "0.004", "0.008", "0.012"));
    CopyPolicy p = CopyPolicies.fixedRatio(bd("10"));
    CopyPlanner.Plan plan = plan(group, p, inputs(PositionMode.ONE_WAY, Map.of()));
    CopyPlanner.Send s = (CopyPlanner.Send) plan;
    assertThat(s.request().quantity()).isEqualByComparingTo("0.12");
    assertThat(s.merged()).hasSize(2);
    assertThat(s.merged())
        .allSatisfy(
            m -> {
              assertThat(m.status()).isEqualTo(CopyStatus.MERGED);
              assertThat(m.reason()).isEqualTo("merged into " + group.get(0).clientOrderId());
            });
    assertThat(s.intended().status()).isEqualTo(CopyStatus.INTENDED);
  }

  @Test
  void aggregatedReductionsUseTheFirstBeforeAndTheLastAfter() {
    // leader 4 -> 3 -> 2 in two fills: half; follower 0.8 -> sells 0.4
    List<CopyRecord> group =
        List.of(
            oneWay(5, CopyAction.REDUCE, Side.SELL, "60000", "1", "4", "3"),
            oneWay(6, CopyAction.REDUCE, Side.SELL, "60000", "1", "3", "2"));
    CopyPlanner.Plan p =
        plan(
            group,
            CopyPolicies.fixedRatio(bd("1")),
            inputs(PositionMode.ONE_WAY, Map.of(BOTH, bd("0.8"))));
    assertThat(sent(p).quantity()).isEqualByComparingTo("0.4");
  }

  @Test
  void notionalCapsSeeTheCopiedPositionAtTheLeaderPrice() {
    // follower already holds 0.3 BTC (18000 at 60000); cap 20000 leaves 2000 = 0.0333.. -> 0.033
    CopyRecord inc = oneWay(2, CopyAction.INCREASE, Side.BUY, "60000", "1", "1", "2");
    CopyPolicy p =
        CopyPolicies.fixedRatio(bd("0.3")).andThen(CopyPolicies.maxPositionNotional(bd("20000")));
    assertThat(
            sent(plan(List.of(inc), p, inputs(PositionMode.ONE_WAY, Map.of(BOTH, bd("0.3")))))
                .quantity())
        .isEqualByComparingTo("0.033");
  }

  @Test
  void fractionOfAReductionIsExactWhenItLandsOnTheStep() {
    // leader 1.4 -> 1.3 takes 1/14; 0.7 * 0.1 / 1.4 = 0.05 exactly (1 - 1.3/1.4 in 16 digits
    // would give 0.0499999… and round down to 0.04)
    CopyRecord reduce = oneWay(7, CopyAction.REDUCE, Side.SELL, "3000", "0.1", "1.4", "1.3");
    OrderRequest r =
        sent(
            plan(
                List.of(reduce),
                CopyPolicies.fixedRatio(bd("0.5")),
                inputs(PositionMode.ONE_WAY, Map.of(BOTH, bd("0.7")))));
    assertThat(r.quantity()).isEqualByComparingTo("0.05");
  }
}
