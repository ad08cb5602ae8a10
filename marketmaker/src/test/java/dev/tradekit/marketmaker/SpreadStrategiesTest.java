package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.Fixtures.BTC;
import static dev.tradekit.marketmaker.Fixtures.bd;
import static dev.tradekit.marketmaker.Fixtures.buy;
import static dev.tradekit.marketmaker.Fixtures.ctx;
import static dev.tradekit.marketmaker.Fixtures.inventory;
import static dev.tradekit.marketmaker.Fixtures.market;
import static dev.tradekit.marketmaker.Fixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SpreadStrategiesTest {
  private static final QuoteParameters TEN_BPS = QuoteParameters.of(bd("0.001"), bd("0.002"));

  @Test
  void fixedSpreadRoundsBuyDownAndSellUpAroundTheMid() {
    // mid = (60000.0 + 60000.2) / 2 = 60000.1; buy = 60000.1 * 0.999 = 59940.0999 -> 59940.0;
    // sell = 60000.1 * 1.001 = 60060.1001 -> 60060.2
    List<TargetOrder> t =
        Strategies.fixedSpread().targets(ctx(market(BTC, "60000.0", "60000.2"), TEN_BPS));
    assertThat(t).containsExactly(buy("59940.0", "0.002"), sell("60060.2", "0.002"));
  }

  @Test
  void ladderStepsOutByLevelSpreadAndGrowsByLevelAmount() {
    QuoteParameters p = TEN_BPS.withLevels(3, bd("0.0005"), bd("0.001"));
    // mid 60000: spreads 0.001, 0.0015, 0.002 -> 59940 / 59910 / 59880 and 60060 / 60090 / 60120
    List<TargetOrder> t =
        Strategies.fixedSpread().targets(ctx(market(BTC, "59999.9", "60000.1"), p));
    assertThat(t)
        .containsExactly(
            buy("59940.0", "0.002"),
            buy("59910.0", "0.003"),
            buy("59880.0", "0.004"),
            sell("60060.0", "0.002"),
            sell("60090.0", "0.003"),
            sell("60120.0", "0.004"));
  }

  @Test
  void explicitLadderUsesItsOwnSpreadsAndAmounts() {
    Strategy s =
        Strategies.ladder(List.of(bd("0.001"), bd("0.0025")), List.of(bd("0.001"), bd("0.005")));
    List<TargetOrder> t = s.targets(ctx(market(BTC, "59999.9", "60000.1"), TEN_BPS));
    assertThat(t)
        .containsExactly(
            buy("59940.0", "0.001"),
            buy("59850.0", "0.005"),
            sell("60060.0", "0.001"),
            sell("60150.0", "0.005"));
  }

  @Test
  void ladderRejectsListsOfDifferentSizes() {
    assertThatThrownBy(() -> Strategies.ladder(List.of(bd("0.001")), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one size");
  }

  @Test
  void inventorySkewShrinksBuysAndGrowsSellsWhenLong() {
    Strategy s = Strategies.inventorySkew(Strategies.fixedSpread(), 0.0, 1.0);
    QuoteParameters p = QuoteParameters.of(bd("0.001"), bd("0.004"));
    MarketState m = market(BTC, "59999.9", "60000.1");
    // range = 1.0 * 0.004; d = (0.002 - 0) / 0.004 = 0.5 -> buy 0.004 * 0.5, sell 0.004 * 1.5
    assertThat(s.targets(ctx(m, inventory("0.002", "60000", "1200"), p, 0)))
        .containsExactly(buy("59940.0", "0.002"), sell("60060.0", "0.006"));
    // d clamps at 1: buys vanish, sells double
    assertThat(s.targets(ctx(m, inventory("0.010", "60000", "1200"), p, 0)))
        .containsExactly(sell("60060.0", "0.008"));
    // short 0.001: d = -0.25 -> buy 0.005, sell 0.003
    assertThat(s.targets(ctx(m, inventory("-0.001", "60000", "1200"), p, 0)))
        .containsExactly(buy("59940.0", "0.005"), sell("60060.0", "0.003"));
  }

  @Test
  void inventorySkewAimsAtTheTargetBaseShare() {
    Strategy s = Strategies.inventorySkew(Strategies.fixedSpread(), 0.5, 1.0);
    QuoteParameters p = QuoteParameters.of(bd("0.001"), bd("0.004"));
    // target = 0.5 * 1200 / 60000 = 0.010 base: holding exactly that quotes symmetrically
    assertThat(
            s.targets(
                ctx(market(BTC, "59999.9", "60000.1"), inventory("0.010", "60000", "1200"), p, 0)))
        .containsExactly(buy("59940.0", "0.004"), sell("60060.0", "0.004"));
  }

  @Test
  void minimumSpreadDropsQuotesTooCloseToTheMid() {
    QuoteParameters p = TEN_BPS.withLevels(2, bd("0.001"), BigDecimal.ZERO);
    Strategy s = Strategies.minimumSpread(Strategies.fixedSpread(), bd("0.0015"));
    // level 0 at 10 bps is inside 15 bps and goes; level 1 at 20 bps stays
    assertThat(s.targets(ctx(market(BTC, "59999.9", "60000.1"), p)))
        .containsExactly(buy("59880.0", "0.002"), sell("60120.0", "0.002"));
  }

  @Test
  void priceLimitsQuoteOnlySellsAboveTheCeilingAndOnlyBuysBelowTheFloor() {
    Strategy s = Strategies.priceLimits(Strategies.fixedSpread(), bd("61000"), bd("59000"));
    assertThat(s.targets(ctx(market(BTC, "61999.9", "62000.1"), TEN_BPS)))
        .extracting(TargetOrder::side)
        .containsExactly(Side.SELL);
    assertThat(s.targets(ctx(market(BTC, "57999.9", "58000.1"), TEN_BPS)))
        .extracting(TargetOrder::side)
        .containsExactly(Side.BUY);
    assertThat(s.targets(ctx(market(BTC, "59999.9", "60000.1"), TEN_BPS))).hasSize(2);
  }

  @Test
  void filledOrderDelayKeepsTheRestingOrdersUntilTheDelayIsOver() {
    Strategy s = Strategies.filledOrderDelay(Strategies.fixedSpread(), Duration.ofSeconds(5));
    MarketState moved = market(BTC, "60999.9", "61000.1");
    var resting = Fixtures.openOrder("mm-1", Side.SELL, "60060.0", "0.002");
    s.onFill(
        Fill.builder()
            .symbol("BTCUSDT")
            .tradeId("t1")
            .orderId("o1")
            .side(Side.BUY)
            .price(bd("59940"))
            .quantity(bd("0.002"))
            .commissionAsset("USDT")
            .time(1_000)
            .build(),
        1_000);
    QuoteContext during = new QuoteContext(moved, Inventory.FLAT, List.of(resting), 5_999, TEN_BPS);
    assertThat(s.targets(during)).containsExactly(sell("60060.0", "0.002"));
    QuoteContext after = new QuoteContext(moved, Inventory.FLAT, List.of(resting), 6_000, TEN_BPS);
    assertThat(s.targets(after)).containsExactly(buy("60939.0", "0.002"), sell("61061.0", "0.002"));
  }

  @Test
  void feeAdjustedMovesQuotesOutByTheFee() {
    Strategy s = Strategies.feeAdjusted(Strategies.fixedSpread(), bd("0.0002"));
    // 59940.0 * 0.9998 = 59928.012 -> 59928.0; 60060.0 * 1.0002 = 60072.012 -> 60072.1
    assertThat(s.targets(ctx(market(BTC, "59999.9", "60000.1"), TEN_BPS)))
        .containsExactly(buy("59928.0", "0.002"), sell("60072.1", "0.002"));
  }

  @Test
  void pausableWantsNoOrdersWhilePausedButStillFeedsFillsToItsStrategy() {
    AtomicBoolean paused = new AtomicBoolean(true);
    Strategy s =
        Strategies.pausable(
            Strategies.filledOrderDelay(Strategies.fixedSpread(), Duration.ofSeconds(5)),
            paused::get);
    MarketState mid60k = market(BTC, "59999.9", "60000.1");
    assertThat(s.targets(ctx(mid60k, TEN_BPS))).isEmpty();
    s.onFill(
        Fill.builder()
            .symbol("BTCUSDT")
            .tradeId("t1")
            .orderId("o1")
            .side(Side.BUY)
            .price(bd("59940"))
            .quantity(bd("0.002"))
            .commissionAsset("USDT")
            .time(1_000)
            .build(),
        1_000);
    paused.set(false);
    // the fill reached the delay filter while paused: it still holds the resting order at 5.999 s
    var resting = Fixtures.openOrder("mm-1", Side.SELL, "60060.0", "0.002");
    QuoteContext during =
        new QuoteContext(mid60k, Inventory.FLAT, List.of(resting), 5_999, TEN_BPS);
    assertThat(s.targets(during)).containsExactly(sell("60060.0", "0.002"));
    QuoteContext after = new QuoteContext(mid60k, Inventory.FLAT, List.of(resting), 6_000, TEN_BPS);
    assertThat(s.targets(after)).containsExactly(buy("59940.0", "0.002"), sell("60060.0", "0.002"));
  }
}
