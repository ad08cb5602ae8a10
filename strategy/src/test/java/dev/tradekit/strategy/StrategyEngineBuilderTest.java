package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.KlineInterval;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder validates each setting eagerly and names what is wrong. */
class StrategyEngineBuilderTest {

  @Test
  void aNameThatCannotPrefixClientIdsIsRefused() {
    assertThatThrownBy(() -> StrategyEngine.builder().name("my-bot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 12 letters or digits");
    assertThatThrownBy(() -> StrategyEngine.builder().name("abcdefghijklm"))
        .hasMessageContaining("'abcdefghijklm'");
  }

  @Test
  void buildNamesTheFirstMissingSetting() {
    assertThatThrownBy(() -> StrategyEngine.builder().build()).hasMessage("name is required");
    assertThatThrownBy(() -> StrategyEngine.builder().name("a").build())
        .hasMessage("exchange is required");
  }

  @Test
  void fractionsMustBeBelowOneAndNotNegative() {
    assertThatThrownBy(() -> StrategyEngine.builder().stopLoss(-0.01))
        .hasMessage("stopLoss must be in [0, 1), was -0.01");
    assertThatThrownBy(() -> StrategyEngine.builder().takeProfit(1.0))
        .hasMessage("takeProfit must be in [0, 1), was 1.0");
    assertThatThrownBy(() -> StrategyEngine.builder().trailingStop(Double.NaN))
        .hasMessage("trailingStop must be in [0, 1), was NaN");
  }

  @Test
  void otherSettingsAreCheckedAsTheyAreGiven() {
    assertThatThrownBy(() -> StrategyEngine.builder().interval(KlineInterval.MN1))
        .hasMessageContaining("calendar month");
    assertThatThrownBy(() -> StrategyEngine.builder().warmupBars(1501))
        .hasMessage("warmupBars must be 0 to 1500, was 1501");
    assertThatThrownBy(() -> StrategyEngine.builder().maxPosition(BigDecimal.ZERO))
        .hasMessage("maxPosition must be positive, was 0");
    assertThatThrownBy(() -> StrategyEngine.builder().maxLoss(new BigDecimal("-1")))
        .hasMessage("maxLoss must be positive, was -1");
    assertThatThrownBy(() -> StrategyEngine.builder().maxBarAge(Duration.ofSeconds(-1)))
        .hasMessageContaining("maxBarAge must not be negative");
    assertThatThrownBy(() -> StrategyEngine.builder().symbol(" "))
        .hasMessage("symbol must not be blank");
    assertThatThrownBy(() -> Sizing.quantity(BigDecimal.ZERO))
        .hasMessage("size must be positive, was 0");
  }

  @Test
  void notionalSizingRoundsDownToTheMarketStep() {
    BigDecimal q = Sizing.notional(new BigDecimal("1000")).quantity(WalkBars.instrument(), 30_000);
    assertThat(q).isEqualByComparingTo("0.033");
    assertThat(Sizing.quantity(new BigDecimal("0.0155")).quantity(WalkBars.instrument(), 1))
        .isEqualByComparingTo("0.015");
  }
}
