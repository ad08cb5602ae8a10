package dev.tradekit.scanner;

import static dev.tradekit.scanner.TestBooks.SCALE;
import static dev.tradekit.scanner.TestBooks.book;
import static dev.tradekit.scanner.TestBooks.flat;
import static dev.tradekit.scanner.TestBooks.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeOrderDetectorTest {
  private final LargeOrderDetector detector = new LargeOrderDetector(3.5, 10, 20);

  private List<LargeOrderDetector.Wall> detect(OrderBook b, double minUsd) {
    return detect(detector, b, minUsd);
  }

  private static List<LargeOrderDetector.Wall> detect(
      LargeOrderDetector detector, OrderBook b, double minUsd) {
    LargeOrderDetector.Walls found = new LargeOrderDetector.Walls();
    detector.detect(b, SCALE, minUsd, found);
    List<LargeOrderDetector.Wall> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      out.add(found.get(i));
    }
    return out;
  }

  @Test
  void flagsALevelAboveMultiplierTimesTopTenMean() {
    // 9 levels of 1 and one of 10 at level 3: mean = 19 / 10 = 1.9, threshold 6.65 < 10.
    OrderBook b = book("X", 1000, with(flat(20, 1), 3, 10), flat(20, 1));
    List<LargeOrderDetector.Wall> walls = detect(b, 0);
    assertThat(walls).hasSize(1);
    LargeOrderDetector.Wall w = walls.get(0);
    assertThat(w.side()).isEqualTo(Side.BUY);
    assertThat(w.priceTicks()).isEqualTo(997);
    assertThat(w.price()).isEqualTo(99.7);
    assertThat(w.quantity()).isEqualTo(10);
    assertThat(w.referenceMean()).isCloseTo(1.9, within(1e-12));
    assertThat(w.usdValue()).isCloseTo(997, within(1e-9));
  }

  @Test
  void aLevelJustAtTheThresholdIsNotLarge() {
    // Level 15 (outside the top ten): mean of top ten is 2, threshold 7: 7 is not above it.
    OrderBook b = book("X", 1000, with(flat(20, 2), 15, 7), flat(20, 2));
    assertThat(detect(b, 0)).isEmpty();
    OrderBook above = book("X", 1000, with(flat(20, 2), 15, 7.0001), flat(20, 2));
    assertThat(detect(above, 0))
        .extracting(LargeOrderDetector.Wall::priceTicks)
        .containsExactly(985L);
  }

  @Test
  void appliesTheUsdFloor() {
    OrderBook b = book("X", 1000, flat(20, 1), with(flat(20, 1), 0, 20)); // ask 20 @ 100.1
    assertThat(detect(b, 2_002)).hasSize(1); // 20 * 100.1 = 2002
    assertThat(detect(b, 2_002.01)).isEmpty();
  }

  @Test
  void findsWallsOnBothSidesBidsFirst() {
    OrderBook b = book("X", 1000, with(flat(20, 1), 12, 50), with(flat(20, 1), 5, 40));
    assertThat(detect(b, 0))
        .extracting(LargeOrderDetector.Wall::side, LargeOrderDetector.Wall::priceTicks)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Side.BUY, 988L),
            org.assertj.core.groups.Tuple.tuple(Side.SELL, 1006L));
  }

  @Test
  void examinesOnlyTheConfiguredDepth() {
    OrderBook b = book("X", 1000, with(flat(30, 1), 25, 100), flat(30, 1));
    assertThat(detect(b, 0)).isEmpty();
    List<LargeOrderDetector.Wall> deep = detect(new LargeOrderDetector(3.5, 10, 30), b, 0);
    assertThat(deep).hasSize(1);
  }

  @Test
  void uniformAndEmptyBooksHaveNoWalls() {
    assertThat(detect(book("X", 1000, flat(20, 5), flat(20, 5)), 0)).isEmpty();
    assertThat(detect(new OrderBook("X"), 0)).isEmpty();
  }

  @Test
  void shortBooksUseTheLevelsThereAre() {
    // 3 bids: 1, 1, 20 -> mean 22/3 = 7.33, threshold 25.7: not large; with 40: mean 14, th 49.
    assertThat(detect(book("X", 1000, new double[] {1, 1, 20}, new double[0]), 0)).isEmpty();
    // 5 bids: 1,1,1,1,30 -> mean 6.8, threshold 23.8 < 30.
    assertThat(detect(book("X", 1000, new double[] {1, 1, 1, 1, 30}, new double[0]), 0)).hasSize(1);
  }
}
