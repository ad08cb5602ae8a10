package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CategoryTest {

  @Test
  void edgesBelongToTheHigherCategory() {
    assertThat(Category.of(0.0)).isEqualTo(Category.BASIC);
    assertThat(Category.of(Math.nextDown(1.0 / 3.0))).isEqualTo(Category.BASIC);
    assertThat(Category.of(1.0 / 3.0)).isEqualTo(Category.GOLD);
    assertThat(Category.of(Math.nextDown(2.0 / 3.0))).isEqualTo(Category.GOLD);
    assertThat(Category.of(2.0 / 3.0)).isEqualTo(Category.DIAMOND);
    assertThat(Category.of(1.0)).isEqualTo(Category.DIAMOND);
  }

  @Test
  void outOfRangeWeightsAreClampedAndNaNRejected() {
    assertThat(Category.of(-1)).isEqualTo(Category.BASIC);
    assertThat(Category.of(7)).isEqualTo(Category.DIAMOND);
    assertThatThrownBy(() -> Category.of(Double.NaN)).hasMessageContaining("NaN");
  }
}
