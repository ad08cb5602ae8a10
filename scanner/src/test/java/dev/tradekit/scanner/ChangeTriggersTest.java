package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeTriggersTest {
  private static final long T0 = 1_700_000_000_000L;
  private final ChangeTriggers triggers = new ChangeTriggers(0.05, 0.05);

  private static TrackedOrder order(double quantity) {
    TrackedOrder o = new TrackedOrder("X", Side.BUY, 1000, new BigDecimal("100"), 10, T0);
    o.quantity = quantity;
    return o;
  }

  private static OrderUpdate update(TrackedOrder o, double weight) {
    return new OrderUpdate(
        T0,
        Set.of(UpdateReason.WEIGHT_MOVED),
        o.toLargeOrder(),
        TimeFactors.at(1, 0),
        0.5,
        Map.of("w", weight),
        "w",
        weight,
        Category.of(weight),
        new MarketContext(0, 0, 1, 1),
        Scoring.analytics(o.price, 100, null));
  }

  private Set<UpdateReason> after(double publishedWeight, double weight, double quantity) {
    TrackedOrder o = order(10);
    ChangeTriggers.published(o, update(o, publishedWeight));
    o.quantity = quantity;
    return triggers.reasons(o, update(o, weight));
  }

  @Test
  void nothingMovedEnough() {
    assertThat(after(0.40, 0.45, 10.5)).isEmpty(); // +0.05 weight, +5 % value: not more
  }

  @Test
  void weightMovedByMoreThanTheThreshold() {
    assertThat(after(0.40, 0.4501, 10)).containsExactly(UpdateReason.WEIGHT_MOVED);
    assertThat(after(0.40, 0.3499, 10)).containsExactly(UpdateReason.WEIGHT_MOVED);
  }

  @Test
  void valueMovedByMoreThanFivePercent() {
    assertThat(after(0.40, 0.40, 10.51)).containsExactly(UpdateReason.VALUE_MOVED);
    assertThat(after(0.40, 0.40, 9.49)).containsExactly(UpdateReason.VALUE_MOVED);
  }

  @Test
  void categoryChangedEvenByATinyWeightStep() {
    assertThat(after(0.66, 2.0 / 3.0, 10)).containsExactly(UpdateReason.CATEGORY_CHANGED);
    assertThat(after(0.34, 0.33, 10)).containsExactly(UpdateReason.CATEGORY_CHANGED);
  }

  @Test
  void severalReasonsAtOnce() {
    assertThat(after(0.30, 0.70, 20))
        .containsExactlyInAnyOrder(
            UpdateReason.CATEGORY_CHANGED, UpdateReason.WEIGHT_MOVED, UpdateReason.VALUE_MOVED);
  }

  @Test
  void anOrderNeverPublishedHasNoBaseline() {
    TrackedOrder o = order(10);
    assertThat(triggers.reasons(o, update(o, 0.9))).isEmpty();
  }

  @Test
  void thresholdsAreConfigurable() {
    ChangeTriggers loose = new ChangeTriggers(0.2, 0.5);
    TrackedOrder o = order(10);
    ChangeTriggers.published(o, update(o, 0.40));
    o.quantity = 14;
    assertThat(loose.reasons(o, update(o, 0.59))).isEmpty();
    o.quantity = 16;
    assertThat(loose.reasons(o, update(o, 0.61)))
        .containsExactlyInAnyOrder(UpdateReason.WEIGHT_MOVED, UpdateReason.VALUE_MOVED);
  }

  @Test
  void firesExactlyWhenAnUpdateWouldHaveReasons() {
    double[] weights = {0.0, 0.30, 1.0 / 3.0, 0.35, 0.3834, 0.3833, 0.5, 2.0 / 3.0, 0.7, 1.0};
    double[] quantities = {9.49, 9.5, 10, 10.5, 10.51, 20};
    for (double published : weights) {
      for (double weight : weights) {
        for (double quantity : quantities) {
          TrackedOrder o = order(10);
          ChangeTriggers.published(o, update(o, published));
          o.quantity = quantity;
          boolean expected = !triggers.reasons(o, update(o, weight)).isEmpty();
          assertThat(triggers.fires(o, weight, o.usdValue()))
              .as("published %s, now %s at quantity %s", published, weight, quantity)
              .isEqualTo(expected);
        }
      }
    }
    TrackedOrder fresh = order(10);
    assertThat(triggers.fires(fresh, 0.9, 5000)).as("never published: no baseline").isFalse();
  }
}
