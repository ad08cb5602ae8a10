package dev.tradekit.marketmaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderBudgetTest {
  @Test
  void budgetFreesUpAMinuteAfterItWasSpent() {
    OrderBudget b = new OrderBudget(5);
    b.spend(1_000, 3);
    b.spend(20_000, 2);
    assertThat(b.available(30_000)).isZero();
    assertThat(b.nextFree(30_000)).isEqualTo(61_000);
    assertThat(b.available(60_999)).isZero();
    assertThat(b.available(61_000)).isEqualTo(3);
    assertThat(b.available(80_000)).isEqualTo(5);
  }

  @Test
  void zeroMeansUnlimited() {
    OrderBudget b = new OrderBudget(0);
    b.spend(0, 1_000_000);
    assertThat(b.available(0)).isEqualTo(Integer.MAX_VALUE);
  }
}
