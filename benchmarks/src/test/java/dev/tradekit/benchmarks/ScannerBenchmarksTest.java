package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.scanner.ScanResult;
import org.junit.jupiter.api.Test;

/** Runs the scanner benchmark bodies briefly so a broken benchmark fails the build. */
class ScannerBenchmarksTest {

  @Test
  void aSmallPrimaryScanFindsTheWallsAndCannotBeatTheIdealBound() {
    ScannerPrimaryScanBenchmark b = new ScannerPrimaryScanBenchmark();
    b.setUp(20, 10);
    try {
      ScanResult r = b.primaryScan();
      assertThat(r.symbols()).hasSize(20);
      assertThat(r.failures()).isEmpty();
      assertThat(r.walls()).hasSize(2); // a wall on every tenth symbol
      assertThat(r.duration().toMillis())
          .isGreaterThanOrEqualTo(ScannerPrimaryScanBenchmark.idealMillis(20, 5, 10));
    } finally {
      b.close();
    }
    assertThat(ScannerPrimaryScanBenchmark.idealMillis(250, 5, 50)).isEqualTo(2_500);
  }

  @Test
  void theHotPoolFollowsTheWallThroughDepthEvents() {
    HotPoolBenchmark b = new HotPoolBenchmark();
    b.follow = true;
    b.setUp();
    assertThat(b.hotOrders()).isEqualTo(1);
    long first = b.depthEvent();
    for (int i = 0; i < 1_000; i++) {
      b.depthEvent();
    }
    assertThat(b.depthEvent()).isEqualTo(first + 1_001);
    assertThat(b.hotOrders()).isEqualTo(1);
    b.tearDown();

    HotPoolBenchmark baseline = new HotPoolBenchmark();
    baseline.follow = false;
    baseline.setUp();
    assertThat(baseline.depthEvent()).isPositive();
    assertThat(baseline.hotOrders()).isZero();
  }
}
