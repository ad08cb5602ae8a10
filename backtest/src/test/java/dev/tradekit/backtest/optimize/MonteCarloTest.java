package dev.tradekit.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradekit.backtest.ReportFixture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

  @Test
  void percentilesInterpolateBetweenOrderStatistics() {
    MonteCarlo.Percentiles p = MonteCarlo.percentiles(new double[] {1, 2, 3, 4, 5});
    assertThat(p.p5()).isCloseTo(1.2, within(1e-12));
    assertThat(p.p25()).isEqualTo(2.0);
    assertThat(p.p50()).isEqualTo(3.0);
    assertThat(p.p75()).isEqualTo(4.0);
    assertThat(p.p95()).isCloseTo(4.8, within(1e-12));
  }

  @Test
  void shuffleKeepsTheTotalReturnAndChangesOnlyThePath() {
    // +10 %, −10 %, −10 %: total 1.1 · 0.9 · 0.9 − 1 = −0.109 in every order.
    // Drawdown 0.19 when the two losses are adjacent (2 of 3 orders), else 1 − 0.891 = 0.109.
    MonteCarlo.Distribution d =
        MonteCarlo.of(new double[] {0.1, -0.1, -0.1}).run(MonteCarlo.Mode.SHUFFLE, 3000, 1);
    assertThat(d.runs()).isEqualTo(3000);
    assertThat(d.totalReturn().p5()).isCloseTo(-0.109, within(1e-12));
    assertThat(d.totalReturn().p95()).isCloseTo(-0.109, within(1e-12));
    assertThat(d.maxDrawdown().p5()).isCloseTo(0.109, within(1e-12));
    assertThat(d.maxDrawdown().p50()).isCloseTo(0.19, within(1e-12));
    assertThat(d.maxDrawdown().p95()).isCloseTo(0.19, within(1e-12));
    long adjacent = Arrays.stream(d.maxDrawdowns()).filter(x -> x > 0.15).count();
    assertThat(adjacent / 3000.0).isCloseTo(2.0 / 3, within(0.04));
  }

  @Test
  void bootstrapDrawsWithReplacement() {
    // two draws from {+10 %, −10 %}: +21 % (1/4), −1 % (1/2), −19 % (1/4)
    MonteCarlo.Distribution d =
        MonteCarlo.of(new double[] {0.1, -0.1}).run(MonteCarlo.Mode.BOOTSTRAP, 4000, 42);
    assertThat(d.totalReturn().p5()).isCloseTo(-0.19, within(1e-12));
    assertThat(d.totalReturn().p50()).isCloseTo(-0.01, within(1e-12));
    assertThat(d.totalReturn().p95()).isCloseTo(0.21, within(1e-12));
    long up = Arrays.stream(d.totalReturns()).filter(x -> x > 0.2).count();
    assertThat(up / 4000.0).isCloseTo(0.25, within(0.03));
    // drawdown: 0 for (+,+); 0.1 for (+,−), (−,+); 0.19 for (−,−)
    assertThat(d.maxDrawdown().p5()).isEqualTo(0.0);
    assertThat(d.maxDrawdown().p50()).isCloseTo(0.1, within(1e-12));
    assertThat(d.maxDrawdown().p95()).isCloseTo(0.19, within(1e-12));
  }

  @Test
  void sameSeedGivesTheSameDistributionAndAnotherSeedAnother() {
    MonteCarlo mc = MonteCarlo.ofTrips(ReportFixture.backtest().run().account("sma").roundTrips());
    MonteCarlo.Distribution a = mc.run(MonteCarlo.Mode.BOOTSTRAP, 500, 5);
    MonteCarlo.Distribution b = mc.run(MonteCarlo.Mode.BOOTSTRAP, 500, 5);
    MonteCarlo.Distribution c = mc.run(MonteCarlo.Mode.BOOTSTRAP, 500, 6);
    assertThat(a.totalReturns()).isEqualTo(b.totalReturns());
    assertThat(a.maxDrawdowns()).isEqualTo(b.maxDrawdowns());
    assertThat(a.totalReturns()).isNotEqualTo(c.totalReturns());
    assertThat(a.totalReturn().p5()).isLessThanOrEqualTo(a.totalReturn().p95());
  }

  @Test
  void rejectsEmptyOrRuinousReturns() {
    assertThatThrownBy(() -> MonteCarlo.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> MonteCarlo.of(new double[] {0.1, -1}))
        .hasMessageContaining("tradeReturns[1]");
  }
}
