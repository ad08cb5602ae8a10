package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CopyPoliciesTest {

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  /** Leader opened 0.5 at 60000 (cost 30000); follower holds 0 so far. */
  private static CopyContext ctx(String symbol) {
    return new CopyContext(
        "alice",
        symbol,
        Side.BUY,
        CopyAction.OPEN,
        bd("0.5"),
        bd("60000"),
        null,
        null,
        BigDecimal.ZERO,
        BigDecimal.ZERO);
  }

  private static CopyContext ctxWithBalances(String leader, String follower) {
    return new CopyContext(
        "alice",
        "BTCUSDT",
        Side.BUY,
        CopyAction.OPEN,
        bd("0.5"),
        bd("60000"),
        bd(leader),
        bd(follower),
        BigDecimal.ZERO,
        BigDecimal.ZERO);
  }

  private static CopyContext ctxWithNotionals(String symbolNotional, String totalNotional) {
    return new CopyContext(
        "alice",
        "BTCUSDT",
        Side.BUY,
        CopyAction.INCREASE,
        bd("0.5"),
        bd("60000"),
        null,
        null,
        bd(symbolNotional),
        bd(totalNotional));
  }

  private static CopyPlan size(CopyPolicy p, CopyContext c) {
    return p.size(c, CopyPlan.of(c));
  }

  @Test
  void withoutSizingStepCopiesOneToOne() {
    CopyPlan plan = size(CopyPolicies.denySymbols("ETHUSDT"), ctx("BTCUSDT"));
    assertThat(plan.quantity()).isEqualByComparingTo("0.5");
    assertThat(plan.isSkipped()).isFalse();
  }

  @Test
  void fixedRatioScalesTheLeaderQuantity() {
    // 0.5 * 0.25 = 0.125
    assertThat(size(CopyPolicies.fixedRatio(bd("0.25")), ctx("BTCUSDT")).quantity())
        .isEqualByComparingTo("0.125");
  }

  @Test
  void fixedNotionalDividesByTheLeaderPrice() {
    // 1500 / 60000 = 0.025
    assertThat(size(CopyPolicies.fixedNotional(bd("1500")), ctx("BTCUSDT")).quantity())
        .isEqualByComparingTo("0.025");
  }

  @Test
  void proportionalToBalanceScalesCostByTheBalanceRatio() {
    // cost 30000 / leader 120000 = 0.25 of the leader's equity; * follower 8000 = 2000 cost;
    // 2000 / 60000 = 0.0333333333333333 (16 digits)
    CopyPlan plan = size(CopyPolicies.proportionalToBalance(), ctxWithBalances("120000", "8000"));
    assertThat(plan.quantity()).isEqualByComparingTo("0.03333333333333333");
    assertThat(CopyPolicies.proportionalToBalance().needsBalances()).isTrue();
  }

  @Test
  void proportionalToBalanceSkipsWhenTheLeaderHasNoEquity() {
    CopyPlan plan = size(CopyPolicies.proportionalToBalance(), ctxWithBalances("0", "8000"));
    assertThat(plan.skipReason()).contains("leader margin balance");
  }

  @Test
  void allowAndDenyListsSkipWithTheSymbolInTheReason() {
    assertThat(size(CopyPolicies.allowSymbols("ETHUSDT", "BTCUSDT"), ctx("BTCUSDT")).isSkipped())
        .isFalse();
    assertThat(size(CopyPolicies.allowSymbols("ETHUSDT"), ctx("BTCUSDT")).skipReason())
        .isEqualTo("symbol BTCUSDT is not in the allow list [ETHUSDT]");
    assertThat(size(CopyPolicies.denySymbols("BTCUSDT"), ctx("BTCUSDT")).skipReason())
        .isEqualTo("symbol BTCUSDT is in the deny list");
  }

  @Test
  void minNotionalSkipsSmallOrdersInsteadOfEnlargingThem() {
    // 0.5 * 0.0003 = 0.00015 BTC * 60000 = 9 < 10
    CopyPolicy p =
        CopyPolicies.fixedRatio(bd("0.0003")).andThen(CopyPolicies.minNotionalPerOrder(bd("10")));
    CopyPlan plan = size(p, ctx("BTCUSDT"));
    assertThat(plan.skipReason()).isEqualTo("order notional 9 is below the policy minimum 10");
    assertThat(plan.quantity()).isEqualByComparingTo("0.00015");
  }

  @Test
  void maxNotionalPerOrderCapsTheQuantity() {
    // 6000 / 60000 = 0.1 < 0.5
    assertThat(size(CopyPolicies.maxNotionalPerOrder(bd("6000")), ctx("BTCUSDT")).quantity())
        .isEqualByComparingTo("0.1");
  }

  @Test
  void maxPositionNotionalShrinksToTheRoomLeft() {
    // max 20000, already 14000 copied: room 6000 / 60000 = 0.1
    CopyPlan plan =
        size(CopyPolicies.maxPositionNotional(bd("20000")), ctxWithNotionals("14000", "14000"));
    assertThat(plan.quantity()).isEqualByComparingTo("0.1");
  }

  @Test
  void maxPositionNotionalSkipsWhenFull() {
    CopyPlan plan =
        size(CopyPolicies.maxPositionNotional(bd("20000")), ctxWithNotionals("20000", "20000"));
    assertThat(plan.skipReason())
        .isEqualTo("copied notional in BTCUSDT (20000) is already at the policy maximum 20000");
  }

  @Test
  void maxTotalNotionalCountsEverySymbol() {
    // max 50000, symbol 0, total 47000: room 3000 / 60000 = 0.05
    CopyPlan plan =
        size(CopyPolicies.maxTotalNotional(bd("50000")), ctxWithNotionals("0", "47000"));
    assertThat(plan.quantity()).isEqualByComparingTo("0.05");
  }

  @Test
  void chainAppliesStepsInOrderAndStopsAtASkip() {
    CopyPolicy p =
        CopyPolicies.fixedRatio(bd("2"))
            .andThen(CopyPolicies.maxNotionalPerOrder(bd("30000")))
            .andThen(CopyPolicies.fixedRatio(bd("1")));
    // 1.0 capped to 0.5, then the last sizing step resets to 0.5 * 1
    assertThat(size(p, ctx("BTCUSDT")).quantity()).isEqualByComparingTo("0.5");
    CopyPolicy skipping =
        CopyPolicies.denySymbols("BTCUSDT").andThen(CopyPolicies.fixedRatio(bd("3")));
    CopyPlan plan = size(skipping, ctx("BTCUSDT"));
    assertThat(plan.isSkipped()).isTrue();
    assertThat(plan.quantity()).isEqualByComparingTo("0.5");
  }

  @Test
  void settingsStepsComposeOverTheDefaults() {
    FollowerSettings s =
        CopyPolicies.fixedRatio(bd("1"))
            .andThen(CopyPolicies.slippageCap(bd("0.002")))
            .andThen(CopyPolicies.fixedLeverage(5))
            .andThen(CopyPolicies.aggregateWithin(Duration.ofMillis(300)))
            .andThen(CopyPolicies.delay(Duration.ofSeconds(1)))
            .andThen(CopyPolicies.reopenOnFlip(false))
            .andThen(CopyPolicies.dailyLossLimit(bd("500")))
            .andThen(CopyPolicies.maxDrawdown(bd("0.2")))
            .settings(FollowerSettings.DEFAULTS);
    assertThat(s.maxSlippage()).isEqualByComparingTo("0.002");
    assertThat(s.fixedLeverage()).isEqualTo(5);
    assertThat(s.mirrorLeverage()).isFalse();
    assertThat(s.aggregationWindow()).isEqualTo(Duration.ofMillis(300));
    assertThat(s.delay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.reopenOnFlip()).isFalse();
    assertThat(s.dailyLossLimit()).isEqualByComparingTo("500");
    assertThat(s.maxDrawdown()).isEqualByComparingTo("0.2");
    FollowerSettings mirrored = CopyPolicies.mirrorLeverage().settings(s);
    assertThat(mirrored.mirrorLeverage()).isTrue();
    assertThat(mirrored.fixedLeverage()).isNull();
    assertThat(CopyPolicies.copyEachFill().settings(s).aggregationWindow()).isZero();
  }

  @Test
  void defaultsCopyEachFillAtMarketAndReopenOnFlips() {
    FollowerSettings d = FollowerSettings.DEFAULTS;
    assertThat(d.aggregationWindow()).isZero();
    assertThat(d.delay()).isZero();
    assertThat(d.maxSlippage()).isNull();
    assertThat(d.fixedLeverage()).isNull();
    assertThat(d.reopenOnFlip()).isTrue();
  }

  @Test
  void factoriesRejectBadArgumentsNamingThem() {
    assertThatThrownBy(() -> CopyPolicies.fixedRatio(bd("0")))
        .hasMessage("ratio must be > 0 but was 0");
    assertThatThrownBy(() -> CopyPolicies.slippageCap(bd("1.5")))
        .hasMessageContaining("maxSlippage must be a fraction in (0, 1)");
    assertThatThrownBy(() -> CopyPolicies.fixedLeverage(0))
        .hasMessage("leverage must be >= 1 but was 0");
    assertThatThrownBy(() -> CopyPolicies.allowSymbols())
        .hasMessage("allowSymbols needs at least one symbol");
    assertThatThrownBy(() -> CopyPolicies.aggregateWithin(Duration.ZERO))
        .hasMessageContaining("window must be positive");
    assertThatThrownBy(() -> CopyPolicies.maxDrawdown(bd("1")))
        .hasMessageContaining("maxDrawdown must be a fraction in (0, 1)");
  }
}
