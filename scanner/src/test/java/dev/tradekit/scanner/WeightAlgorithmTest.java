package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WeightAlgorithmTest {
  private static final double EPS = 1e-15;

  /** t = 30 min, vol 1 %; S = 0.6; P = 0.8; round level; C = 1 × 0.8 × 0.5 = 0.4. */
  private static ScoringInput sample() {
    MarketContext ctx = new MarketContext(2.0, 1.0, 1.0, 0.8);
    OrderAnalytics an = new OrderAnalytics(new BigDecimal("100"), 0.0, true, 1.0, null);
    return new ScoringInput(TimeFactors.at(30, 1.0), 0.6, ctx, an);
  }

  @Test
  void inputFactorsOfTheSample() {
    ScoringInput in = sample();
    assertThat(in.context().calmFactor()).isEqualTo(0.5);
    assertThat(in.context().contextFactor()).isCloseTo(0.4, within(EPS));
    assertThat(in.analytics().proximityFactor()).isCloseTo(0.8, within(EPS));
    assertThat(in.roundFactor()).isEqualTo(1.0);
  }

  @Test
  void conservative() {
    assertThat(WeightAlgorithm.conservative().weigh(sample())).isCloseTo(0.61, within(EPS));
    assertThat(WeightAlgorithm.conservative().name()).isEqualTo("conservative");
  }

  @Test
  void aggressive() {
    assertThat(WeightAlgorithm.aggressive().weigh(sample()))
        .isCloseTo(0.6664241117657115, within(EPS));
    assertThat(WeightAlgorithm.aggressive().name()).isEqualTo("aggressive");
  }

  @Test
  void hybrid() {
    assertThat(WeightAlgorithm.hybrid().weigh(sample())).isCloseTo(0.6364266932436078, within(EPS));
    assertThat(WeightAlgorithm.hybrid().name()).isEqualTo("hybrid");
  }

  @Test
  void recommendedIsTheMeanOfTheThree() {
    assertThat(WeightAlgorithm.recommended().weigh(sample()))
        .isCloseTo(0.6376169350031063, within(EPS));
    assertThat(WeightAlgorithm.recommended().name()).isEqualTo("recommended");
  }

  @Test
  void everyBuiltInIsOneWhenEveryFactorIsOneAndZeroWhenEveryFactorIsZero() {
    MarketContext full = new MarketContext(1, 1, 1, 1);
    OrderAnalytics atMid = new OrderAnalytics(BigDecimal.TEN, 0, true, 0, null);
    ScoringInput max = new ScoringInput(TimeFactors.at(10_000, 0), 1.0, full, atMid);
    MarketContext none = new MarketContext(1, 1, 0, 1);
    OrderAnalytics far = new OrderAnalytics(BigDecimal.TEN, 1, false, 50, null);
    ScoringInput min = new ScoringInput(TimeFactors.at(0, 0), 0.0, none, far);
    for (WeightAlgorithm a : BuiltInAlgorithm.ALL) {
      assertThat(a.weigh(max)).as(a.name()).isCloseTo(1.0, within(1e-12));
      assertThat(a.weigh(min)).as(a.name()).isZero();
    }
  }

  @Test
  void sizeFactorSaturates() {
    assertThat(ScoringInput.sizeFactor(3.5, 3.5)).isCloseTo(0.3934693402873666, within(EPS));
    assertThat(ScoringInput.sizeFactor(7, 3.5)).isCloseTo(0.6321205588285577, within(EPS));
    assertThat(ScoringInput.sizeFactor(14, 3.5)).isCloseTo(0.8646647167633873, within(EPS));
    assertThat(ScoringInput.sizeFactor(0, 3.5)).isZero();
    assertThat(ScoringInput.sizeFactor(1e9, 3.5)).isEqualTo(1.0);
  }

  @Test
  void customAlgorithmsAreNamedFunctionsAndTheEngineClamps() {
    WeightAlgorithm doubled = WeightAlgorithm.of("double-size", in -> 2 * in.sizeFactor());
    assertThat(doubled.name()).isEqualTo("double-size");
    assertThat(doubled.weigh(sample())).isEqualTo(1.2);
    assertThat(Scoring.clamp(1.2)).isEqualTo(1.0);
    assertThat(Scoring.clamp(-0.1)).isZero();
    assertThat(Scoring.clamp(Double.NaN)).isZero();
    assertThatThrownBy(() -> WeightAlgorithm.of(" ", in -> 0))
        .hasMessageContaining("name must not be blank");
  }
}
