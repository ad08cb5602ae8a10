package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.runtime.VirtualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {
  @Test
  void nameMustBeShortAndAlphanumericBecauseItPrefixesClientIds() {
    assertThatThrownBy(() -> MarketMaker.builder().name("my-bot"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters or digits");
    assertThatThrownBy(() -> MarketMaker.builder().name("abcdefghijklm"))
        .hasMessageContaining("1 to 12");
  }

  @Test
  void buildNamesTheMissingSetting() {
    assertThatThrownBy(() -> MarketMaker.builder().build()).hasMessageContaining("exchange");
  }

  @Test
  void spreadStrategiesNeedParametersButGridAndDcaDoNot() {
    assertThatThrownBy(
            () ->
                MarketMaker.builder()
                    .exchange(new SimMarket().exchange)
                    .symbol("BTCUSDT")
                    .scheduler(new VirtualScheduler(0))
                    .strategy(Strategies.fixedSpread())
                    .build())
        .hasMessageContaining("parameters");
    MarketMaker grid =
        MarketMaker.builder()
            .exchange(new SimMarket().exchange)
            .symbol("BTCUSDT")
            .scheduler(new VirtualScheduler(0))
            .strategy(
                Strategies.grid()
                    .range(bd("50000"), bd("70000"))
                    .count(11)
                    .amountPerGrid(bd("0.001"))
                    .build())
            .build();
    assertThat(grid.status().state()).isEqualTo("STOPPED");
  }

  @Test
  void syncSettingsRejectOutOfRangeValues() {
    assertThatThrownBy(() -> SyncSettings.builder().sizeTolerance(bd("1")).build())
        .hasMessageContaining("sizeTolerance");
    assertThatThrownBy(() -> SyncSettings.builder().deadManSwitch(Duration.ofSeconds(1)).build())
        .hasMessageContaining("deadManSwitch");
    assertThatThrownBy(() -> SyncSettings.builder().priceToleranceTicks(-1).build())
        .hasMessageContaining("priceToleranceTicks");
  }

  @Test
  void quoteParametersRejectSpreadsOfAWholeMid() {
    assertThatThrownBy(() -> QuoteParameters.of(bd("1"), bd("0.001")))
        .hasMessageContaining("must be < 1");
    assertThatThrownBy(() -> QuoteParameters.of(bd("0.001"), bd("0")))
        .hasMessageContaining("orderAmount");
    assertThat(
            QuoteParameters.of(bd("0.001"), bd("0.002"))
                .withLevels(3, bd("0.001"), bd("0.001"))
                .sideAmount())
        .isEqualByComparingTo("0.009");
  }
}
