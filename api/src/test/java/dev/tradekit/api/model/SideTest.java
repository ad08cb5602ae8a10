package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SideTest {
  @Test
  void oppositeAndSignAreConsistent() {
    assertThat(Side.BUY.opposite()).isEqualTo(Side.SELL);
    assertThat(Side.SELL.opposite()).isEqualTo(Side.BUY);
    assertThat(Side.BUY.sign()).isEqualTo(1);
    assertThat(Side.SELL.sign()).isEqualTo(-1);
  }
}
