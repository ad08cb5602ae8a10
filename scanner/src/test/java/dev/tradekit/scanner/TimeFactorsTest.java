package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeFactorsTest {
  private static final double EPS = 1e-15;

  @Test
  void atThirtyMinutesWithOnePercentVolatility() {
    TimeFactors f = TimeFactors.at(30, 1.0);
    assertThat(f.linear()).isEqualTo(0.5);
    assertThat(f.exponential()).isCloseTo(0.6321205588285577, within(EPS));
    assertThat(f.logarithmic()).isCloseTo(0.7160419480033514, within(EPS));
    assertThat(f.volatilityAdaptive()).isCloseTo(0.3934693402873666, within(EPS));
  }

  @Test
  void atOneHourWithoutVolatility() {
    TimeFactors f = TimeFactors.at(60, 0);
    assertThat(f.linear()).isEqualTo(1.0);
    assertThat(f.exponential()).isCloseTo(0.8646647167633873, within(EPS));
    assertThat(f.logarithmic()).isCloseTo(0.8571837792098141, within(EPS));
    assertThat(f.volatilityAdaptive()).isCloseTo(0.8646647167633873, within(EPS));
  }

  @Test
  void linearAndLogarithmicSaturateAtOne() {
    TimeFactors f = TimeFactors.at(120, 2.0);
    assertThat(f.linear()).isEqualTo(1.0);
    assertThat(f.logarithmic()).isEqualTo(1.0);
    assertThat(TimeFactors.at(500, 0).logarithmic()).isEqualTo(1.0);
    assertThat(f.exponential()).isCloseTo(0.9816843611112658, within(EPS));
    assertThat(f.volatilityAdaptive()).isCloseTo(0.7364028618842733, within(EPS));
  }

  @Test
  void volatilitySlowsTheAdaptiveFactorOnly() {
    TimeFactors calm = TimeFactors.at(90, 0.5);
    assertThat(calm.volatilityAdaptive()).isCloseTo(0.8646647167633873, within(EPS)); // 1-e^-2
    assertThat(calm.exponential()).isCloseTo(0.950212931632136, within(EPS));
    assertThat(TimeFactors.at(90, 5).volatilityAdaptive()).isLessThan(calm.volatilityAdaptive());
  }

  @Test
  void zeroAndNegativeLifetimesGiveZero() {
    for (TimeFactors f : new TimeFactors[] {TimeFactors.at(0, 0), TimeFactors.at(-5, -1)}) {
      assertThat(f.minutes()).isZero();
      assertThat(f.linear()).isZero();
      assertThat(f.exponential()).isZero();
      assertThat(f.logarithmic()).isZero();
      assertThat(f.volatilityAdaptive()).isZero();
    }
  }

  @Test
  void rejectsNaN() {
    assertThatThrownBy(() -> TimeFactors.at(Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minutes");
  }
}
