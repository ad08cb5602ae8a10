package dev.tradekit.samples.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.marketmaker.MarketMakerStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The example programs run on the simulated venue and do what their Javadoc says. */
class ExamplesTest {
  @Test
  void marketMakingExampleQuotesFillsAndRespectsItsCap() {
    MarketMakerStatus s = MarketMakingExample.run(7);
    assertThat(s.ordersPlaced()).isGreaterThan(2);
    assertThat(s.fills()).isPositive();
    assertThat(s.position().abs()).isLessThanOrEqualTo(new BigDecimal("0.012"));
    assertThat(s.openOrders()).isEmpty();
  }

  @Test
  void customStrategyStopsAddingAtItsCap() {
    MarketMakerStatus s = CustomStrategyExample.run(7);
    assertThat(s.fills()).isPositive();
    assertThat(s.position().abs()).isLessThanOrEqualTo(new BigDecimal("0.006"));
    assertThat(s.state()).isEqualTo("STOPPED");
  }
}
